from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "hub.api"
    label = "api"
    verbose_name = "API"
