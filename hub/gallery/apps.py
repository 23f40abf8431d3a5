from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "hub.gallery"
    label = "gallery"
    verbose_name = "Gallery"

    def ready(self) -> None:
        from .engagement import register_gallery_kinds

        register_gallery_kinds()

        from .moderation import register_moderated_kinds

        register_moderated_kinds()
