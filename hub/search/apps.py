from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hub.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from .sources import register_core_sources

        register_core_sources()
