from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Notifications, emails and digests; kinds say who may see them (visibility.register)."""

    name = "hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from hub.core.worker import on_heartbeat

        from .outbox import renew_held_claims

        # Every beat of a worker renews the outbox claims its process holds.
        on_heartbeat(renew_held_claims)
