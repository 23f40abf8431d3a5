"""Reads the events pages, calendars and feeds share. Every list starts from events_visible_to()
so a network's events and drafts cannot leak by forgetting a check."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from hub.moderation.auth import can_sign_in
from hub.networks.access import network_filter

from . import recurrence
from .models import CalendarPreference, Event, EventStatus, Registration, RegistrationStatus
from .permissions import can_view_event

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def events_visible_to(viewer: Any) -> QuerySet[Event]:
    """Events outside any network or in the viewer's networks; drafts only to their organiser."""
    events = Event.objects.filter(network_filter(viewer))
    if viewer.is_authenticated:
        return events.filter(~Q(status=EventStatus.DRAFT) | Q(organiser_id=viewer.pk))
    return events.listed()


def events_carrying_tag(viewer: Any) -> Exists:
    """Events' tag carrier (hub.taxonomy.queries.tags_visible_to): a visible event has it."""
    return Exists(
        Event.tags.through.objects.filter(
            tag_id=OuterRef("pk"), event_id__in=events_visible_to(viewer).values("pk")
        )
    )


def public_events() -> QuerySet[Event]:
    """What anyone may see: feeds, the sitemap."""
    return Event.objects.listed().filter(network__isnull=True)


def _for_listing(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related("organiser", "network").prefetch_related(
        "cancellations", "categories"
    )


def event_for_page(*, viewer: Any, slug: str) -> Event | None:
    event = (
        Event.objects.select_related("organiser", "network", "writeup")
        .prefetch_related("cancellations", "categories", "tags", "speakers")
        .filter(slug=slug)
        .first()
    )
    if event is None or not can_view_event(viewer, event):
        return None
    return event


def event_by_id(*, viewer: Any, pk: int) -> Event | None:
    event = Event.objects.filter(pk=pk).select_related("network").first()
    if event is None or not can_view_event(viewer, event):
        return None
    return event


# Time zones --------------------------------------------------------------------------------


def member_time_zone(user: Any) -> str:
    if not getattr(user, "is_authenticated", False):
        return ""
    cached = getattr(user, "_event_time_zone", None)
    if cached is None:
        cached = (
            CalendarPreference.objects.filter(user=user).values_list("time_zone", flat=True).first()
            or ""
        )
        user._event_time_zone = cached
    return cached


def viewer_time_zone(*, viewer: Any, requested: str = "") -> str:
    """?tz= when it names a real zone, else the member's setting, else the hub's zone."""
    if requested and recurrence.is_time_zone(requested):
        return requested
    return member_time_zone(viewer) or settings.TIME_ZONE


# Sessions ----------------------------------------------------------------------------------


@dataclass
class Session:
    """One occurrence with what a page shows about it."""

    occurrence: recurrence.Occurrence
    confirmed: int = 0
    waiting: int = 0
    viewer_status: str = ""

    @property
    def event(self) -> Event:
        return self.occurrence.event

    @property
    def start(self) -> datetime:
        return self.occurrence.start

    @property
    def end(self) -> datetime:
        return self.occurrence.end

    @property
    def key(self) -> str:
        return self.occurrence.key

    @property
    def cancelled(self) -> bool:
        return self.occurrence.cancelled or self.event.is_cancelled

    @property
    def places_left(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - self.confirmed, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


def _fill_counts(sessions: list[Session], viewer: Any) -> list[Session]:
    """Registration counts and the viewer's own status for many sessions: two queries."""
    if not sessions:
        return sessions
    event_ids = {s.event.pk for s in sessions}
    starts = {s.start for s in sessions}
    rows = (
        Registration.objects.filter(
            event_id__in=event_ids, occurrence_start__in=starts, status__in=ACTIVE
        )
        .values("event_id", "occurrence_start", "status")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[(row["event_id"], row["occurrence_start"])][row["status"]] = row["n"]
    mine: dict[tuple, str] = {}
    if viewer.is_authenticated:
        for event_id, start, status in Registration.objects.filter(
            user=viewer, event_id__in=event_ids, occurrence_start__in=starts, status__in=ACTIVE
        ).values_list("event_id", "occurrence_start", "status"):
            mine[(event_id, start)] = status
    for session in sessions:
        key = (session.event.pk, session.start)
        session.confirmed = counts[key].get(RegistrationStatus.CONFIRMED, 0)
        session.waiting = counts[key].get(RegistrationStatus.WAITING, 0)
        session.viewer_status = mine.get(key, "")
    return sessions


def upcoming_sessions(
    *,
    viewer: Any,
    now: datetime | None = None,
    format: str = "",
    category: Any = None,
    network: Any = None,
) -> list[Session]:
    """Each upcoming event once, at its next session (a weekly drop-in is one line)."""
    now = now or timezone.now()
    events = events_visible_to(viewer).filter(last_end__gt=now)
    if format:
        events = events.filter(format=format)
    if category is not None:
        events = events.filter(categories=category)
    if network is not None:
        events = events.filter(network=network)
    sessions = []
    for event in _for_listing(events):
        upcoming = recurrence.occurrences(event, after=now)
        live = [o for o in upcoming if not o.cancelled] or upcoming
        if live:
            sessions.append(Session(live[0]))
    sessions.sort(key=lambda s: (s.start, s.event.pk))
    return sessions


def network_upcoming(
    *, viewer: Any, network: Any, now: datetime | None = None, limit: int = 5
) -> list[Session]:
    """A network's next events, for its page: only what the viewer may see (members and site
    administrators see its events; anyone else gets nothing), with counts, in a fixed number
    of queries."""
    sessions = upcoming_sessions(viewer=viewer, now=now, network=network)[:limit]
    return _fill_counts(sessions, viewer)


def page_counts(sessions: list[Session], viewer: Any) -> list[Session]:
    """Counts for the sessions on the page shown (after pagination)."""
    return _fill_counts(list(sessions), viewer)


def event_sessions(
    *, viewer: Any, event: Event, now: datetime | None = None, limit: int = 8
) -> list[Session]:
    """The next sessions of one event, with counts and the viewer's registration."""
    now = now or timezone.now()
    upcoming = recurrence.occurrences(event, after=now)[:limit]
    return _fill_counts([Session(o) for o in upcoming], viewer)


def past_events(*, viewer: Any, now: datetime | None = None) -> QuerySet[Event]:
    now = now or timezone.now()
    return (
        events_visible_to(viewer)
        .filter(last_end__lte=now)
        .select_related("organiser", "network", "writeup")
        .order_by("-last_end", "-id")
    )


def month_grid(
    *, viewer: Any, year: int, month: int, tz_name: str
) -> tuple[list[list[dict[str, Any]]], int]:
    """Weeks (Monday first) of days, each with its sessions in the viewer's time zone."""
    tz = ZoneInfo(tz_name)
    first = date(year, month, 1)
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(next_month, time.min, tzinfo=tz)
    events = _for_listing(events_visible_to(viewer).filter(start__lt=end, last_end__gt=start))
    by_day: dict[date, list[recurrence.Occurrence]] = defaultdict(list)
    count = 0
    for event in events:
        for occurrence in recurrence.occurrences(event, after=start, before=end):
            day = occurrence.start.astimezone(tz).date()
            if first <= day < next_month:
                by_day[day].append(occurrence)
                count += 1
    grid_start = first - timedelta(days=first.weekday())
    weeks = []
    day = grid_start
    while day < next_month:
        week = []
        for _ in range(7):
            sessions = sorted(by_day.get(day, []), key=lambda o: (o.start, o.event.pk))
            week.append({"date": day, "in_month": day.month == month, "sessions": sessions})
            day += timedelta(days=1)
        weeks.append(week)
    return weeks, count


@dataclass
class MyEvents:
    upcoming: list[Session] = field(default_factory=list)
    past: list[Session] = field(default_factory=list)


def my_events(*, viewer: Any, now: datetime | None = None, past_limit: int = 20) -> MyEvents:
    """The viewer's registrations (confirmed or waiting), soonest first, and recent past ones."""
    now = now or timezone.now()
    registrations = (
        Registration.objects.filter(user=viewer, status__in=ACTIVE)
        .filter(Q(event__network__isnull=True) | Q(event__network__in=_network_ids(viewer)))
        .select_related("event", "event__network", "event__organiser")
        .prefetch_related("event__categories")
        .order_by("occurrence_start")
    )
    result = MyEvents()
    for registration in registrations:
        event = registration.event
        end = registration.occurrence_start + (event.end - event.start)
        cancelled = event.is_cancelled
        occurrence = recurrence.Occurrence(event, registration.occurrence_start, end, cancelled)
        session = Session(occurrence, viewer_status=registration.status)
        (result.upcoming if end > now else result.past).append(session)
    result.past = list(reversed(result.past))[:past_limit]
    if result.upcoming:
        cancelled = _cancelled_pairs({s.event.pk for s in result.upcoming})
        for session in result.upcoming:
            if (session.event.pk, session.start) in cancelled:
                session.occurrence = recurrence.Occurrence(
                    session.event, session.start, session.end, True
                )
    return result


def _network_ids(viewer: Any) -> list[int]:
    from hub.networks.access import is_site_admin, member_network_ids

    if is_site_admin(viewer):
        from hub.networks.models import Network

        return list(Network.objects.values_list("pk", flat=True))
    return list(member_network_ids(viewer))


def _cancelled_pairs(event_ids: set[int]) -> set[tuple[int, datetime]]:
    from .models import CancelledOccurrence

    return set(
        CancelledOccurrence.objects.filter(event_id__in=event_ids).values_list(
            "event_id", "occurrence_start"
        )
    )


def attendees(*, event: Event, start: datetime) -> dict[str, list[Registration]]:
    """For organisers: who is coming to one session and who is waiting, in order."""
    rows = Registration.objects.filter(
        event=event, occurrence_start=start, status__in=ACTIVE
    ).select_related("user")
    result: dict[str, list[Registration]] = {"confirmed": [], "waiting": []}
    for row in rows:
        result[row.status].append(row)
    return result


def is_registered(*, viewer: Any, event: Event) -> bool:
    """Registered (confirmed) for any session: the online link is shown only then."""
    if not viewer.is_authenticated:
        return False
    return Registration.objects.filter(
        user=viewer, event=event, status=RegistrationStatus.CONFIRMED
    ).exists()


# Calendars ---------------------------------------------------------------------------------


def feed_events(*, category: Any = None, now: datetime | None = None) -> QuerySet[Event]:
    """Public upcoming events for the public (and per-category) iCalendar feed."""
    now = now or timezone.now()
    events = public_events().filter(last_end__gt=now - timedelta(days=30))
    if category is not None:
        events = events.filter(categories=category)
    return _for_listing(events).prefetch_related("tags")


def network_feed_events(*, network: Any, now: datetime | None = None) -> QuerySet[Event]:
    now = now or timezone.now()
    events = Event.objects.listed().filter(network=network, last_end__gt=now - timedelta(days=30))
    return _for_listing(events).prefetch_related("tags")


def preference_for(user: Any) -> CalendarPreference | None:
    return CalendarPreference.objects.filter(user=user).first()


def member_by_feed_token(token: str) -> Any:
    preference = (
        CalendarPreference.objects.select_related("user").filter(feed_token=token).first()
        if token
        else None
    )
    # A banned member's feed stops, even when the ban left the account active (a quiet ban).
    if preference is None or not can_sign_in(preference.user):
        return None
    return preference.user


def writeup_candidates(*, event: Event | None, network: Any = None) -> QuerySet:
    """Library items an event may link to as its write-up: published, and public or in the
    event's own network (a network's resource is never linked from a public event)."""
    from hub.library.models import Item

    items = Item.objects.published_anywhere()
    network_id = network.pk if network is not None else (event.network_id if event else None)
    if network_id:
        return items.filter(Q(network__isnull=True) | Q(network_id=network_id))
    return items.filter(network__isnull=True)
