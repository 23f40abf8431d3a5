"""The services keep the index in step after every commit; `reindex` rebuilds it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from hub.community import services as community
from hub.community.models import Forum
from hub.engagement import services as engagement
from hub.library import services as library
from hub.search.models import SearchDocument, document_id_base
from hub.search.services import index_object, reindex_all
from hub.searchpages.queries import SearchParams, search

from .helpers import doc, publish_item, start_topic

pytestmark = pytest.mark.django_db


def found(q="", viewer=None, **params) -> list[str]:
    result = search(viewer=viewer or AnonymousUser(), params=SearchParams(q=q, **params))
    return [r.title for r in result.results]


def test_a_published_item_is_found_and_a_draft_is_not(author, editor, committed):
    with committed():
        publish_item(author, editor, title="Oxygen cylinder checks")
        library.item_create(actor=author, data=_data(title="Oxygen draft notes"))

    assert found("oxygen") == ["Oxygen cylinder checks"]


def test_an_item_carries_its_text_tags_categories_and_counts(author, editor, committed):
    with committed():
        item = publish_item(
            author,
            editor,
            title="Blood transfusion checks",
            body="<p>Two people <strong>check</strong> the wristband.</p>",
            tags=["transfusion", "Checklists"],
        )

    row = SearchDocument.objects.get(source="library.item", object_id=item.pk)
    assert row.body.startswith("Two people check the wristband.")
    assert row.tag_names == "Checklists, transfusion"  # tags are ordered by name
    assert row.author_name == "Nadia Shah" and row.author_id == author.pk
    category = item.categories.get()
    terms = set(row.filter_terms.split())
    assert {f"zcat{category.pk}", f"zcat{category.parent_id}"} <= terms
    assert {"zkarticle", f"zau{author.pk}"} <= terms and "znetwork" not in terms
    assert {t for t in terms if t.startswith("zcat")} == {
        f"zcat{category.pk}",
        f"zcat{category.parent_id}",
    }


def test_unpublishing_removes_an_item_and_republishing_brings_it_back(author, editor, committed):
    with committed():
        item = publish_item(author, editor, title="Bed rails")
    with committed():
        library.item_unpublish(actor=editor, item=item, reason="Needs a source")

    assert found("bed rails") == []


def test_a_scheduled_item_appears_only_when_its_time_comes(author, editor, committed):
    with committed():
        item = library.item_create(actor=author, data=_data(title="Scheduled sepsis bundle"))
        library.item_submit(actor=author, item=item)
        library.item_publish(actor=editor, item=item, at=timezone.now() + timedelta(days=2))

    assert found("sepsis") == []
    row = SearchDocument.objects.get(object_id=item.pk, source="library.item")
    SearchDocument.objects.filter(pk=row.pk).update(visible_from=timezone.now())
    assert found("sepsis") == ["Scheduled sepsis bundle"]


def test_a_new_posting_time_gives_the_row_an_id_that_follows_it(author, editor, committed):
    with committed():
        item = library.item_create(actor=author, data=_data(title="Moved sepsis bundle"))
        library.item_submit(actor=author, item=item)
        library.item_publish(actor=editor, item=item, at=timezone.now() + timedelta(days=2))
    first = SearchDocument.objects.get(object_id=item.pk, source="library.item")
    moved_to = timezone.now() + timedelta(days=9)
    type(item).objects.filter(pk=item.pk).update(published_at=moved_to)

    with committed():
        index_object(item)

    row = SearchDocument.objects.get(object_id=item.pk, source="library.item")
    assert row.created == moved_to
    assert row.pk != first.pk and row.pk >= document_id_base(moved_to)


def test_editing_an_item_rewrites_its_row(author, editor, committed):
    with committed():
        item = publish_item(author, editor, title="Catheter care")
    with committed():
        library.item_restore_revision(
            actor=editor, item=item, revision=item.revisions.order_by("number").first()
        )
        item.refresh_from_db()

    assert SearchDocument.objects.get(object_id=item.pk, source="library.item").title == item.title


def test_topics_and_replies_are_found_and_hidden_or_deleted_ones_are_not(
    author, moderator, member, committed
):
    with committed():
        topic = start_topic(author, title="Night staffing", body="<p>Agency nurses</p>")
        shown = community.post_reply(actor=member, topic=topic, body="<p>Rota gaps here</p>")
        hidden = community.post_reply(actor=member, topic=topic, body="<p>Rota secret</p>")
        community.post_hide(actor=moderator, post=hidden, reason="Names a patient")

    assert found("agency") == ["Night staffing"]
    assert found("rota") == ["Re: Night staffing"]
    row = SearchDocument.objects.get(source="community.post", object_id=shown.pk)
    assert row.url == shown.get_absolute_url()
    assert SearchDocument.objects.get(source="community.topic").comment_count == 1

    with committed():
        community.topic_hide(actor=moderator, topic=topic, reason="Off topic")
    assert found("agency") == [] and found("rota") == []

    with committed():
        community.topic_unhide(actor=moderator, topic=topic)
    assert found("rota") == ["Re: Night staffing"]

    with committed():
        community.post_delete(actor=member, post=shown)
    assert found("rota") == []


def test_moving_a_topic_moves_it_and_its_replies_between_forums(author, moderator, committed):
    first, second = Forum.objects.order_by("position")[:2]
    with committed():
        topic = start_topic(author, title="Pressure ulcers", forum=first)
        community.post_reply(actor=author, topic=topic, body="<p>Pressure mapping</p>")
    with committed():
        community.topic_move(actor=moderator, topic=topic, forum=second, reason="Better home")

    assert sorted(found("pressure", forum_id=second.pk)) == [
        "Pressure ulcers",
        "Re: Pressure ulcers",
    ]
    assert found("pressure", forum_id=first.pk) == []


def test_reactions_update_the_counts_search_sorts_and_filters_on(author, member, committed):
    with committed():
        topic = start_topic(author, title="Falls sensors")
        engagement.reaction_toggle(actor=member, target=topic.posts.get(number=1), kind="like")

    assert found("sensors", min_reactions=1) == ["Falls sensors"]
    assert found("sensors", min_reactions=2) == []


def test_views_are_counted_in_the_index(author, committed):
    with committed():
        topic = start_topic(author, title="Insulin pens")
    community.topic_record_view(topic=topic)
    community.topic_record_view(topic=topic)

    assert found("insulin", min_views=2) == ["Insulin pens"]


def test_a_failing_index_update_never_breaks_the_write(author, committed, monkeypatch, caplog):
    from hub.search import services

    def broken(*args, **kwargs):
        raise RuntimeError("index down")

    monkeypatch.setattr(services, "index_objects", broken)
    with committed():
        topic = start_topic(author, title="Still saved")

    assert topic.pk and "Search index update failed" in caplog.text


def test_reindex_rebuilds_everything_in_batches_and_drops_stale_rows(
    author, editor, member, committed
):
    with committed():
        publish_item(author, editor, title="Medicines reconciliation")
        topic = start_topic(author, title="Discharge letters")
        for n in range(5):
            community.post_reply(actor=member, topic=topic, body=f"<p>Reply {n} letters</p>")
    SearchDocument.objects.create(
        source="community.topic",
        object_id=999_999,
        kind="topic",
        title="Stale letters",
        url="/gone/",
        created=timezone.now(),
        updated=timezone.now(),
        visible_from=timezone.now(),
    )

    counts = reindex_all(batch_size=2)

    assert counts == {
        "library.item": 1,
        "community.topic": 1,
        "community.post": 5,
        "events.event": 0,
        "gallery.errortrap": 0,
    }
    assert "Stale letters" not in found("letters")
    assert len(found("letters")) == 6
    assert found("reconciliation") == ["Medicines reconciliation"]


def test_the_reindex_command_reports_what_it_built(author, committed, capsys):
    with committed():
        start_topic(author, title="Handover")

    call_command("reindex")
    call_command("reindex", "--if-empty")

    out = capsys.readouterr().out
    assert "community.topic: 1 document(s)" in out
    assert "already built" in out
    assert found("handover") == ["Handover"]


def test_the_reindex_command_makes_only_the_missing_year_indexes_when_asked(capsys):
    from .helpers import doc

    doc(title="Handover", created=timezone.now() - timedelta(days=800))

    call_command("reindex", "--year-indexes")

    out = capsys.readouterr().out
    if connection.vendor != "postgresql":
        assert "nothing to do" in out
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_doc_vector_y%%'"
        )
        names = {row[0] for row in cursor.fetchall()}
    oldest = (timezone.now() - timedelta(days=800)).year
    assert f"search_doc_vector_y{oldest}" in names
    assert f"Year indexes made: {oldest}" in out
    assert SearchDocument.objects.count() == 1  # the rows are left as they are
    call_command("reindex", "--year-indexes")
    assert "none missing" in capsys.readouterr().out


def test_index_object_ignores_kinds_search_does_not_know(member):
    index_object(member)  # a member is not a search source: nothing happens

    assert not SearchDocument.objects.exists()


def _data(**overrides):
    from tests.unit.library.helpers import item_data

    return item_data(**overrides)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's segments")
def test_on_sqlite_a_full_reindex_leaves_each_full_text_index_in_one_segment(author, committed):
    with committed():
        for n in range(8):
            start_topic(author, title=f"Handover {n}")
    in_networks = [doc(title=f"Handover in network {n}", network_id=40 + n).pk for n in range(3)]
    with connection.cursor() as cursor:
        # The network index is refilled by a reindex, not only kept by the triggers.
        cursor.execute("INSERT INTO search_fts_net(search_fts_net) VALUES ('delete-all')")
        # As a large rebuild does: flush a segment every few terms, and merge none of them.
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 64)")
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0)")
        for index in ("search_title_trgm", "search_fts_heads", "search_fts_net"):
            cursor.execute(f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', 64)")
            cursor.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 0)")
        try:
            reindex_all()
            segments = []
            for index in ("search_fts", "search_title_trgm", "search_fts_heads", "search_fts_net"):
                cursor.execute(f"SELECT count(DISTINCT segid) FROM {index}_idx")
                segments.append(cursor.fetchone()[0])
        finally:
            for index in ("search_fts", "search_title_trgm", "search_fts_heads", "search_fts_net"):
                cursor.execute(f"DELETE FROM {index}_config WHERE k IN ('hashsize', 'automerge')")

    assert segments == [1, 1, 1, 1]
    assert len(found("handover")) == 8
    # The network index is filled with the rows that have a network, and no others.
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM search_fts_net WHERE search_fts_net MATCH 'handover'")
        assert sorted(row[0] for row in cursor.fetchall()) == sorted(in_networks)
