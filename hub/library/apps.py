from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "hub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from .engagement import register_library_kinds

        register_library_kinds()

        from hub.taxonomy.queries import register_tag_carrier

        from .queries import items_carrying_tag

        register_tag_carrier("library.item", items_carrying_tag)

        from .moderation import register_moderated_kinds

        register_moderated_kinds()

        from hub.accounts.authored import AuthoredKind, register

        from .queries import authored_items

        register(AuthoredKind(key="items", written_by=authored_items))
