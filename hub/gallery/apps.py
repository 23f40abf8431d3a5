from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "hub.gallery"
    label = "gallery"
    verbose_name = "Gallery"

    def ready(self) -> None:
        from .engagement import register_gallery_kinds

        register_gallery_kinds()

        from hub.taxonomy.queries import register_tag_carrier

        from .queries import traps_carrying_tag

        register_tag_carrier("gallery.errortrap", traps_carrying_tag)

        from .moderation import register_moderated_kinds

        register_moderated_kinds()

        from .search import register_trap_source

        register_trap_source()

        from hub.notifications.kinds import KindEntry, register_kind
        from hub.notifications.models import Delivery

        register_kind(
            KindEntry(
                "gallery:new_trap",
                "New error traps in categories and tags you follow",
                "following",
                Delivery.DAILY,
            )
        )
        register_kind(
            KindEntry(
                "gallery:decision",
                "Moderators' decisions on error traps you shared",
                "you",
                Delivery.IMMEDIATE,
                ("gallery:published", "gallery:declined"),
            )
        )
