from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "hub.library"
    label = "library"
    verbose_name = "Library"
