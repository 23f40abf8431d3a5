from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "hub.networks"
    label = "networks"
    verbose_name = "Networks"

    def ready(self) -> None:
        from .engagement import register_network_kind

        register_network_kind()
