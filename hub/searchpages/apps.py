from django.apps import AppConfig


class SearchPagesConfig(AppConfig):
    """The search page, its feed and suggestions, and member search."""

    name = "hub.searchpages"
    label = "searchpages"
    verbose_name = "Search pages"
