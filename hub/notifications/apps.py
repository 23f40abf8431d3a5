from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Notifications, emails and digests; kinds say who may see them (visibility.register)."""

    name = "hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"
