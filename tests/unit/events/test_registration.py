"""Registration per session: sign up, cancel, the waiting list, capacity, and the clear
messages for what cannot be done."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hub.core.models import AuditEntry
from hub.engagement import services as engagement
from hub.events import recurrence, services
from hub.events.models import Registration, Repeat
from hub.networks.models import Membership, Network
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import event_data, make_event

pytestmark = pytest.mark.django_db


def first_start(event):
    return recurrence.occurrence_starts(event)[0]


def test_a_member_registers_and_the_event_is_followed_and_audited(organiser, member):
    event = make_event(organiser, capacity=10)
    registration = services.registration_create(actor=member, event=event, start=first_start(event))
    assert registration.status == "confirmed"
    assert AuditEntry.objects.filter(action="events:registration:create").count() == 1
    from hub.engagement.queries import is_following

    assert is_following(viewer=member, target=event)


def test_registering_twice_is_refused_and_keeps_one_place(organiser, member):
    event = make_event(organiser)
    services.registration_create(actor=member, event=event, start=first_start(event))
    with pytest.raises(ValidationError) as error:
        services.registration_create(actor=member, event=event, start=first_start(event))
    assert error.value.messages == ["You are already registered for this session."]
    assert Registration.objects.count() == 1


def test_beyond_capacity_people_wait_and_the_first_waiting_is_promoted_and_told(
    organiser, django_capture_on_commit_callbacks
):
    event = make_event(organiser, capacity=2)
    start = first_start(event)
    people = [MemberFactory() for _ in range(4)]
    statuses = [
        services.registration_create(actor=p, event=event, start=start).status for p in people
    ]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=people[0], event=event, start=start)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses[people[2].pk] == "confirmed"
    assert statuses[people[3].pk] == "waiting"
    assert Registration.objects.filter(status="confirmed").count() == 2
    note = Notification.objects.get(recipient=people[2])
    assert note.kind == "events:registration"
    assert "You have a place" in note.title
    assert [m.to for m in mail.outbox] == [[people[2].email]]
    assert not Notification.objects.filter(recipient=people[3]).exists()


def test_raising_the_capacity_promotes_people_waiting(organiser):
    event = make_event(organiser, capacity=1)
    start = first_start(event)
    a, b = MemberFactory(), MemberFactory()
    services.registration_create(actor=a, event=event, start=start)
    assert services.registration_create(actor=b, event=event, start=start).status == "waiting"
    services.event_update(actor=organiser, event=event, data=event_data(capacity=2))
    assert Registration.objects.get(user=b).status == "confirmed"


def test_signing_up_again_after_cancelling_goes_to_the_back_of_the_queue(organiser):
    event = make_event(organiser, capacity=1)
    start = first_start(event)
    a, b = MemberFactory(), MemberFactory()
    services.registration_create(actor=a, event=event, start=start)
    services.registration_cancel(actor=a, event=event, start=start)
    services.registration_create(actor=b, event=event, start=start)
    assert services.registration_create(actor=a, event=event, start=start).status == "waiting"
    assert Registration.objects.count() == 2


def test_a_session_that_is_not_part_of_the_event_or_is_past_is_refused(organiser, member):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=2)
    with pytest.raises(ValidationError, match="not part of this event"):
        services.registration_create(
            actor=member, event=event, start=first_start(event) + timedelta(hours=1)
        )
    with pytest.raises(ValidationError, match="not part of this event"):
        services.registration_create(actor=member, event=event, start=None)
    with pytest.raises(ValidationError, match="already taken place"):
        services.registration_create(
            actor=member,
            event=event,
            start=first_start(event),
            now=datetime(2031, 1, 1).astimezone(),
        )
    assert not Registration.objects.exists()


def test_a_cancelled_session_and_a_cancelled_event_take_no_registrations(organiser, member):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=2)
    second = recurrence.occurrence_starts(event)[1]
    services.occurrence_cancel(actor=organiser, event=event, start=second)
    with pytest.raises(ValidationError, match="cancelled"):
        services.registration_create(actor=member, event=event, start=second)
    services.event_cancel(actor=organiser, event=event, reason="Speaker unwell")
    with pytest.raises(ValidationError, match="not taking registrations"):
        services.registration_create(actor=member, event=event, start=first_start(event))


def test_an_external_event_takes_registrations_on_its_own_site(organiser, member):
    event = make_event(organiser, external_registration_url="https://conference.example.org/")
    with pytest.raises(ValidationError, match="on its own website"):
        services.registration_create(actor=member, event=event, start=first_start(event))


def test_outsiders_cannot_register_for_a_network_event(organiser, member):
    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role="leader")
    event = make_event(organiser, network=network)
    with pytest.raises(PermissionDenied):
        services.registration_create(actor=member, event=event, start=first_start(event))
    Membership.objects.create(network=network, user=member)
    member._member_network_ids = None
    assert services.registration_create(actor=member, event=event, start=first_start(event))


def test_only_editors_or_network_stewards_organise_and_only_organisers_change(member, organiser):
    with pytest.raises(PermissionDenied):
        make_event(member)
    event = make_event(organiser)
    with pytest.raises(PermissionDenied):
        services.event_update(actor=member, event=event, data=event_data(title="Mine now"))
    with pytest.raises(PermissionDenied):
        services.event_cancel(actor=member, event=event, reason="No")


def test_a_change_of_time_tells_registered_people_and_followers_once(
    organiser, django_capture_on_commit_callbacks
):
    event = make_event(organiser)
    attendee, follower, bystander = MemberFactory(), MemberFactory(), MemberFactory()
    services.registration_create(actor=attendee, event=event, start=first_start(event))
    engagement.follow_set(actor=follower, target=event, following=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=organiser,
            event=event,
            data=event_data(
                local_start=datetime(2030, 1, 4, 15, 0), local_end=datetime(2030, 1, 4, 16, 0)
            ),
        )
    told = set(
        Notification.objects.filter(kind="events:change").values_list("recipient", flat=True)
    )
    assert told == {attendee.pk, follower.pk}
    assert "Change of time" in Notification.objects.filter(kind="events:change").first().title
    assert "15:00" in Notification.objects.filter(kind="events:change").first().body
    assert not Notification.objects.filter(recipient=bystander).exists()
    assert not Notification.objects.filter(recipient=organiser).exists()
    assert len(mail.outbox) == 2
    # A change that is neither time nor place tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=organiser,
            event=event,
            data=event_data(
                title="Friday drop-in (renamed)",
                local_start=datetime(2030, 1, 4, 15, 0),
                local_end=datetime(2030, 1, 4, 16, 0),
            ),
        )
    assert Notification.objects.filter(kind="events:change").count() == 2


def test_cancelling_the_event_tells_everyone_concerned_with_the_reason(organiser):
    event = make_event(organiser)
    attendee = MemberFactory()
    services.registration_create(actor=attendee, event=event, start=first_start(event))
    services.event_cancel(actor=organiser, event=event, reason="The speaker is unwell")
    note = Notification.objects.get(recipient=attendee)
    assert note.kind == "events:change" and note.title.startswith("Cancelled")
    assert "The speaker is unwell" in note.body
    with pytest.raises(ValidationError, match="already cancelled"):
        services.event_cancel(actor=organiser, event=event, reason="Again")


def test_cancelling_without_a_reason_is_refused(organiser):
    event = make_event(organiser)
    with pytest.raises(ValidationError):
        services.event_cancel(actor=organiser, event=event, reason="  ")
    event.refresh_from_db()
    assert event.status == "published"


def test_a_network_event_change_never_reaches_a_follower_who_left_the_network(organiser):
    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role="leader")
    leaver = MemberFactory()
    membership = Membership.objects.create(network=network, user=leaver)
    event = make_event(organiser, network=network)
    engagement.follow_set(actor=leaver, target=event, following=True)
    membership.delete()
    services.event_cancel(actor=organiser, event=event, reason="Moved")
    assert not Notification.objects.filter(recipient=leaver).exists()
