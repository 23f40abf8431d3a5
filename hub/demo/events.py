"""The demo's events (content/events.toml): the networks' regular drop-ins, a few webinars and
conferences, and past events with their write-ups, created through the events' services. Days
are relative to today, so the demo always has something coming up. Safe to run again: an event
whose title exists is left as it is."""

from typing import Any

from django.utils import timezone

from hub.accounts.models import User
from hub.events import permissions as perms
from hub.events import recurrence, services
from hub.events.models import Event, Repeat
from hub.library.models import Item
from hub.networks.models import Network

from . import taxonomy
from .reader import Demo, event_times


def _item(title: str) -> Item | None:
    return Item.objects.published_anywhere().filter(title=title).first()


def _network(name: str) -> Network | None:
    return Network.objects.filter(name=name).first()


def load_events(demo: Demo, stdout: Any = None) -> int:
    today = timezone.localdate()
    users = {u.username: u for u in User.objects.all()}
    created = 0
    for spec in demo.events:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        organiser = users.get(spec["by"])
        network = _network(spec["network"]) if spec.get("network") else None
        if organiser is None or (spec.get("network") and network is None):
            continue
        writeup = _item(spec["writeup"]) if spec.get("writeup") else None
        times = event_times(spec, today)
        data = services.EventData(
            title=spec["title"],
            summary=spec["summary"],
            description=spec["description"],
            format=spec["format"],
            local_start=times["local_start"],
            local_end=times["local_end"],
            time_zone=spec.get("time_zone", "Europe/London"),
            venue=spec.get("venue", ""),
            online_url=spec.get("online_url", ""),
            external_registration_url=spec.get("external_registration_url", ""),
            host_name=spec.get("host_name", ""),
            repeat=Repeat(spec.get("repeat", Repeat.NEVER)),
            month_week=spec.get("month_week"),
            repeat_until=times.get("repeat_until"),
            repeat_count=spec.get("repeat_count"),
            capacity=spec.get("capacity"),
            network=network,
            categories=taxonomy.category_named(spec["category"]) if spec.get("category") else [],
            tag_names=spec.get("tag_names", []),
            speakers=spec.get("speakers", []),
            writeup=writeup,
        )
        event = services.event_create(actor=organiser, data=data)
        first = recurrence.occurrence_starts(event)[0]
        for username in spec.get("attendees", []):
            if username in users and perms.can_register(users[username], event):
                services.registration_create(actor=users[username], event=event, start=first)
        created += 1
    if stdout is not None:
        stdout.write(f"Demo events ready: {created} new event(s).\n")
    return created
