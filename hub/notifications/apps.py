from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from .visibility import register_defaults

        register_defaults()
