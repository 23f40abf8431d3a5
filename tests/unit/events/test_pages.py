"""The events pages: what they show, in whose time zone, with bounded queries, and clear
answers to bad input (never a 500)."""

from datetime import date, datetime

import pytest
from django.test import Client

from hub.events import recurrence, services
from hub.events.models import Event, Registration, Repeat
from hub.taxonomy.models import Category
from tests.factories import MemberFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def many_events(organiser):
    medication = Category.objects.get(name="Medication")
    for n in range(12):
        make_event(
            organiser,
            title=f"Drop-in {n}",
            repeat=Repeat.WEEKLY,
            repeat_count=20,
            capacity=5,
            categories=[medication],
            tag_names=["handover"],
        )
    return Event.objects.all()


@pytest.mark.parametrize("path", ["/events/", "/events/calendar/?month=2030-02", "/events/past/"])
def test_lists_and_calendar_keep_a_fixed_number_of_queries(
    client, organiser, many_events, django_assert_max_num_queries, path
):
    with django_assert_max_num_queries(8):
        response = client.get(path)
    assert response.status_code == 200


def test_the_upcoming_list_shows_each_series_once_at_its_next_session_in_the_viewers_zone(
    organiser, member
):
    make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=10)
    html = Client().get("/events/").content.decode()
    assert html.count("Friday drop-in") == 1
    assert "Friday 4 January 2030, 12:30" in html
    assert "Every Friday, 10 sessions" in html
    assert '<link rel="alternate" type="text/calendar"' in html and "/events/feed.ics" in html
    services.calendar_preference_set(actor=member, time_zone="Asia/Tokyo")
    html = signed_in(member).get("/events/").content.decode()
    assert "Friday 4 January 2030, 21:30" in html and "Asia/Tokyo" in html
    html = Client().get("/events/?tz=America/New_York").content.decode()
    assert "Friday 4 January 2030, 07:30" in html
    assert "Friday 4 January 2030, 12:30" in Client().get("/events/?tz=Mars/Base").content.decode()


def test_the_month_view_is_a_table_with_each_session_on_its_local_day(organiser, client):
    make_event(organiser, repeat=Repeat.WEEKLY, repeat_until=date(2030, 2, 28))
    html = client.get("/events/calendar/?month=2030-01").content.decode()
    assert "<table" in html and '<th scope="col">' in html and "<caption" in html
    assert html.count("Friday drop-in") == 4  # 4, 11, 18 and 25 January
    assert "4 sessions this month" in html
    # Late at night in London is the next morning in Auckland.
    make_event(
        organiser,
        title="Night owl",
        local_start=datetime(2030, 1, 31, 22, 0),
        local_end=datetime(2030, 1, 31, 23, 0),
    )
    html = client.get("/events/calendar/?month=2030-02&tz=Pacific/Auckland").content.decode()
    assert "Night owl" in html
    assert "Night owl" not in client.get("/events/calendar/?month=2030-02").content.decode()


@pytest.mark.parametrize("month", ["2030-13", "nonsense", "99999-1", "2030"])
def test_a_bad_month_gets_a_clear_400(client, month):
    response = client.get(f"/events/calendar/?month={month}")
    assert response.status_code == 400
    assert "We could not read that month" in response.content.decode()


def test_the_detail_page_shows_the_online_link_only_to_people_registered(
    organiser, member, django_assert_max_num_queries
):
    make_event(
        organiser,
        repeat=Repeat.WEEKLY,
        repeat_count=10,
        capacity=3,
        speakers=[("Dr Ada Lovelace", "Consultant")],
    )
    event = Event.objects.get()
    client = signed_in(member)
    with django_assert_max_num_queries(25):
        html = client.get(event.get_absolute_url()).content.decode()
    assert "Dr Ada Lovelace, Consultant" in html
    assert "meet.example.org" not in html
    assert "The joining link is shown to people registered." in html
    assert "3 places left" in html
    key = recurrence.occurrence_key(recurrence.occurrence_starts(event)[0])
    response = client.post(f"/events/{event.slug}/register/", {"session": key}, follow=True)
    html = response.content.decode()
    assert "You are registered." in html
    assert "https://meet.example.org/dropin-secret" in html
    assert "meet.example.org" not in Client().get(event.get_absolute_url()).content.decode()
    # Registering twice gets a clear message and keeps one place.
    response = client.post(f"/events/{event.slug}/register/", {"session": key}, follow=True)
    assert "You are already registered for this session." in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_detail_page_is_reached_by_id_or_slug_and_bad_sessions_never_500(organiser, member):
    event = make_event(organiser)
    client = signed_in(member)
    response = client.get(f"/events/{event.pk}/")
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert client.get("/events/999999/").status_code == 404
    assert client.get("/events/no-such-event/").status_code == 404
    for session in ["", "garbage", "20300104T0000Z", "99999999T9999Z"]:
        response = client.post(f"/events/{event.slug}/register/", {"session": session}, follow=True)
        assert response.status_code == 200
        assert "That session is not part of this event." in response.content.decode()
    response = client.post(f"/events/{event.slug}/unregister/", {"session": "x"}, follow=True)
    assert "You are not registered for that session." in response.content.decode()
    assert client.get(f"/events/{event.slug}/register/").status_code == 405


