"""Events and error traps in search: found by their words and by type, never leaking a
network's events, an unpublished or hidden trap, or the uploader behind an anonymous trap."""

from datetime import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from hub.events import services as events
from hub.gallery import services as gallery
from hub.search.models import SearchDocument
from tests.factories import MemberFactory
from tests.unit.events.helpers import event_data, make_event
from tests.unit.gallery.helpers import details, draft_trap, pending_trap, published_trap

pytestmark = pytest.mark.django_db

SURFACES = ["/search/?{}", "/search/?{}&format=json", "/search/feed/?{}"]


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def texts(client, query: str) -> list[str]:
    return [client.get(url.format(query)).content.decode() for url in SURFACES]


def found(user, query: str) -> list[str]:
    return [
        r["title"] for r in client_for(user).get(f"/search/?{query}&format=json").json()["results"]
    ]


@pytest.fixture
def public_event(editor, committed):
    with committed():
        return make_event(
            editor, title="Wombat webinar", description="<p>Learning from wombat handovers.</p>"
        )


@pytest.fixture
def network_event(insider, network, committed):
    with committed():
        return make_event(
            insider,
            title="Wombat network huddle",
            summary="Members only wombat talk.",
            network=network,
        )


@pytest.fixture
def trap(author, moderator, committed):
    with committed():
        return published_trap(
            author,
            moderator,
            title="Wombat look-alike pens",
            hazard="Wombat pens mixed up at night.",
        )


@pytest.fixture
def anonymous_trap(author, moderator, committed):
    with committed():
        return published_trap(
            author,
            moderator,
            title="Wombat unlabelled syringes",
            hazard="Syringes drawn up without labels.",
            is_anonymous=True,
        )


def test_a_public_event_is_found_by_a_word_of_its_description_and_by_type(public_event):
    assert found(None, "q=handovers") == ["Wombat webinar"]
    assert found(None, "type=event") == ["Wombat webinar"]
    row = SearchDocument.objects.get(source="events.event")
    assert (row.kind, row.author_name) == ("event", "The Editor")
    page = client_for().get("/search/?q=handovers").content.decode()
    assert "Event" in page and public_event.get_absolute_url() in page


def test_a_published_trap_is_found_by_a_word_of_its_text_and_by_type(trap):
    assert found(None, "q=night") == ["Wombat look-alike pens"]
    assert found(None, "q=shelves") == ["Wombat look-alike pens"]  # the ideas to fix it
    assert found(None, "type=error_trap") == ["Wombat look-alike pens"]
    assert found(None, "q=wombat&type=event") == []
    assert "Error trap" in client_for().get("/search/?q=night").content.decode()


def test_a_network_event_is_found_by_members_only(public_event, network_event, insider):
    assert sorted(found(insider, "q=wombat")) == ["Wombat network huddle", "Wombat webinar"]
    for text in texts(client_for(insider), "q=wombat&type=event"):
        assert "Wombat network huddle" in text
    for user in (None, MemberFactory()):
        for text in texts(client_for(user), "q=wombat"):
            assert "Wombat webinar" in text
            assert "Wombat network huddle" not in text and "huddle" not in text
        assert client_for(user).get("/search/?q=wombat&format=json").json()["count"] == 1


def test_unpublished_hidden_and_declined_traps_are_never_found(author, moderator, committed):
    with committed():
        draft_trap(author)
        pending_trap(author, title="Wombat pending trap")
        declined = pending_trap(author, title="Wombat declined trap")
        gallery.trap_decline(actor=moderator, trap=declined, reason="Blurry")
        hidden = published_trap(author, moderator, title="Wombat hidden trap")
        gallery.trap_set_hidden(actor=moderator, trap=hidden, hidden=True, reason="Reported")
    assert not SearchDocument.objects.filter(source="gallery.errortrap").exists()
    for user in (None, author, moderator):
        for text in texts(client_for(user), "q=wombat"):
            for secret in ("pending trap", "declined trap", "hidden trap"):
                assert secret not in text


def test_an_anonymous_trap_hides_its_uploader_everywhere(anonymous_trap, trap, author):
    row = SearchDocument.objects.get(source="gallery.errortrap", object_id=anonymous_trap.pk)
    assert (row.author_id, row.author_name, row.is_anonymous) == (None, "", True)
    assert timezone.localtime(row.created).time() == time.min  # cut to the day
    assert found(None, f"author={author.username}") == ["Wombat look-alike pens"]
    assert found(None, "q=syringes") == ["Wombat unlabelled syringes"]
    for text in texts(client_for(MemberFactory()), "q=syringes"):
        assert "Wombat unlabelled syringes" in text
        assert author.display_name not in text and author.username not in text
        assert "Anonymous" in text


