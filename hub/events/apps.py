from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "hub.events"
    label = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from hub.notifications import visibility

        from .engagement import register_event_kind
        from .models import Event
        from .permissions import can_view_event

        register_event_kind()

        from hub.taxonomy.queries import register_tag_carrier

        from .queries import events_carrying_tag

        register_tag_carrier("events.event", events_carrying_tag)
        # Event emails, digests and the centre ask again, when shown, whether the member may
        # still see the event (e.g. they left the network that runs it).
        visibility.register(Event, can_view_event)

        from .search import register_event_source

        register_event_source()

        from hub.networks.sections import Section, register_section

        from . import queries
        from .recurrence import zone

        # A network's page lists its upcoming events, in the viewer's time zone.
        register_section(
            Section(
                key="events",
                page_context=lambda viewer, network: {
                    "upcoming_events": queries.network_upcoming(viewer=viewer, network=network),
                    "tz_name": queries.viewer_time_zone(viewer=viewer),
                },
                time_zone=lambda viewer: zone(queries.viewer_time_zone(viewer=viewer)),
            )
        )
