"""Event notifications remember their event: emails, digests and the centre ask again, when they
are shown or sent, whether the member may still see it (e.g. after leaving the network)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hub.events import recurrence, services
from hub.networks import services as networks
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications.models import Notification, NotificationPreference, OutboundEmail
from hub.notifications.outbox import deliver_pending
from hub.notifications.tasks import send_digests
from tests.factories import MemberFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db

NETWORK_TITLE = "Managers-only drop-in"
PUBLIC_TITLE = "Open webinar on falls"


@pytest.fixture
def network(organiser):
    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role=MemberRole.LEADER)
    return network


@pytest.fixture
def network_member(network):
    person = MemberFactory()
    Membership.objects.create(network=network, user=person, role=MemberRole.MEMBER)
    return person


def remind(person, event) -> None:
    """Register and run the reminders: the notification and its outbox row are written, and
    (no on-commit callbacks here) the email waits in the outbox."""
    start = recurrence.occurrence_starts(event)[0]
    services.registration_create(actor=person, event=event, start=start)
    assert services.reminders_send(now=start - timedelta(hours=23)) == 1


def daily(person, kind="events:reminder") -> None:
    NotificationPreference.objects.update_or_create(
        user=person, kind=kind, defaults={"delivery": "daily"}
    )


def run_daily() -> int:
    tomorrow_9 = (timezone.localtime() + timedelta(days=1)).replace(hour=9)
    return send_digests.call(frequency="daily", now=tomorrow_9.isoformat())


def mail_to(person, mailoutbox) -> list:
    return [m for m in mailoutbox if m.to == [person.email]]


def test_event_notifications_remember_their_event(organiser, network_member, network):
    event = make_event(organiser, network=network, title=NETWORK_TITLE)
    remind(network_member, event)

    note = Notification.objects.get(recipient=network_member, kind="events:reminder")
    assert (note.target_type.model_class(), note.target_id) == (type(event), event.pk)


def test_a_member_who_left_gets_no_reminder_email_about_the_network_event(
    organiser, network, network_member, mailoutbox
):
    event = make_event(organiser, network=network, title=NETWORK_TITLE)
    remind(network_member, event)
    assert OutboundEmail.objects.filter(recipient=network_member, status="pending").exists()

    networks.network_leave(actor=network_member, network=network)
    deliver_pending()

    assert mail_to(network_member, mailoutbox) == []
    assert OutboundEmail.objects.get(recipient=network_member).status == "skipped"


def test_a_member_who_left_finds_nothing_about_the_network_event_in_the_centre(
    client, organiser, network, network_member
):
    event = make_event(organiser, network=network, title=NETWORK_TITLE)
    remind(network_member, event)
    client.force_login(network_member)
    assert NETWORK_TITLE in client.get("/notifications/").content.decode()

    networks.network_leave(actor=network_member, network=network)

    assert NETWORK_TITLE not in client.get("/notifications/").content.decode()


def test_a_member_who_left_gets_no_digest_about_the_network_event(
    organiser, network, network_member, mailoutbox, django_capture_on_commit_callbacks
):
    daily(network_member, "events:change")
    event = make_event(organiser, network=network, title=NETWORK_TITLE)
    start = recurrence.occurrence_starts(event)[0]
    services.registration_create(actor=network_member, event=event, start=start)
    services.event_cancel(actor=organiser, event=event, reason="The room is flooded")
    assert Notification.objects.filter(recipient=network_member, kind="events:change").exists()

    networks.network_leave(actor=network_member, network=network)
    with django_capture_on_commit_callbacks(execute=True):
        run_daily()

    for email in mail_to(network_member, mailoutbox):
        assert NETWORK_TITLE not in email.subject + email.body
    assert mail_to(network_member, mailoutbox) == []


def test_a_public_event_still_reaches_the_member_by_email_digest_and_centre(
    client, organiser, network, network_member, mailoutbox, django_capture_on_commit_callbacks
):
    """Leaving a network changes nothing for public events."""
    network_event = make_event(organiser, network=network, title=NETWORK_TITLE)
    public = make_event(organiser, title=PUBLIC_TITLE)
    remind(network_member, public)
    daily(network_member, "events:change")
    start = recurrence.occurrence_starts(network_event)[0]
    services.registration_create(actor=network_member, event=network_event, start=start)
    for event in (network_event, public):
        services.event_cancel(actor=organiser, event=event, reason="Speaker unwell")

    networks.network_leave(actor=network_member, network=network)
    deliver_pending()
    with django_capture_on_commit_callbacks(execute=True):
        assert run_daily() == 1

    reminder, digest = mail_to(network_member, mailoutbox)
    assert PUBLIC_TITLE in reminder.subject and "Tomorrow" in reminder.subject
    assert f"Cancelled: “{PUBLIC_TITLE}”" in digest.body
    assert NETWORK_TITLE not in digest.subject + digest.body
    client.force_login(network_member)
    html = client.get("/notifications/").content.decode()
    assert PUBLIC_TITLE in html and NETWORK_TITLE not in html


def test_a_network_event_reminder_reaches_a_member_who_stays(
    organiser, network, network_member, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(organiser, network=network, title=NETWORK_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        remind(network_member, event)

    (email,) = mail_to(network_member, mailoutbox)
    assert NETWORK_TITLE in email.subject
