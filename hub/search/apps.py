from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The search index: content kinds register a source and index through its services."""

    name = "hub.search"
    label = "search"
    verbose_name = "Search"
