"""iCalendar (RFC 5545) files and feeds, built with icalendar.

Each event is one VEVENT: DTSTART/DTEND carry the event's TZID (with its VTIMEZONE), a
repeating event carries its RRULE and an EXDATE per cancelled session, and SEQUENCE goes up
when the time or place changes so calendar apps update. The online joining link is only written
for a viewer registered to the event, never in a feed.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from hub.core.richtext import html_to_text
from hub.notifications.tasks import absolute_url

from . import recurrence
from .models import Event, EventStatus

PRODID = "-//Safety Hub//Events//EN"


def _uid(event: Event) -> str:
    host = (getattr(settings, "SITE_URL", "") or "localhost").split("//")[-1].split("/")[0]
    return f"event-{event.pk}@{host or 'localhost'}"


def _line(text: str) -> str:
    """A single-line property: every line break and run of spaces becomes one space."""
    return " ".join(str(text or "").split())


def _text(text: str) -> str:
    """A multi-line property: line breaks as plain newlines (icalendar escapes those)."""
    return str(text or "").replace("\r\n", "\n").replace("\r", "\n")


def vevent(
    event: Event, *, with_online_link: bool = False, session: datetime | None = None
) -> VEvent:
    """The event as a series, or (with `session`) one session of it on its own."""
    tz = recurrence.zone(event.time_zone)
    component = VEvent()
    if session is None:
        component.add("uid", _uid(event))
    else:
        component.add("uid", _uid(event).replace("@", f"-{recurrence.occurrence_key(session)}@"))
    component.add("dtstamp", (event.updated or timezone.now()).astimezone(UTC))
    component.add("last-modified", (event.updated or timezone.now()).astimezone(UTC))
    component.add("sequence", event.sequence)
    start = session or event.start
    component.add("dtstart", start.astimezone(tz))
    component.add("dtend", (start + (event.end - event.start)).astimezone(tz))
    component.add("summary", _line(event.title))
    url = absolute_url(event.get_absolute_url())
    component.add("url", url)
    text = [event.summary, "", html_to_text(event.description)]
    if event.is_external:
        text += ["", f"Register: {event.external_registration_url}"]
    if event.online_url:
        if with_online_link:
            text += ["", f"Join online: {event.online_url}"]
        else:
            text += ["", f"Online: register at {url} to get the joining link."]
    text += ["", url]
    component.add("description", _text("\n".join(text).strip()))
    if event.venue:
        component.add("location", _line(event.venue))
    elif event.online_url and with_online_link:
        component.add("location", _line(event.online_url))
    elif event.online_url:
        component.add("location", "Online")
    component.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    categories = [_line(c.name) for c in event.categories.all()]
    if categories:
        component.add("categories", categories)
    if event.is_recurring and session is None:
        rule = recurrence.Rule.of(event)
        component.add("rrule", rule.ical_rrule())
        cancelled = sorted(c.occurrence_start for c in event.cancellations.all())
        if cancelled:
            component.add("exdate", [start.astimezone(tz) for start in cancelled])
    return component


def calendar(
    events: Iterable[Event],
    *,
    name: str,
    online_links_for: set[int] | None = None,
    sessions: Iterable[tuple[Event, datetime]] = (),
) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _line(name))
    allowed = online_links_for or set()
    for event in events:
        cal.add_component(vevent(event, with_online_link=event.pk in allowed))
    for event, start in sessions:
        cal.add_component(vevent(event, with_online_link=event.pk in allowed, session=start))
    cal.add_missing_timezones()
    return cal


def ics_response(cal: Calendar, *, filename: str, private: bool = False) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A private feed (network events, or a registered person's link) must not sit in caches.
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["X-Robots-Tag"] = "noindex"
    return response
