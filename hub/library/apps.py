from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "hub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from .engagement import register_library_kinds

        register_library_kinds()

        from .moderation import register_moderated_kinds

        register_moderated_kinds()

        from hub.accounts.authored import AuthoredKind, register

        from .queries import authored_items

        register(AuthoredKind(key="items", written_by=authored_items))
