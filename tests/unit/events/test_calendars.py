"""iCalendar output, parsed back with icalendar: RRULE, EXDATE, VTIMEZONE, and the online link
only for people registered."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from icalendar import Calendar

from hub.events import recurrence, services
from hub.events.models import CalendarPreference, Repeat
from hub.networks.models import Membership, Network
from hub.taxonomy.models import Category
from tests.factories import MemberFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db
SECRET_LINK = "https://meet.example.org/dropin-secret"


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_a_weekly_drop_in_file_has_its_rule_time_zone_and_cancelled_session(organiser, client):
    event = make_event(
        organiser,
        local_start=datetime(2030, 3, 15, 12, 30),
        local_end=datetime(2030, 3, 15, 13, 30),
        repeat=Repeat.WEEKLY,
        repeat_until=date(2030, 11, 8),
    )
    cancelled = recurrence.occurrence_starts(event)[3]
    services.occurrence_cancel(actor=organiser, event=event, start=cancelled)
    cal = parse(client.get(f"/events/{event.slug}/event.ics"))
    (vevent,) = cal.walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime(
        2030, 3, 15, 12, 30, tzinfo=ZoneInfo("Europe/London")
    )
    assert vevent["dtstart"].params["TZID"] == "Europe/London"
    rule = vevent["rrule"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"][0].astimezone(UTC) == datetime(2030, 11, 8, 23, 59, 59, tzinfo=UTC)
    exdates = [d.dt for exdate in [vevent["exdate"]] for d in exdate.dts]
    assert exdates == [cancelled.astimezone(ZoneInfo("Europe/London"))]
    assert exdates[0].hour == 12 and exdates[0].minute == 30
    (tz,) = cal.walk("VTIMEZONE")
    assert tz["TZID"] == "Europe/London"
    assert {c.name for c in tz.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    assert vevent["sequence"] == 1
    assert SECRET_LINK not in response_text(client, event)
    # Expanding the parsed rule gives the same sessions the hub shows.
    from dateutil.rrule import rrulestr

    expanded = list(rrulestr(vevent["rrule"].to_ical().decode(), dtstart=vevent.decoded("dtstart")))
    assert [d.astimezone(UTC) for d in expanded] == recurrence.occurrence_starts(event)


def response_text(client, event) -> str:
    return client.get(f"/events/{event.slug}/event.ics").content.decode()


def test_monthly_rules_use_nth_and_last_weekday_with_a_count(organiser, client):
    event = make_event(
        organiser,
        local_start=datetime(2030, 1, 25, 9, 0),
        local_end=datetime(2030, 1, 25, 10, 0),
        repeat=Repeat.MONTHLY,
        month_week=-1,
        repeat_count=6,
    )
    (vevent,) = parse(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")
    assert vevent["rrule"].to_ical() == b"FREQ=MONTHLY;COUNT=6;BYDAY=-1FR"


def test_the_online_link_is_in_the_file_only_for_people_registered(organiser):
    event = make_event(organiser)
    member = MemberFactory()
    client = Client()
    client.force_login(member)
    assert SECRET_LINK not in response_text(client, event)
    services.registration_create(
        actor=member, event=event, start=recurrence.occurrence_starts(event)[0]
    )
    assert SECRET_LINK in response_text(client, event)
    assert SECRET_LINK not in response_text(Client(), event)


def test_the_public_feed_lists_public_events_only_and_never_online_links(organiser, client):
    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role="leader")
    public = make_event(organiser, title="Open webinar")
    make_event(organiser, title="Managers only", network=network)
    make_event(organiser, title="Not ready", status="draft")
    cal = parse(client.get("/events/feed.ics"))
    titles = [str(v["summary"]) for v in cal.walk("VEVENT")]
    assert titles == ["Open webinar"]
    assert SECRET_LINK not in client.get("/events/feed.ics").content.decode()
    assert public.get_absolute_url() in str(cal.walk("VEVENT")[0]["url"])


def test_the_category_feed_lists_that_category_only(organiser, client):
    medication = Category.objects.get(name="Medication")
    make_event(organiser, title="Insulin safety", categories=[medication])
    make_event(organiser, title="Falls")
    cal = parse(client.get(f"/events/category/{medication.slug}/feed.ics"))
    assert [str(v["summary"]) for v in cal.walk("VEVENT")] == ["Insulin safety"]
    assert client.get("/events/category/no-such/feed.ics").status_code == 404


def test_a_network_feed_works_for_members_by_private_link_and_stops_when_regenerated(organiser):
    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role="leader")
    make_event(organiser, title="Managers' drop-in", network=network)
    insider, outsider = MemberFactory(), MemberFactory()
    Membership.objects.create(network=network, user=insider)
    token = services.feed_token_ensure(actor=insider).feed_token
    outsider_token = services.feed_token_ensure(actor=outsider).feed_token
    client = Client()
    url = f"/events/private/{token}/network/managers.ics"
    cal = parse(client.get(url))
    assert [str(v["summary"]) for v in cal.walk("VEVENT")] == ["Managers' drop-in"]
    assert client.get(url)["Cache-Control"] == "private, no-store"
    assert client.get(f"/events/private/{outsider_token}/network/managers.ics").status_code == 404
    assert client.get("/events/private/guess/network/managers.ics").status_code == 404
    services.feed_token_regenerate(actor=insider)
    assert client.get(url).status_code == 404
    new = CalendarPreference.objects.get(user=insider).feed_token
    assert client.get(f"/events/private/{new}/network/managers.ics").status_code == 200
    Membership.objects.filter(user=insider).delete()
    assert client.get(f"/events/private/{new}/network/managers.ics").status_code == 404


def test_my_feed_has_my_sessions_one_by_one_with_their_joining_link(organiser, member):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=4)
    starts = recurrence.occurrence_starts(event)
    services.registration_create(actor=member, event=event, start=starts[1])
    token = services.feed_token_ensure(actor=member).feed_token
    response = Client().get(f"/events/private/{token}/mine.ics")
    (vevent,) = parse(response).walk("VEVENT")
    assert vevent.decoded("dtstart").astimezone(UTC) == starts[1]
    assert "rrule" not in vevent
    assert SECRET_LINK in response.content.decode()


# Titles are single-line text: a line break typed or posted never breaks the calendar file ---


def test_a_title_with_line_breaks_is_one_line_and_its_ics_downloads(client, organiser):
    from hub.events import calendars
    from tests.unit.events.helpers import make_event

    event = make_event(organiser, title="Line one\nLine two\r\nthree", venue="Room\r\n4")
    assert (event.title, event.venue) == ("Line one Line two three", "Room 4")
    response = client.get(f"/events/{event.slug}/event.ics")
    assert response.status_code == 200
    assert b"SUMMARY:Line one Line two three" in response.content
    # The calendar builder copes even with a title stored before this rule.
    type(event).objects.filter(pk=event.pk).update(title="Old\r\ntitle\rhere")
    event.refresh_from_db()
    ical = calendars.calendar([event], name="Feed\nname").to_ical()
    assert b"SUMMARY:Old title here" in ical
