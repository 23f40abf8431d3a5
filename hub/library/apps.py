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

        from . import queries

        register(AuthoredKind(key="items", written_by=queries.authored_items))

        from .search import register_item_source

        register_item_source()

        from hub.networks.sections import Section, register_section

        # A network's pages list its resources. The lambda looks the read up when called.
        register_section(
            Section(
                key="resources",
                everything=lambda viewer, network: queries.network_resources(
                    viewer=viewer, network=network
                ),
            )
        )

        from hub.notifications import visibility

        from .models import Item
        from .permissions import can_view_item

        # An item's notification: as the library says (loaded with what its check reads).
        visibility.register(Item, can_view_item, prefetch_related=("co_authors",))
