"""Migration 0004 turns an existing index's facet rows into filter terms, on either engine."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from hub.searchpages.queries import SearchParams, search

BEFORE = [("search", "0003_sort_indexes_with_tie_break")]
AFTER = [("search", "0004_filter_terms_and_time_ordered_ids")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations():
    """Tests here stop at an older migration; the tests after them need the latest schema."""
    yield
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_existing_rows_get_their_terms_and_stay_searchable():
    apps = migrate(BEFORE)
    try:
        document = apps.get_model("search", "SearchDocument")
        facet = apps.get_model("search", "SearchFacet")
        now = timezone.now()
        common = dict(
            source="test.doc",
            summary="",
            url="/test/",
            created=now - timedelta(days=3),
            updated=now - timedelta(days=3),
            visible_from=now - timedelta(days=3),
        )
        named = document.objects.create(
            object_id=1,
            kind="article",
            title="Bedside handover checklist",
            body="How one ward cut missed observations.",
            author_id=7,
            author_name="Someone",
            **common,
        )
        anonymous = document.objects.create(
            object_id=2,
            kind="topic",
            title="Handover at night",
            body="Told in confidence.",
            is_anonymous=True,
            forum_id=5,
            network_id=9,
            **common,
        )
        facet.objects.create(document=named, name="tag", value=12)
        facet.objects.create(document=named, name="category", value=3)
        facet.objects.create(document=named, name="category", value=1)
        facet.objects.create(document=anonymous, name="forum", value=5)
    finally:
        migrate(AFTER)

    from hub.search.models import SearchDocument

    month = timezone.localtime(now - timedelta(days=3)).strftime("zm%Y%m")
    terms = dict(SearchDocument.objects.values_list("object_id", "filter_terms"))
    assert terms[1] == f"zkarticle zau7 {month} zcat1 zcat3 ztag12"
    # Anonymous: no author term; network content carries its scope terms.
    assert terms[2] == f"znetwork znet9 zktopic {month} zfor5"

    # The rebuilt full-text index answers words and filters together (with the schema that
    # today's search code expects).
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    found = search(viewer=AnonymousUser(), params=SearchParams(q="handover", tag_ids=[12]))
    assert [r.title for r in found.results] == ["Bedside handover checklist"]
    # The network's row stays out of an outsider's results.
    everything = search(viewer=AnonymousUser(), params=SearchParams(q="handover"))
    assert [r.title for r in everything.results] == ["Bedside handover checklist"]


AT_0004 = [("search", "0004_filter_terms_and_time_ordered_ids")]
AT_0005 = [("search", "0005_utc_month_and_year_terms")]


@pytest.mark.django_db(transaction=True)
def test_0005_gives_rows_utc_months_and_years_and_back(settings):
    from datetime import datetime

    settings.TIME_ZONE = "Europe/Paris"
    apps = migrate(AT_0004)
    new_year = timezone.make_aware(datetime(2024, 1, 1, 0, 30))  # 23:30 UTC on 31 December
    try:
        document = apps.get_model("search", "SearchDocument")
        document.objects.create(
            id=1,
            source="test.doc",
            object_id=1,
            kind="article",
            title="Handover at new year",
            summary="",
            body="Told at the first handover of the year.",
            url="/test/1/",
            author_name="Someone",
            created=new_year,
            updated=new_year,
            visible_from=new_year,
            filter_terms="zkarticle zau7 zm202401 ztag12",  # as 0004 wrote it: a local month
        )
    finally:
        migrate(AT_0005)

    from hub.search.models import SearchDocument

    assert SearchDocument.objects.get().filter_terms == "zkarticle zau7 ztag12 zm202312 zy2023"
    # The full-text index follows: a search for 2024 in Paris asks for December 2023 in UTC
    # (with the schema that today's search code expects).
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    params = SearchParams(
        q="handover", tag_ids=[12], created_after=new_year.date(), created_before=new_year.date()
    )
    found = search(viewer=AnonymousUser(), params=params)
    assert [r.title for r in found.results] == ["Handover at new year"]

    migrate(AT_0004)
    try:
        assert SearchDocument.objects.get().filter_terms == "zkarticle zau7 ztag12 zm202401"
    finally:
        migrate(AT_0005)


AT_0006 = [("search", "0006_sqlite_term_counts")]


@pytest.mark.django_db(transaction=True)
def test_0006_counts_rows_per_term_on_sqlite_and_goes_back():
    migrate(AT_0006)
    from hub.search.models import SearchDocument

    now = timezone.now()
    for n in range(3):
        SearchDocument.objects.create(
            source="test.doc",
            object_id=n,
            kind="article",
            title=f"Handover {n}",
            url=f"/test/{n}/",
            author_name="Someone",
            created=now,
            updated=now,
            visible_from=now,
            filter_terms="zkarticle znetwork znet7" if n else "zkarticle zau9",
        )
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            return  # nothing to make on PostgreSQL
        cursor.execute("SELECT term, doc FROM search_fts_terms WHERE term IN ('znet7', 'zau1')")
        assert dict(cursor.fetchall()) == {"znet7": 2}

    migrate(AT_0005)
    tables = connection.introspection.table_names()
    assert "search_fts_terms" not in tables


AT_0007 = [("search", "0007_sqlite_heads_index")]


def _fts_matching(table: str, expression: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH %s ORDER BY rowid",  # noqa: S608
            [expression],
        )
        return [row[0] for row in cursor.fetchall()]


def _heads_matching(expression: str) -> list[int]:
    return _fts_matching("search_fts_heads", expression)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's second FTS5 index")
def test_0007_indexes_titles_summaries_and_tags_without_bodies_and_goes_back():
    migrate(AT_0006)
    from hub.search.models import SearchDocument

    now = timezone.now()
    common = dict(source="test.doc", url="/test/", author_name="Someone", kind="article")
    dates = dict(created=now, updated=now, visible_from=now)
    titled = SearchDocument.objects.create(
        object_id=1, title="Falls at night", body="", filter_terms="znet7", **common, **dates
    )
    bodied = SearchDocument.objects.create(
        object_id=2,
        title="Night checks",
        body="Two falls.",
        filter_terms="znet7",
        **common,
        **dates,
    )

    migrate(AT_0007)
    # Rows indexed before the migration are in it (stemmed, as the full index is); bodies are not.
    assert _heads_matching("{title}: fall") == [titled.pk]
    assert _heads_matching("fall") == [titled.pk]
    assert _heads_matching("{filter_terms}: znet7") == [titled.pk, bodied.pk]
    # The triggers keep it: a new row, a changed summary, a deleted row.
    tagged = SearchDocument.objects.create(
        object_id=3, title="Bed rails", tag_names="Falls", filter_terms="", **common, **dates
    )
    SearchDocument.objects.filter(pk=bodied.pk).update(summary="After the falls review")
    titled.delete()
    assert _heads_matching("{summary tag_names}: falls") == [bodied.pk, tagged.pk]
    assert _heads_matching("{title}: fall") == []

    migrate(AT_0006)
    assert "search_fts_heads" not in connection.introspection.table_names()
    # The triggers as they were still keep the full index.
    SearchDocument.objects.create(
        object_id=4, title="Falls again", body="", filter_terms="", **common, **dates
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'fall'")
        assert cursor.fetchone()[0] == 3


AT_0008 = [("search", "0008_postgres_year_indexes")]


def _year_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_doc_vector_y%%'"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's year indexes")
def test_0008_makes_an_index_for_each_year_of_rows_and_ahead_and_goes_back():
    from datetime import UTC, datetime

    migrate(AT_0007)
    from hub.search.models import SearchDocument

    assert _year_indexes() == set()
    year = timezone.now().astimezone(UTC).year
    old = datetime(year - 2, 3, 1, tzinfo=UTC)
    common = dict(source="test.doc", url="/test/", author_name="Someone", kind="article")
    SearchDocument.objects.create(
        object_id=1,
        title="Insulin two years ago",
        body="",
        filter_terms="",
        created=old,
        updated=old,
        visible_from=old,
        **common,
    )

    migrate(AT_0008)
    assert _year_indexes() == {f"search_doc_vector_y{y}" for y in range(year - 2, year + 4)}
    # The search asks the year's index for its rows, and finds the old row there.
    from hub.search.backends.postgres import year_bounds

    low, high = year_bounds(year - 2)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [f"search_doc_vector_y{year - 2}"],
        )
        assert cursor.fetchone()[0].endswith(
            f"WHERE ((id >= '{low}'::bigint) AND (id < '{high + 3600 * 1024}'::bigint))"
        )
    assert [
        r.title for r in search(viewer=AnonymousUser(), params=SearchParams(q="insulin")).results
    ] == ["Insulin two years ago"]

    migrate(AT_0007)
    assert _year_indexes() == set()


AT_0009 = [("search", "0009_sqlite_network_index")]


def _network_index_matching(expression: str) -> list[int]:
    return _fts_matching("search_fts_net", expression)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's network index")
def test_0009_indexes_network_content_alone_follows_each_write_and_goes_back():
    migrate(AT_0008)
    from hub.search.models import SearchDocument

    now = timezone.now()
    common = dict(source="test.doc", url="/test/", author_name="Someone", kind="article")
    dates = dict(created=now, updated=now, visible_from=now)
    inside = SearchDocument.objects.create(
        object_id=1, title="Handover", body="Falls.", network_id=7, filter_terms="znet7",
        **common, **dates,
    )  # fmt: skip
    SearchDocument.objects.create(
        object_id=2, title="Handover in public", filter_terms="", **common, **dates
    )

    migrate(AT_0009)
    # Rows written before the migration: only the network's, bodies included.
    assert _network_index_matching("handover") == [inside.pk]
    assert _network_index_matching("{body}: fall") == [inside.pk]
    # The triggers keep it: a new network row, a public row, a row leaving a network and one
    # joining it, an edit, a deletion.
    joining = SearchDocument.objects.create(
        object_id=3, title="Handover later", filter_terms="", **common, **dates
    )
    SearchDocument.objects.create(
        object_id=4, title="Handover too", network_id=8, filter_terms="znet8", **common, **dates
    )
    SearchDocument.objects.filter(pk=joining.pk).update(network_id=7, filter_terms="znet7")
    assert _network_index_matching("handover AND {filter_terms}: znet7") == [
        inside.pk,
        joining.pk,
    ]
    SearchDocument.objects.filter(pk=inside.pk).update(network_id=None, filter_terms="")
    SearchDocument.objects.filter(pk=joining.pk).update(title="Night checks")
    assert _network_index_matching("{filter_terms}: znet7") == [joining.pk]
    assert _network_index_matching("{title}: handover AND {filter_terms}: znet7") == []
    SearchDocument.objects.filter(pk=joining.pk).delete()
    assert _network_index_matching("{filter_terms}: znet7") == []
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts_net(search_fts_net) VALUES ('integrity-check')")

    migrate(AT_0008)
    assert "search_fts_net" not in connection.introspection.table_names()
    # The triggers as they were still keep the other indexes.
    SearchDocument.objects.create(
        object_id=5, title="Handover again", network_id=7, filter_terms="znet7", **common, **dates
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_fts_heads WHERE search_fts_heads MATCH %s", ["handover"]
        )
        assert cursor.fetchone()[0] == 4


AT_0010 = [("search", "0010_postgres_id_range_terms")]


def _vector_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument' "
            "AND indexdef LIKE %s",
            ["%search_vector%"],
        )
        return {row[0] for row in cursor.fetchall()}


def _id_range_terms_in_vector(row_id: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('simple', %s) FROM search_searchdocument "
            "WHERE id = %s",
            [f"zra{row_id >> 31} & zrb{row_id >> 29}", row_id],
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search vector")
def test_0010_gives_every_vector_its_id_range_terms_keeps_its_indexes_and_goes_back():
    migrate(AT_0009)
    from hub.search.models import SearchDocument

    now = timezone.now()
    row = SearchDocument.objects.create(
        source="test.doc", object_id=1, url="/test/", author_name="Someone", kind="article",
        title="Insulin doses", body="", filter_terms="zkarticle",
        created=now, updated=now, visible_from=now,
    )  # fmt: skip
    indexes = _vector_indexes()
    assert "search_doc_vector" in indexes and len(indexes) > 1  # and the year indexes
    assert not _id_range_terms_in_vector(row.pk)

    migrate(AT_0010)
    assert _id_range_terms_in_vector(row.pk)
    assert _vector_indexes() == indexes
    assert [
        r.title for r in search(viewer=AnonymousUser(), params=SearchParams(q="insulin")).results
    ] == ["Insulin doses"]

    migrate(AT_0009)
    assert not _id_range_terms_in_vector(row.pk)
    assert _vector_indexes() == indexes
