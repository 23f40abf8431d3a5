from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "hub.events"
    label = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from .engagement import register_event_kind

        register_event_kind()
