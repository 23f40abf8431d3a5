from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "hub.networks"
    label = "networks"
    verbose_name = "Networks"
