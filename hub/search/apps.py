from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hub.search"
    label = "search"
    verbose_name = "Search"
