"""Demo events: the networks' regular drop-ins, a few webinars and conferences, and past events
with their write-ups. Dates are relative to today, so the demo always has something coming up.
Idempotent: an event whose title exists is left as it is."""

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from hub.accounts.models import User
from hub.library.models import Item
from hub.networks.models import Network
from hub.taxonomy.models import Category

from . import permissions as perms
from . import recurrence, services
from .models import Event, Repeat


def _next_weekday(today: date, weekday: int, *, after_days: int = 1) -> date:
    day = today + timedelta(days=after_days)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (or last, -1) given weekday of a month."""
    if nth == -1:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _next_nth_weekday(today: date, weekday: int, nth: int) -> date:
    year, month = today.year, today.month
    for _ in range(3):
        day = _nth_weekday(year, month, weekday, nth)
        if day > today:
            return day
        year, month = year + (month == 12), month % 12 + 1
    raise AssertionError("unreachable")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def _category(name: str) -> list[Category]:
    return list(Category.objects.filter(name=name)[:1])


def _item(title: str) -> Item | None:
    return Item.objects.published_anywhere().filter(title=title).first()


def _network(name: str) -> Network | None:
    return Network.objects.filter(name=name).first()


def _specs(today: date) -> list[dict[str, Any]]:
    friday = _next_weekday(today, 4)
    tuesday = _next_weekday(today, 1)
    second_thursday = _next_nth_weekday(today, 3, 2)
    last_wednesday = _next_nth_weekday(today, 2, -1)
    in_three_weeks = _next_weekday(today, 2, after_days=21)
    conference = _next_weekday(today, 1, after_days=70)
    return [
        {
            "by": "claire",
            "network": "Patient Safety Management Network",
            "title": "PSMN Friday drop-in",
            "summary": "An informal online hour for patient safety managers: bring a question, "
            "a case or a win. Guest speakers most weeks.",
            "description": "<p>Every Friday at 12:30 (UK time). No agenda: the first ten minutes "
            "are for a guest speaker, the rest is yours.</p><p>Cameras optional.</p>",
            "format": "drop_in",
            "local_start": _at(friday, 12, 30),
            "local_end": _at(friday, 13, 30),
            "online_url": "https://meet.example.org/psmn-friday-drop-in",
            "repeat": Repeat.WEEKLY,
            "repeat_count": 26,
            "capacity": 40,
            "categories": _category("Incident response and learning"),
            "tag_names": ["drop-in", "PSIRF"],
            "speakers": [("Claire O'Brien", "Network leader")],
            "attendees": ["niamh", "james"],
        },
        {
            "by": "maria",
            "network": "Patient Safety Partners Network",
            "title": "Patient Safety Partners peer support",
            "summary": "Every other Tuesday evening: Patient Safety Partners support each other.",
            "description": "<p>A safe space to talk through what you are working on.</p>",
            "format": "drop_in",
            "local_start": _at(tuesday, 18, 0),
            "local_end": _at(tuesday, 19, 0),
            "online_url": "https://meet.example.org/psp-peer-support",
            "repeat": Repeat.FORTNIGHTLY,
            "repeat_count": 12,
            "capacity": 15,
        },
        {
            "by": "kofi",
            "network": "Medicines Safety Officers",
            "title": "Medicines Safety Officers monthly huddle",
            "summary": "The second Thursday of each month: alerts, near misses and what worked.",
            "description": "<p>Bring one near miss and one thing that worked.</p>",
            "format": "meeting",
            "local_start": _at(second_thursday, 13, 0),
            "local_end": _at(second_thursday, 14, 0),
            "online_url": "https://meet.example.org/mso-huddle",
            "repeat": Repeat.MONTHLY,
            "month_week": 2,
            "repeat_until": second_thursday + timedelta(days=330),
            "categories": _category("Medication"),
        },
        {
            "by": "li",
            "network": "Human Factors Community of Practice",
            "title": "Human factors journal club",
            "summary": "The last Wednesday of each month we read one paper together.",
            "description": "<p>The paper is posted in the network a week before.</p>",
            "format": "meeting",
            "local_start": _at(last_wednesday, 16, 0),
            "local_end": _at(last_wednesday, 17, 0),
            "online_url": "https://meet.example.org/hf-journal-club",
            "repeat": Repeat.MONTHLY,
            "month_week": -1,
            "repeat_count": 10,
        },
        {
            "by": "editor",
            "title": "Open patient safety conversation",
            "summary": "A monthly online hour for anyone: patients, families and staff.",
            "description": "<p>Bring a question or an experience. A different guest opens "
            "each month; no slides, no jargon.</p>",
            "format": "webinar",
            "local_start": _at(_next_nth_weekday(today, 1, 1), 18, 0),
            "local_end": _at(_next_nth_weekday(today, 1, 1), 19, 0),
            "online_url": "https://meet.example.org/open-conversation",
            "capacity": 200,
            "repeat": Repeat.MONTHLY,
            "month_week": 1,
            "repeat_count": 12,
        },
        {
            "by": "editor",
            "title": "Learning from deaths: making mortality review humane",
            "summary": "A free webinar with bereaved families and medical examiners.",
            "description": "<p>How structured judgement review and family involvement fit "
            "together, with time for questions.</p>",
            "format": "webinar",
            "local_start": _at(in_three_weeks, 14, 0),
            "local_end": _at(in_three_weeks, 15, 30),
            "online_url": "https://meet.example.org/learning-from-deaths",
            "capacity": 100,
            "speakers": [
                ("Dr Hana Sato", "Medical examiner"),
                ("Maria Santos", "Patient Safety Partner"),
            ],
        },
        {
            "by": "editor",
            "title": "Diagnostic safety: an international webinar",
            "summary": "Speakers from three continents on safety-netting and diagnostic delay.",
            "description": "<p>Run from New York: times are shown in your own time zone.</p>",
            "format": "webinar",
            "time_zone": "America/New_York",
            "local_start": _at(in_three_weeks + timedelta(days=2), 11, 0),
            "local_end": _at(in_three_weeks + timedelta(days=2), 12, 30),
            "online_url": "https://meet.example.org/diagnostic-safety",
            "capacity": 300,
        },
        {
            "by": "editor",
            "title": "National Patient Safety Congress",
            "summary": "Two days of talks and workshops, run by the Congress team.",
            "description": "<p>Register on the Congress website. Hub members meet at the "
            "community stand.</p>",
            "format": "conference",
            "local_start": _at(conference, 9, 0),
            "local_end": _at(conference + timedelta(days=1), 17, 0),
            "venue": "Central Convention Centre, Manchester",
            "external_registration_url": "https://congress.example.org/register",
            "host_name": "Patient Safety Congress Ltd",
        },
        {
            "by": "editor",
            "title": "Alert fatigue in e-prescribing: webinar",
            "summary": "What the evidence says about interruptive alerts, and what to change.",
            "description": "<p>Recorded; the write-up is in the library.</p>",
            "format": "webinar",
            "local_start": _at(today - timedelta(days=40), 14, 0),
            "local_end": _at(today - timedelta(days=40), 15, 0),
            "online_url": "https://meet.example.org/alert-fatigue",
            "writeup": "Alert fatigue in electronic prescribing: what the evidence says",
            "categories": _category("Medication"),
        },
        {
            "by": "editor",
            "title": "PSIRF one year on: regional learning day",
            "summary": "Trusts shared what changed when they stopped counting root causes.",
            "description": "<p>Talks and table discussions; the write-up is in the library.</p>",
            "format": "conference",
            "local_start": _at(today - timedelta(days=90), 9, 30),
            "local_end": _at(today - timedelta(days=90), 16, 0),
            "venue": "Riverside Conference Centre, Leeds",
            "writeup": "PSIRF one year on: what changed when we stopped counting root causes",
        },
    ]


def load_events_demo(stdout: Any = None) -> int:
    today = timezone.localdate()
    users = {u.username: u for u in User.objects.all()}
    created = 0
    for spec in _specs(today):
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        organiser = users.get(spec["by"])
        network = _network(spec["network"]) if spec.get("network") else None
        if organiser is None or (spec.get("network") and network is None):
            continue
        writeup = _item(spec["writeup"]) if spec.get("writeup") else None
        data = services.EventData(
            title=spec["title"],
            summary=spec["summary"],
            description=spec["description"],
            format=spec["format"],
            local_start=spec["local_start"],
            local_end=spec["local_end"],
            time_zone=spec.get("time_zone", "Europe/London"),
            venue=spec.get("venue", ""),
            online_url=spec.get("online_url", ""),
            external_registration_url=spec.get("external_registration_url", ""),
            host_name=spec.get("host_name", ""),
            repeat=spec.get("repeat", Repeat.NEVER),
            month_week=spec.get("month_week"),
            repeat_until=spec.get("repeat_until"),
            repeat_count=spec.get("repeat_count"),
            capacity=spec.get("capacity"),
            network=network,
            categories=spec.get("categories", []),
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
