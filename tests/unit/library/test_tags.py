"""Tags: who may know of one (tags_visible_to), what it costs, and the patient-data guard.

The authorization matrix (tests/unit/test_authorization_matrix.py) checks every surface for
every kind of visitor; these check the query helper, query counts and the guard on each kind
of content that carries tags.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from hub.events.models import Event
from hub.gallery.models import ErrorTrap, TrapStatus
from hub.library.models import Item
from hub.networks.models import Membership, Network
from hub.taxonomy import queries as taxonomy_queries
from hub.taxonomy.models import Tag
from tests.factories import MemberFactory
from tests.unit.events.helpers import make_event
from tests.unit.gallery.helpers import details, draft_trap, pending_trap, photo

from .helpers import draft, item_data, published

pytestmark = pytest.mark.django_db

PATIENT_TAGS = ["Mrs Patel", "943 476 5919"]


def visible_names(viewer) -> set[str]:
    return set(taxonomy_queries.tags_visible_to(viewer).values_list("name", flat=True))


def test_a_tag_on_a_draft_is_known_to_its_author_only_until_it_is_published(member, editor):
    item = draft(member, tags=["zqdraft"])
    assert "zqdraft" not in visible_names(AnonymousUser())
    assert "zqdraft" not in visible_names(MemberFactory())
    assert "zqdraft" in visible_names(member)

    from hub.library import services

    services.item_submit(actor=member, item=item)
    assert "zqdraft" in visible_names(editor)  # in review: the editors see it
    assert "zqdraft" not in visible_names(MemberFactory())
    services.item_publish(actor=editor, item=item)
    assert "zqdraft" in visible_names(AnonymousUser())


def test_a_tag_on_a_network_event_is_known_to_the_networks_members_only(editor):
    network = Network.objects.create(name="Leads", slug="leads", purpose="Peers")
    insider = MemberFactory()
    Membership.objects.create(network=network, user=insider)
    Membership.objects.create(network=network, user=editor, role="leader")
    make_event(editor, network=network, tag_names=["zqnetwork"])
    assert "zqnetwork" in visible_names(insider)
    assert "zqnetwork" not in visible_names(MemberFactory())
    assert "zqnetwork" not in visible_names(AnonymousUser())


def test_the_tag_page_and_suggestions_run_bounded_queries(
    client, member, editor, django_assert_max_num_queries
):
    for n in range(15):
        published(member, editor, title=f"Handover idea {n}", tags=["handover", f"zq{n}"])
    draft(member, tags=["zqsecret"])
    for viewer in (None, member, editor):
        if viewer is not None:
            client.force_login(viewer)
        with django_assert_max_num_queries(12):
            assert client.get("/library/tag/handover/").status_code == 200
        with django_assert_max_num_queries(12):
            assert client.get("/gallery/tag/handover/").status_code == 200
        with django_assert_max_num_queries(9):
            assert client.get("/library/tags/suggest/?q=zq").status_code == 200
        with django_assert_max_num_queries(9):
            assert client.get("/search/tags/?q=zq").status_code == 200
        # Not a public tag: the viewer's roles and networks are read once to look further.
        with django_assert_max_num_queries(12):
            assert client.get("/library/tag/zqsecret/").status_code == (
                200 if viewer == member else 404
            )


# The patient-data guard --------------------------------------------------------------------


@pytest.mark.parametrize("tag", PATIENT_TAGS)
def test_the_library_form_refuses_a_tag_that_may_identify_someone_and_keeps_what_was_typed(
    client, member, tag
):
    from .helpers import a_category

    client.force_login(member)
    response = client.post(
        "/library/share/article/",
        {
            "title": "My title",
            "summary": "My summary",
            "body": "My body text",
            "categories": [a_category().pk],
            "tags": f"handover, {tag}",
            "setting": "any",
            "action": "save",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f"The tag “{tag}” may identify a patient or a member of staff." in html
    assert f'value="handover, {tag}"' in html and 'value="My title"' in html
    assert "My summary" in html and "My body text" in html
    assert not Item.objects.exists() and not Tag.objects.filter(name=tag).exists()


def test_editing_an_item_with_a_patient_tag_saves_nothing(client, member):
    item = draft(member)
    client.force_login(member)
    response = client.post(
        f"/library/item/{item.slug}/edit/",
        {
            "title": "A new title",
            "summary": item.summary,
            "body": item.body,
            "categories": [c.pk for c in item.categories.all()],
            "tags": "handover, Nurse Jones",
            "setting": "any",
            "action": "save",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The tag “Nurse Jones” may identify" in html and 'value="A new title"' in html
    item.refresh_from_db()
    assert item.title == item_data().title
    assert sorted(t.name for t in item.tags.all()) == ["communication", "handover"]
    # Ordinary tags (and "Dr Foster", a company) pass.
    ordinary = "NEWS2, human factors, Dr Foster, insulin"
    response = client.post(
        f"/library/item/{item.slug}/edit/",
        {
            "title": "A new title",
            "summary": item.summary,
            "body": item.body,
            "categories": [c.pk for c in item.categories.all()],
            "tags": ordinary,
            "setting": "any",
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert sorted(t.name for t in item.tags.all()) == sorted(ordinary.split(", "))


@pytest.mark.parametrize("tag", PATIENT_TAGS)
def test_events_refuse_a_tag_that_may_identify_someone(editor, tag):
    with pytest.raises(ValidationError) as refused:
        make_event(editor, tag_names=["drop-in", tag])
    assert list(refused.value.message_dict) == ["tags"]
    assert tag in refused.value.message_dict["tags"][0]
    assert not Event.objects.exists() and not Tag.objects.filter(name=tag).exists()


def test_the_event_form_shows_the_refusal_next_to_the_tags(client, editor):
    client.force_login(editor)
    response = client.post(
        "/events/new/",
        {
            "title": "Friday drop-in",
            "summary": "An hour to talk.",
            "description": "Bring a question.",
            "format": "drop_in",
            "start_date": "2030-01-04",
            "start_time": "12:30",
            "end_time": "13:30",
            "time_zone": "Europe/London",
            "online_url": "https://meet.example.org/x",
            "repeat": "never",
            "status": "published",
            "tags": "drop-in, Mrs Patel",
        },
    )
    html = response.content.decode()
    assert "The tag “Mrs Patel” may identify" in html
    assert 'value="drop-in, Mrs Patel"' in html
    assert not Event.objects.exists()


@pytest.mark.parametrize("tag", PATIENT_TAGS)
def test_error_traps_refuse_a_tag_that_may_identify_someone(tag):
    uploader = MemberFactory()
    trap = draft_trap(uploader, photo(size=(300, 200)))
    with pytest.raises(ValidationError) as refused:
        pending_trap_details = details(tags=["insulin", tag])
        from hub.gallery import services

        services.trap_submit(actor=uploader, trap=trap, data=pending_trap_details)
    assert list(refused.value.message_dict) == ["tags"]
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DRAFT and not Tag.objects.filter(name=tag).exists()


def test_the_gallery_form_shows_the_refusal_next_to_the_tags(client):
    uploader = MemberFactory()
    trap = draft_trap(uploader, photo(size=(300, 200)))
    client.force_login(uploader)
    response = client.post(
        f"/gallery/share/{trap.pk}/",
        {
            "title": "Pens",
            "hazard": "Two pens look alike.",
            "setting": "acute",
            "alt_text": "Pens",
            "tags": "insulin, Mrs Patel",
        },
    )
    html = response.content.decode()
    assert "The tag “Mrs Patel” may identify" in html and 'value="insulin, Mrs Patel"' in html
    assert ErrorTrap.objects.get().status == TrapStatus.DRAFT


def test_a_moderators_edit_of_a_trap_is_guarded_too():
    from hub.gallery import services

    moderator = MemberFactory(roles=["Moderator"])
    trap = pending_trap(MemberFactory(), photo(size=(300, 200)))
    with pytest.raises(ValidationError) as refused:
        services.trap_edit(
            actor=moderator, trap=trap, data=details(tags=["Mr Smith"]), note="Tidy tags"
        )
    assert list(refused.value.message_dict) == ["tags"]
    assert sorted(t.name for t in trap.tags.all()) == ["insulin", "packaging"]