def test_my_events_lists_my_sessions_and_saves_my_time_zone(
    organiser, member, django_assert_max_num_queries
):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=10)
    for start in recurrence.occurrence_starts(event)[:5]:
        services.registration_create(actor=member, event=event, start=start)
    client = signed_in(member)
    with django_assert_max_num_queries(15):
        html = client.get("/events/mine/").content.decode()
    assert html.count("Cancel my place") == 5
    assert "/events/private/" in html
    response = client.post("/events/mine/", {"time_zone": "Nowhere/Land"})
    assert "is not a time zone we know" in response.content.decode()
    client.post("/events/mine/", {"time_zone": "Europe/Paris"})
    assert "13:30" in client.get("/events/mine/").content.decode()
    assert Client().get("/events/mine/").status_code == 302


def test_organisers_create_with_the_form_and_bad_input_is_explained_and_kept(organiser):
    client = signed_in(organiser)
    form = {
        "title": "Medication safety webinar",
        "summary": "Short.",
        "description": "<p>Long.</p>",
        "format": "webinar",
        "start_date": "2030-05-10",
        "start_time": "14:00",
        "end_time": "13:00",
        "time_zone": "Europe/London",
        "repeat": "weekly",
        "online_url": "https://meet.example.org/x",
        "status": "published",
    }
    html = client.post("/events/new/", form).content.decode()
    assert "The end must be after the start." in html
    assert "A repeating event needs an end" in html
    assert 'value="Medication safety webinar"' in html
    assert not Event.objects.exists()
    html = client.post("/events/new/", {**form, "time_zone": "Europe/Atlantis"}).content.decode()
    assert "is not a time zone we know" in html
    form.update(end_time="15:00", repeat_count="3", speakers="Kofi Mensah — Pharmacist")
    response = client.post("/events/new/", form)
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.speakers.get().role == "Pharmacist"
    assert event.repeat_count == 3
    assert signed_in(MemberFactory()).get("/events/new/").status_code == 403


def test_an_organiser_edits_and_cancels_from_the_pages(organiser):
    event = make_event(organiser)
    client = signed_in(organiser)
    assert client.get(f"/events/{event.slug}/edit/").status_code == 200
    response = client.post(f"/events/{event.slug}/cancel/", {"reason": ""}, follow=True)
    assert "Please say why" in response.content.decode()
    client.post(f"/events/{event.slug}/cancel/", {"reason": "Room unavailable"})
    event.refresh_from_db()
    assert event.status == "cancelled"
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "This event is cancelled." in html and "Room unavailable" in html
    assert signed_in(MemberFactory()).get(f"/events/{event.slug}/edit/").status_code == 403


def published_item(editor, **overrides):
    from hub.library import services as library
    from tests.unit.library.helpers import item_data

    data = item_data(title="What we learned at the drop-in", **overrides)
    network = overrides.pop("network", None)
    if network is not None:
        data.network = network
    item = library.item_create(actor=editor, data=data)
    library.item_submit(actor=editor, item=item)
    return library.item_publish(actor=editor, item=item)


def test_past_events_link_their_write_up(organiser, client):
    item = published_item(organiser)
    event = make_event(organiser, title="Old drop-in", writeup=item)
    Event.objects.filter(pk=event.pk).update(last_end=datetime(2020, 1, 1).astimezone())
    html = client.get("/events/past/").content.decode()
    assert "Old drop-in" in html and item.get_absolute_url() in html
    assert "Old drop-in" not in client.get("/events/").content.decode()
    assert item.get_absolute_url() in client.get(event.get_absolute_url()).content.decode()


def test_a_network_resource_cannot_be_the_write_up_of_a_public_event(organiser):
    from django.core.exceptions import ValidationError

    from hub.networks.models import Membership, Network

    network = Network.objects.create(name="Managers", slug="managers", purpose="Peers")
    Membership.objects.create(network=network, user=organiser, role="leader")
    item = published_item(organiser, network=network)
    with pytest.raises(ValidationError) as error:
        make_event(organiser, writeup=item)
    assert "only be the write-up of its own events" in error.value.message_dict["writeup"][0]
    assert make_event(organiser, writeup=item, network=network).writeup == item
