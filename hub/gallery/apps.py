from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "hub.gallery"
    label = "gallery"
    verbose_name = "Gallery"
