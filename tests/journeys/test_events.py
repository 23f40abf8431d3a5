"""Events in real Chromium, with axe-core on every page: a member finds their network's weekly
drop-in, registers, adds it to their calendar and receives the reminder the day before."""

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from hub.events import recurrence, services, tasks
from hub.events.models import Registration, Repeat
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications.models import Notification
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOIN_LINK = "https://meet.example.org/psmn-friday"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def test_a_member_registers_for_the_weekly_drop_in_adds_it_to_a_calendar_and_is_reminded(
    page, tmp_path
):
    leader = MemberFactory(username="claire", display_name="Claire")
    member = MemberFactory(username="niamh", email="niamh@example.org", display_name="Niamh")
    network = Network.objects.create(
        name="Patient Safety Managers", slug="psm", purpose="Peer support", kind="request"
    )
    Membership.objects.create(network=network, user=leader, role=MemberRole.LEADER)
    Membership.objects.create(network=network, user=member)
    # The first session is tomorrow (within 24 hours), then every week at the same local time.
    london = recurrence.zone("Europe/London")
    first = (
        (timezone.now() + timedelta(hours=20)).astimezone(london).replace(second=0, microsecond=0)
    )
    local_start = datetime(first.year, first.month, first.day, first.hour, first.minute)
    event = services.event_create(
        actor=leader,
        data=services.EventData(
            title="PSM weekly drop-in",
            summary="An informal hour for safety managers, with a guest speaker.",
            description="<p>Bring a question or a story.</p>",
            format="drop_in",
            local_start=local_start,
            local_end=local_start + timedelta(hours=1),
            time_zone="Europe/London",
            online_url=JOIN_LINK,
            repeat=Repeat.WEEKLY,
            repeat_count=8,
            capacity=20,
            network=network,
        ),
    )

    sign_in(page, "niamh@example.org")
    # The network's page lists its next events for its members.
    page.goto(network.get_absolute_url())
    upcoming = page.get_by_role("region", name="Upcoming events")
    expect(upcoming.get_by_role("link", name="PSM weekly drop-in")).to_be_visible()
    assert_accessible(page)
    page.goto("/events/")
    assert_accessible(page)
    page.get_by_role("link", name="PSM weekly drop-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("PSM weekly drop-in")
    expect(page.get_by_text("The joining link is shown to people registered.")).to_be_visible()
    assert JOIN_LINK not in page.content()
    assert_accessible(page)

    # Register for the first session.
    page.get_by_role("button", name=re.compile(r"^Register for")).first.click()
    expect(
        page.get_by_text("You are registered. We will remind you the day before.")
    ).to_be_visible()
    expect(page.get_by_role("link", name=JOIN_LINK)).to_be_visible()
    assert_accessible(page)
    registration = Registration.objects.get(user=member)
    assert registration.status == "confirmed"
    assert registration.occurrence_start == recurrence.occurrence_starts(event)[0]

    # Add to calendar: the .ics parses, repeats weekly, and carries the joining link.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics file)").click()
    path = tmp_path / "event.ics"
    download_info.value.save_as(path)
    cal = Calendar.from_ical(Path(path).read_bytes())
    (vevent,) = cal.walk("VEVENT")
    assert vevent["rrule"]["FREQ"] == ["WEEKLY"]
    assert vevent["rrule"]["COUNT"] == [8]
    assert vevent["dtstart"].params["TZID"] == "Europe/London"
    assert JOIN_LINK in vevent["description"]

    # The month calendar and "my events" show the session.
    page.goto("/events/")
    page.get_by_role("link", name="Calendar", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text("PSM weekly drop-in")
    assert_accessible(page)
    page.get_by_role("link", name="My events").click()
    expect(page.get_by_role("heading", name="PSM weekly drop-in")).to_be_visible()
    assert_accessible(page)

    # The reminder task runs (as the worker does every few minutes): a notification and an email.
    assert tasks.send_event_reminders.enqueue(reschedule=False).return_value == 1
    assert tasks.send_event_reminders.enqueue(reschedule=False).return_value == 0
    page.goto("/notifications/")
    expect(page.get_by_text("Tomorrow: “PSM weekly drop-in”")).to_be_visible()
    assert_accessible(page)
    assert Notification.objects.filter(recipient=member, kind="events:reminder").count() == 1
    emails = [m for m in mail.outbox if m.to == ["niamh@example.org"]]
    assert len(emails) == 1
    assert "Tomorrow" in emails[0].subject and JOIN_LINK in emails[0].body
