"""The demo's events: networks' drop-ins, webinars and conferences, past events with write-ups;
loaded through the services and only once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hub.events import recurrence
from hub.events.models import Event, Repeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def test_the_demo_has_network_drop_ins_webinars_conferences_and_past_write_ups(demo):
    now = timezone.now()
    psmn = Event.objects.get(title="PSMN Friday drop-in")
    assert psmn.network.name == "Patient Safety Management Network"
    assert psmn.repeat == Repeat.WEEKLY and psmn.time_zone == "Europe/London"
    local = [
        s.astimezone(recurrence.zone("Europe/London")) for s in recurrence.occurrence_starts(psmn)
    ]
    assert all((t.weekday(), t.hour, t.minute) == (4, 12, 30) for t in local)
    assert psmn.registrations.exists()
    assert Event.objects.filter(network__isnull=False, repeat=Repeat.MONTHLY).count() == 2
    # The public calendar carries a recurring series too, so its feed shows an RRULE.
    assert Event.objects.filter(network__isnull=True, repeat=Repeat.MONTHLY).count() == 1
    assert (
        Event.objects.filter(format="webinar", network__isnull=True, last_end__gt=now).count() == 3
    )
    congress = Event.objects.get(format="conference", last_end__gt=now)
    assert congress.is_external
    past = Event.objects.filter(last_end__lt=now)
    assert past.count() == 2
    assert all(e.writeup is not None and e.writeup.is_published for e in past)


def test_loading_the_demo_again_adds_no_event(demo):
    count = Event.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Event.objects.count() == count == 10