def test_edit_cancel_and_hide_update_the_index_after_commit(
    public_event, trap, editor, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        events.event_update(
            actor=editor,
            event=public_event,
            data=event_data(title="Wombat webinar moved", description="<p>Kangaroo now.</p>"),
        )
    assert found(None, "q=kangaroo") == []  # nothing changes before the commit
    for callback in pending:
        callback()
    assert found(None, "q=kangaroo") == ["Wombat webinar moved"]

    with django_capture_on_commit_callbacks(execute=True):
        events.event_cancel(actor=editor, event=public_event, reason="Speaker unwell")
    assert found(None, "type=event") == []

    with django_capture_on_commit_callbacks(execute=True):
        gallery.trap_edit(
            actor=moderator,
            trap=trap,
            data=details(title="Wombat pens, edited", hazard="Platypus confusion."),
            note="Clearer",
        )
    assert found(None, "q=platypus") == ["Wombat pens, edited"]
    with django_capture_on_commit_callbacks(execute=True):
        gallery.trap_set_hidden(actor=moderator, trap=trap, hidden=True, reason="Reported")
    assert found(None, "q=platypus") == []
    with django_capture_on_commit_callbacks(execute=True):
        gallery.trap_set_hidden(actor=moderator, trap=trap, hidden=False)
    assert found(None, "q=platypus") == ["Wombat pens, edited"]


def test_moderation_decisions_on_a_trap_reach_the_index(trap, moderator, committed, settings):
    """Moderation updates search for every kind it moderates; traps need nothing of their own."""
    from hub.moderation import services as moderation
    from hub.moderation.models import Case, CaseStatus

    settings.MODERATION_AUTO_HIDE_REPORTS = 1
    with committed():
        moderation.report_content(actor=MemberFactory(), target=trap, reason="spam")
    assert found(None, "type=error_trap") == []
    with committed():
        moderation.case_approve(actor=moderator, case=Case.objects.get())
    assert found(None, "type=error_trap") == ["Wombat look-alike pens"]

    settings.MODERATION_AUTO_HIDE_REPORTS = 5
    trap.refresh_from_db()
    with committed():
        moderation.report_content(actor=MemberFactory(), target=trap, reason="spam")
        moderation.case_edit(
            actor=moderator,
            case=Case.objects.get(status=CaseStatus.OPEN),
            fields={"title": "Wombat pens again"},
            note="Typo",
        )
    assert found(None, "type=error_trap") == ["Wombat pens again"]


def test_a_withdrawn_pending_trap_leaves_no_row(author, committed):
    with committed():
        pending = pending_trap(author, title="Wombat withdrawn")
        gallery.trap_delete(actor=author, trap=pending)
    assert found(author, "q=wombat") == []


def test_reindex_rebuilds_events_and_traps(public_event, network_event, trap, anonymous_trap):
    SearchDocument.objects.all().delete()
    call_command("reindex")
    rows = {
        r.title: r
        for r in SearchDocument.objects.filter(source__in=["events.event", "gallery.errortrap"])
    }
    assert set(rows) == {
        "Wombat webinar",
        "Wombat network huddle",
        "Wombat look-alike pens",
        "Wombat unlabelled syringes",
    }
    assert rows["Wombat network huddle"].network_id == network_event.network_id
    assert rows["Wombat unlabelled syringes"].author_id is None
    assert found(None, "q=wombat&type=event,error_trap") and len(found(None, "q=wombat")) == 3


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=wombat",
        "/search/?q=wombat&format=json",
        "/search/feed/?q=wombat",
        "/search/?type=event,error_trap&sort=newest",
    ],
)
def test_search_pages_with_events_and_traps_keep_their_query_bound(
    public_event, network_event, trap, anonymous_trap, insider, url, django_assert_max_num_queries
):
    client = client_for(insider)
    with django_assert_max_num_queries(16):  # the bound of a signed-in search (test_views.py)
        response = client.get(url)
    assert response.status_code == 200 and "Wombat network huddle" in response.content.decode()
