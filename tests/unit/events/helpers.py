"""Builders for events tests: data as an organiser would fill it in, created through services."""

from datetime import datetime

from hub.events import services
from hub.events.services import EventData


def event_data(**overrides) -> EventData:
    values = {
        "title": "Friday drop-in",
        "summary": "An informal hour to talk about patient safety.",
        "description": "<p>Bring a question or a story.</p>",
        "format": "drop_in",
        "local_start": datetime(2030, 1, 4, 12, 30),  # a Friday
        "local_end": datetime(2030, 1, 4, 13, 30),
        "time_zone": "Europe/London",
        "venue": "",
        "online_url": "https://meet.example.org/dropin-secret",
    }
    values.update(overrides)
    return EventData(**values)


def make_event(actor, **overrides):
    return services.event_create(actor=actor, data=event_data(**overrides))
