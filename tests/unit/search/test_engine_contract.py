"""One behavioural contract for every search engine: it runs against the test database's own
(SQLite FTS5, or PostgreSQL full-text when DATABASE_URL points at PostgreSQL)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hub.search import terms
from hub.search.backends import engine
from hub.search.models import SearchDocument, document_id_base, ids_follow_posting_time
from hub.searchpages import queries
from hub.searchpages.queries import SearchParams, search

from .helpers import doc

pytestmark = pytest.mark.django_db


def titles(q: str, viewer=None, **params) -> list[str]:
    from django.contrib.auth.models import AnonymousUser

    found = search(viewer=viewer or AnonymousUser(), params=SearchParams(q=q, **params))
    return [r.title for r in found.results]


def test_the_engine_is_the_one_for_the_database_in_use():
    assert engine().vendor == connection.vendor


def test_english_stemming_finds_other_forms_of_a_word():
    doc(title="Preventing a fall on the ward")
    doc(title="Falls in care homes")
    doc(title="Medication errors")

    assert sorted(titles("falls")) == ["Falls in care homes", "Preventing a fall on the ward"]
    assert sorted(titles("fall")) == ["Falls in care homes", "Preventing a fall on the ward"]
    assert sorted(titles("falling")) == ["Falls in care homes", "Preventing a fall on the ward"]


def test_acronyms_match_in_any_case():
    doc(title="What PSIRF changes for ward teams")
    doc(title="Something else", body="Our trust moved to psirf last year.")

    for typed in ("PSIRF", "psirf", "Psirf"):
        assert sorted(titles(typed)) == ["Something else", "What PSIRF changes for ward teams"]


def test_a_title_match_outranks_a_body_match():
    doc(title="Ward rounds", body="sepsis " * 30 + "sepsis screening sepsis sepsis")
    doc(title="Sepsis", body="A short note.")
    doc(title="Another", summary="Sepsis in the summary.")

    found = titles("sepsis")

    assert found[0] == "Sepsis"
    assert sorted(found[1:]) == ["Another", "Ward rounds"]


def test_quoted_phrases_match_exactly():
    doc(title="Hand hygiene audits")
    doc(title="Hygiene of the hand and wrist")

    assert titles('"hand hygiene"') == ["Hand hygiene audits"]
    assert sorted(titles("hand hygiene")) == [
        "Hand hygiene audits",
        "Hygiene of the hand and wrist",
    ]


def test_all_words_by_default_and_any_word_on_request():
    doc(title="Insulin safety")
    doc(title="Heparin safety")
    doc(title="Insulin and heparin")

    assert titles("insulin heparin") == ["Insulin and heparin"]
    assert sorted(titles("insulin heparin", match_any=True)) == [
        "Heparin safety",
        "Insulin and heparin",
        "Insulin safety",
    ]


def test_titles_only_ignores_matches_in_the_text():
    doc(title="Delirium on surgical wards")
    doc(title="Night shifts", body="Delirium is common at night.")

    assert titles("delirium", titles_only=True) == ["Delirium on surgical wards"]
    assert len(titles("delirium")) == 2


def test_prefix_matching_for_autocomplete():
    doc(title="Hospital discharge letters")
    doc(title="Hospice care")
    doc(title="Community pharmacy")

    assert sorted(titles("hosp", prefix=True)) == ["Hospice care", "Hospital discharge letters"]
    assert titles("hosp") == []  # without prefix, a fragment is just a word
    assert titles("discharge lett", prefix=True) == ["Hospital discharge letters"]


FALL = ["Preventing a fall on the ward"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("NOT", []),
        ("*", []),
        ("-", []),
        ('"', []),
        (":", []),
        ("fall NOT", FALL),
        ("NOT fall", FALL),
        ("fall*", FALL),
        ("-fall", FALL),
        ("fall:", FALL),
        ("title:fall", []),  # "title" is just another word to find
        ('"fall', FALL),
        ('fall"', FALL),
        ('"fall""', FALL),
        ('"on the ward', FALL),  # an unbalanced quote still reads as a phrase
        ("fall AND OR", FALL),
        ("NEAR(fall ward)", []),  # "near" is a word too
        ("(fall", FALL),
        ("fall)", FALL),
        ("{title}: fall", []),
        ("fall ^ & | ! \\ ' ;", FALL),
        ("falls' OR 1=1 --", []),
        ("fall <-> ward", FALL),
        ("fall:*", FALL),
        ("\x00fall", FALL),
        ("fall" + " " * 9_990 + "zebra", FALL),  # cut at 500 characters: "fall" alone
        ("x" * 10_000, []),
    ],
)
def test_operators_and_punctuation_are_text_and_never_raise(typed, expected):
    doc(title="Preventing a fall on the ward")
    doc(title="Medication errors")

    assert titles(typed) == expected


def test_stop_words_alone_match_nothing_on_either_engine():
    doc(title="The patient and the ward")

    assert titles("the and") == []
    assert titles("not") == []


def test_the_count_is_exact_below_the_cap_and_says_more_beyond_it(monkeypatch):
    for n in range(7):
        doc(title=f"Handover {n}")
    assert search(viewer=_anonymous(), params=SearchParams(q="handover")).count == 7

    monkeypatch.setattr(queries, "COUNT_CAP", 5)
    found = search(viewer=_anonymous(), params=SearchParams(q="handover"))

    assert found.capped and found.count == 5
    assert found.count_text == "More than 5 results"


def test_counts_and_pages_without_words_are_capped_too(monkeypatch):
    for n in range(7):
        doc(title=f"Handover {n}", kind="news")
    monkeypatch.setattr(queries, "COUNT_CAP", 5)

    found = search(viewer=_anonymous(), params=SearchParams(types=["news"]))

    assert found.capped and found.count == 5


def test_snippets_highlight_the_words_and_escape_everything_else():
    doc(
        title="Alarm fatigue",
        body="Staff said <script>alert(1)</script> & the alarms sounded so often "
        "that they stopped hearing them.",
    )

    result = search(viewer=_anonymous(), params=SearchParams(q="alarms")).results[0]

    assert "<mark>alarms</mark>" in result.snippet
    assert "<script>" not in result.snippet
    assert "&amp; the" in result.snippet  # escaped, then marked


def test_snippets_highlight_a_word_far_into_a_long_text():
    filler = "The ward round went as planned and everyone knew the plan. " * 150  # 9,000 chars
    doc(title="Long report", body=filler + "Then the syringe driver alarm sounded twice.")

    result = search(viewer=_anonymous(), params=SearchParams(q="syringe")).results[0]

    assert "<mark>syringe</mark> driver alarm" in result.snippet


def test_snippets_highlight_words_written_otherwise_than_their_stem_and_phrases():
    filler = "The ward round went as planned and everyone knew the plan. " * 30
    doc(title="Bed rails", body=filler + "Our policy on bed rails changed last year.")
    doc(title="Insulin", body=filler + "A patient missed a dose of insulin at night.")

    policy = search(viewer=_anonymous(), params=SearchParams(q="policies")).results[0]
    phrase = search(viewer=_anonymous(), params=SearchParams(q='"missed a dose"')).results[0]

    assert "<mark>policy</mark>" in policy.snippet
    assert "<mark>" in phrase.snippet
    assert "missed a dose" in phrase.snippet.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize("q", ["alarm", '"missed a dose"', "dose insulin", "alarms"])
def test_snippets_found_result_by_result_match_those_found_in_one_pass(monkeypatch, q):
    # SQLite looks results up one by one when the page's stretch of the index is long.
    filler = "The ward round went as planned and everyone knew the plan. " * 20
    for n in range(6):
        doc(
            title=f"Report {n}",
            summary="An alarm report." if n % 2 else "",
            body=filler + f"The alarm sounded {n} times; a patient missed a dose of insulin.",
            network_id=42 if n == 5 else None,
        )

    def snippets() -> list[str]:
        # A filter ANDed with the words: what makes a stretch slow to walk.
        found = search(viewer=_anonymous(), params=SearchParams(q=q, types=["article"]), per_page=3)
        return [r.snippet for r in found.results]

    in_one_pass = snippets()
    if connection.vendor == "sqlite":
        from hub.search.backends import sqlite_fts5

        monkeypatch.setattr(sqlite_fts5, "STRETCH_MATCHES_PER_RESULT", 0)
    one_by_one = snippets()

    assert len(in_one_pass) == 3 and all("<mark>" in s for s in in_one_pass)
    assert one_by_one == in_one_pass


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's two ways to snippets")
def test_sqlite_looks_snippets_up_one_by_one_only_across_a_long_filtered_stretch(monkeypatch):
    from django.test.utils import CaptureQueriesContext

    from hub.search.backends import sqlite_fts5

    for n in range(4):
        doc(title=f"Alarm {n}", body=f"The alarm sounded {n} times.")
    monkeypatch.setattr(sqlite_fts5, "STRETCH_MATCHES_PER_RESULT", 0)

    def snippet_sql(**params) -> str:
        with CaptureQueriesContext(connection) as ran:
            search(viewer=_anonymous(), params=SearchParams(q="alarm", **params), per_page=2)
        return next(q["sql"] for q in ran.captured_queries if "snippet(" in q["sql"])

    assert "UNION ALL" in snippet_sql(types=["article"])
    assert "BETWEEN" in snippet_sql()  # a word's list alone is walked faster


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index without bodies")
def test_sqlite_asks_where_the_words_are_of_the_index_without_bodies_which_follows_edits():
    from django.test.utils import CaptureQueriesContext

    now = timezone.now()
    edited = doc(title="Night checks", body="A falls review.", created=now - timedelta(days=2))
    doc(title="Ward rounds", body="Falls again.", created=now - timedelta(days=1))
    doc(title="Bed rails", summary="Falls prevention", created=now - timedelta(days=3))
    # The update trigger keeps the index without bodies in step with the row.
    SearchDocument.objects.filter(pk=edited.pk).update(title="Falls at night")

    with CaptureQueriesContext(connection) as ran:
        found = search(viewer=_anonymous(), params=SearchParams(q="falls"))

    assert [r.title for r in found.results] == ["Falls at night", "Bed rails", "Ward rounds"]
    where = [
        q["sql"] for q in ran.captured_queries if "MATCH" in q["sql"] and "rowid >=" in q["sql"]
    ]
    assert len(where) == 2 and all("FROM search_fts_heads WHERE" in sql for sql in where)


def _network_search_seen(viewer, **params) -> list[tuple[str, str]]:
    found = search(viewer=viewer, params=SearchParams(network_id=42, **params))
    return [(r.title, str(r.snippet)) for r in found.results]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's network index")
def test_sqlite_answers_a_search_kept_to_one_network_from_the_network_index(
    monkeypatch, insider_of_42
):
    from django.test.utils import CaptureQueriesContext

    from hub.search.backends.sqlite_fts5 import SqliteEngine

    now = timezone.now()
    doc(title="Night checks", body="The handover was rushed.", network_id=42, created=now)
    doc(title="Handover notes", body="Sepsis flagged.", network_id=42, created=now)
    doc(title="Ward rounds", summary="A handover audit", network_id=42, created=now)
    doc(title="Bed rails", tag_names="Handover", network_id=42, created=now)
    moved_out = doc(title="Handover moved out", network_id=42, created=now)
    moved_in = doc(title="Handover moved in", created=now)
    doc(title="Handover elsewhere", body="Sepsis too.", network_id=43, created=now)
    doc(title="Handover in public", created=now)
    # The update trigger keeps the network index in step when a row leaves or joins a network.
    for row, network_id in ((moved_out, None), (moved_in, 42)):
        SearchDocument.objects.filter(pk=row.pk).update(
            network_id=network_id,
            filter_terms=terms.filter_terms(
                kind="article", network_id=network_id, author_id=None, created=now, facets={}
            ),
        )

    with CaptureQueriesContext(connection) as ran:
        handover = _network_search_seen(insider_of_42, q="handover")
        either = _network_search_seen(insider_of_42, q="handover sepsis", match_any=True)
    matching = [q["sql"] for q in ran.captured_queries if " MATCH " in q["sql"]]
    monkeypatch.setattr(
        SqliteEngine, "_indexes", staticmethod(lambda criteria: ("search_fts", "search_fts_heads"))
    )
    from_full_indexes = (
        _network_search_seen(insider_of_42, q="handover"),
        _network_search_seen(insider_of_42, q="handover sepsis", match_any=True),
    )

    # Titles first, then summaries and tags, then bodies; each with its snippet.
    assert [title for title, _ in handover] == [
        "Handover moved in",
        "Handover notes",
        "Bed rails",
        "Ward rounds",
        "Night checks",
    ]
    assert "<mark>handover</mark>" in handover[-1][1]
    assert (handover, either) == from_full_indexes
    # Matches, where the words are (three places for "any of the words") and snippets.
    assert len(matching) == 2 * (1 + 2 + 1) + 1
    assert all("FROM search_fts_net WHERE" in sql for sql in matching)


def test_a_search_within_a_small_network_gives_its_newest_matches(monkeypatch, insider_of_42):
    # SQLite reads a narrow filter's matches oldest first, then keeps the newest.
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    now = timezone.now()
    for n in range(6):
        doc(title=f"Handover {n}", network_id=42, created=now - timedelta(days=n))
    doc(title="Handover elsewhere", created=now)

    found = search(viewer=insider_of_42, params=SearchParams(q="handover", network_id=42))

    assert [r.title for r in found.results] == ["Handover 0", "Handover 1", "Handover 2"]
    assert found.capped and found.count == 3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's term counts")
def test_sqlite_reads_oldest_first_only_when_a_filter_holds_few_rows(insider_of_42):
    from hub.searchpages.queries import criteria_for

    engine_ = engine()
    for n in range(5):
        doc(title=f"Handover {n}", network_id=42)
    small = criteria_for(viewer=insider_of_42, params=SearchParams(network_id=42))
    anywhere = criteria_for(viewer=insider_of_42, params=SearchParams())

    assert engine_._few_rows_hold(small, 5)
    assert not engine_._few_rows_hold(small, 4)
    assert not engine_._few_rows_hold(anywhere, 1000)  # no filter: no bound


def test_a_reader_cannot_inject_markup_through_the_query():
    doc(title="Mark", body="mark my words")

    result = search(viewer=_anonymous(), params=SearchParams(q="<mark>mark</mark>")).results[0]

    assert result.snippet.count("<mark>") == result.snippet.count("</mark>")
    assert "&lt;" not in result.snippet or "<mark>" in result.snippet


def test_pages_follow_each_other_without_overlap():
    for n in range(45):
        doc(title=f"Observation chart {n}")

    pages = [
        [
            r.title
            for r in search(
                viewer=_anonymous(), params=SearchParams(q="observation", page=p), per_page=20
            ).results
        ]
        for p in (1, 2, 3)
    ]

    assert [len(p) for p in pages] == [20, 20, 5]
    assert len(set(pages[0] + pages[1] + pages[2])) == 45


def test_sorting_with_words_by_newest_views_and_comments():
    doc(title="Sepsis old", view_count=50, comment_count=1)
    newest = doc(title="Sepsis new", view_count=1, comment_count=9)
    SearchDocument.objects.filter(pk=newest.pk).update(created=newest.created.replace(year=2099))

    assert titles("sepsis", sort="newest") == ["Sepsis new", "Sepsis old"]
    assert titles("sepsis", sort="views") == ["Sepsis old", "Sepsis new"]
    assert titles("sepsis", sort="comments") == ["Sepsis new", "Sepsis old"]


def test_diacritics_and_unicode_words_are_searchable():
    doc(title="Café culture on the ward")

    assert titles("café") == ["Café culture on the ward"]


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_titles_containing_what_was_typed_are_suggested_and_respect_networks():
    from hub.searchpages.queries import similar_titles

    doc(title="Sepsis screening in the emergency department")
    doc(title="Blood cultures before antibiotics")
    doc(title="Sepsis in the network", network_id=42)

    found = [s.title for s in similar_titles(viewer=_anonymous(), text="sepsis scr")]

    assert found == ["Sepsis screening in the emergency department"]
    assert similar_titles(viewer=_anonymous(), text="se") == []  # too short to mean anything


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm forgives typos")
def test_postgresql_forgives_a_typo_in_a_title():
    from hub.searchpages.queries import similar_titles

    doc(title="Sepsis screening in the emergency department")

    found = [s.title for s in similar_titles(viewer=_anonymous(), text="sepsis screaning")]

    assert found == ["Sepsis screening in the emergency department"]


@pytest.mark.parametrize("sort", ["newest", "updated", "views", "comments"])
def test_column_sorts_order_every_match_below_the_cap(sort):
    for n in range(12):
        doc(title=f"Handover sheet {n}", view_count=(n * 7) % 5, comment_count=n % 3)
    rows = SearchDocument.objects.filter(title__startswith="Handover sheet")
    column = {"newest": "created", "updated": "updated", "views": "view_count"}.get(
        sort, "comment_count"
    )
    expected = [r.title for r in rows.order_by(f"-{column}", "-id")]

    assert titles("handover", sort=sort) == expected


@pytest.mark.parametrize("sort", ["views", "comments"])
def test_beyond_the_cap_a_column_sort_orders_the_newest_matches(monkeypatch, sort):
    monkeypatch.setattr(queries, "COUNT_CAP", 5)
    for n in range(8):
        # The oldest rows are the most viewed and discussed: outside the newest five.
        doc(title=f"Handover sheet {n}", view_count=100 * n, comment_count=10 * n)

    found = search(viewer=_anonymous(), params=SearchParams(q="handover", sort=sort))

    assert found.capped and found.count == 5 and found.window_sorted
    assert [r.title for r in found.results] == [f"Handover sheet {n}" for n in (4, 3, 2, 1, 0)]


def test_ids_follow_the_time_of_posting_whatever_the_order_of_writing():
    now = timezone.now()
    later = doc(title="Written first, posted later", created=now - timedelta(days=1))
    earlier = doc(title="Written second, posted earlier", created=now - timedelta(days=30))
    same_second = doc(title="Posted in the same second", created=later.created)

    assert earlier.pk < later.pk < same_second.pk
    assert later.pk == document_id_base(later.created)


def make_handovers_with_a_burst_at_the_page_edge():
    """45 handover notes an hour apart, newest first "Handover 0" …; two more posted a second
    apart in a burst, whose ids ran on (so the later one has the lower id), around the 20th."""
    now = timezone.now().replace(microsecond=0)
    for n in range(45):
        doc(title=f"Handover {n}", created=now - timedelta(hours=n, minutes=1))
    burst = now - timedelta(hours=19, minutes=30)
    doc(
        id=document_id_base(burst) + 3000,
        title="Handover in a burst, earlier",
        created=burst,
    )
    doc(
        id=document_id_base(burst) + 1024,
        title="Handover in a burst, later",
        created=burst + timedelta(seconds=1),
    )


def test_newest_first_follows_posting_times_across_pages_even_where_ids_do_not():
    make_handovers_with_a_burst_at_the_page_edge()

    def page(number):
        params = SearchParams(q="handover", sort="newest", page=number)
        return [r.title for r in search(viewer=_anonymous(), params=params).results]

    expected = (
        [f"Handover {n}" for n in range(20)]
        + [
            "Handover in a burst, later",
            "Handover in a burst, earlier",
        ]
        + [f"Handover {n}" for n in range(20, 45)]
    )
    assert page(1) + page(2) + page(3) == expected


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQL SQLite's engine runs")
def test_on_sqlite_newest_first_reads_the_times_of_the_first_page_and_its_neighbours_only():
    import json

    from django.test.utils import CaptureQueriesContext

    make_handovers_with_a_burst_at_the_page_edge()

    with CaptureQueriesContext(connection) as ran:
        search(viewer=_anonymous(), params=SearchParams(q="handover", sort="newest"))

    ordering = next(q["sql"] for q in ran.captured_queries if 'ORDER BY +"created"' in q["sql"])
    listed = json.loads(ordering.split("json_each('")[1].split("')")[0])
    # 47 matches; the 20 with the highest ids, and the three posted within an hour (and a
    # second) before the 20th: the burst, and "Handover 20".
    assert len(listed) == 23


def test_the_window_is_the_newest_matches(monkeypatch):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    now = timezone.now()
    for age in (5, 1, 4, 2, 3):  # written out of order
        doc(title=f"Falls audit {age}", created=now - timedelta(days=age))

    found = search(viewer=_anonymous(), params=SearchParams(q="falls", sort="newest"))

    assert found.capped
    assert [r.title for r in found.results] == ["Falls audit 1", "Falls audit 2", "Falls audit 3"]


def test_best_match_ranks_title_then_summary_or_tags_then_text_newest_first():
    now = timezone.now()
    doc(title="Ward rounds", body="Delirium on the night shift.", created=now - timedelta(days=1))
    doc(title="Older delirium guide", created=now - timedelta(days=9))
    doc(title="Newer delirium guide", created=now - timedelta(days=8))
    doc(title="Confusion", summary="Spotting delirium early.", created=now - timedelta(days=7))
    doc(title="Tagged", tag_names="Delirium", created=now - timedelta(days=30))

    assert titles("delirium") == [
        "Newer delirium guide",
        "Older delirium guide",
        "Confusion",
        "Tagged",
        "Ward rounds",
    ]


def test_any_of_the_words_puts_results_with_every_word_first():
    now = timezone.now()
    doc(title="Insulin", created=now - timedelta(days=1))
    doc(title="Heparin", created=now - timedelta(days=2))
    doc(title="Old note", body="Insulin and heparin charts.", created=now - timedelta(days=50))

    assert titles("insulin heparin", match_any=True) == ["Old note", "Insulin", "Heparin"]


@pytest.fixture(params=["walk", "gin"])
def every_way(request, monkeypatch):
    """SQLite's one way of finding matches, or each of PostgreSQL's two."""
    if connection.vendor == "postgresql":
        monkeypatch.setattr(engine(), "force_strategy", request.param)
    elif request.param != "walk":
        pytest.skip("SQLite has one way to find matches")
    return request.param


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "sepsis"}, ["Sepsis screening", "Sepsis in the network", "Sepsis bundle audit"]),
        ({"q": '"sepsis screening"'}, ["Sepsis screening"]),
        ({"q": "sepsis", "types": ["news"]}, ["Sepsis bundle audit"]),
        (
            {"q": "sepsis audit", "match_any": True},
            ["Sepsis bundle audit", "Sepsis screening", "Falls audit", "Sepsis in the network"],
        ),
        ({"q": "", "tag_ids": [7]}, ["Sepsis screening", "Falls audit"]),
        ({"q": "sepsis", "network_id": 42}, ["Sepsis in the network"]),
        (
            {"q": "sepsis", "titles_only": True, "sort": "views"},
            ["Sepsis in the network", "Sepsis bundle audit", "Sepsis screening"],
        ),
    ],
)
def test_both_ways_of_finding_matches_agree(every_way, insider_of_42, params, expected):
    make_the_four_documents()

    found = search(viewer=insider_of_42, params=SearchParams(**params))

    assert [r.title for r in found.results] == expected


def test_a_walk_that_runs_out_of_budget_takes_the_gin_way(monkeypatch, insider_of_42):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one way to find matches")
    make_the_four_documents()
    monkeypatch.setattr(engine(), "strategy", lambda *args: ("walk", 1))
    monkeypatch.setattr(engine().statistics, "rows", 1_000_000)

    found = search(viewer=insider_of_42, params=SearchParams(q="sepsis"))

    assert found.count == 3


def test_postgresql_walks_for_common_words_and_uses_gin_for_rare_ones():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL chooses between two ways")
    from hub.search.query import parse_query
    from hub.searchpages.queries import criteria_for

    pg = engine()
    pg.statistics.loaded = timezone_monotonic()
    pg.statistics.frequency = {"patient": 0.8, "insulin": 0.09, "miss": 0.2, "dose": 0.23}
    pg.statistics.floor = 0.003
    pg.statistics.rows = 1_000_000
    pg.statistics.stems.update(
        {
            "patient": ("patient",),
            "insulin": ("insulin",),
            "missed": ("miss",),
            "dose": ("dose",),
            "calciphylaxis": ("calciphylaxi",),
            "a": (),
            "of": (),
        }
    )
    anyone = criteria_for(viewer=_anonymous(), params=SearchParams())
    try:
        assert pg.strategy(parse_query("patient"), anyone, 1001)[0] == "walk"
        # Found in fewer than one row in eight: the latest ids, from the GIN index.
        assert pg.strategy(parse_query('"missed a dose of insulin"'), anyone, 1001)[0] == "recent"
        assert pg.strategy(parse_query("dose"), anyone, 1001)[0] == "walk"
        assert pg.strategy(parse_query("calciphylaxis"), anyone, 1001)[0] == "gin"
        # A rare word narrows a common one: the pair is rare.
        assert pg.strategy(parse_query("patient calciphylaxis"), anyone, 1001)[0] == "gin"
        assert (
            pg.strategy(parse_query("patient calciphylaxis", match_any=True), anyone, 1001)[0]
            == "walk"
        )
    finally:
        pg.statistics.loaded = float("-inf")


# PostgreSQL's latest-ids way ---------------------------------------------------------------


@pytest.fixture
def pretend_statistics(monkeypatch):
    """Statistics as a big table's would be, without one: rows and the share of each term."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statistics")
    pg = engine()

    def pretend(frequency: dict[str, float], rows: float = 1_000_000, floor: float = 0.0):
        monkeypatch.setattr(pg.statistics, "loaded", timezone_monotonic())
        monkeypatch.setattr(pg.statistics, "frequency", frequency)
        monkeypatch.setattr(pg.statistics, "floor", floor)
        monkeypatch.setattr(pg.statistics, "rows", rows)
        monkeypatch.setattr(pg.statistics, "ids_follow_time", ids_follow_posting_time())
        visible = SearchDocument.objects.filter(visible_from__lte=timezone.now())
        highest = visible.order_by("-id").values_list("id", flat=True).first()
        monkeypatch.setattr(pg.statistics, "highest_visible_id", highest or 0)

    return pretend


def month_start(moment: datetime) -> datetime:
    from datetime import UTC

    moment = moment.astimezone(UTC)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def month_before(start: datetime) -> datetime:
    return month_start(start - timedelta(days=1))


def test_the_latest_ids_span_holds_the_rows_wanted_by_the_statistics(
    monkeypatch, pretend_statistics
):
    from hub.search.backends.postgres import id_range_terms

    now = datetime(2026, 12, 3, 12, tzinfo=UTC)
    top = document_id_base(now + timedelta(days=31))
    # 2,000 rows in December so far (two and a half days), 10,000 in November.
    pretend_statistics({"zm202612": 0.002, "zm202611": 0.01}, floor=0.0001)
    pg = engine()

    def span_from(moment: datetime) -> list[str]:
        low = document_id_base(moment)
        assert id_range_terms(low, top)[0] == f"zrb{low >> 29}"  # from its fine id range
        return id_range_terms(low, top)

    # Half of December's rows: its last day and a quarter.
    assert pg.recent_span(1_000, now) == span_from(datetime(2026, 12, 2, tzinfo=UTC))
    # December's, and the second half of November's.
    assert pg.recent_span(7_000, now) == span_from(datetime(2026, 11, 16, tzinfo=UTC))
    assert pg.recent_span(1_000_000, now) is None  # more than six months: walk instead
    # A visible row with an id beyond the terms (visible before its posting time, more than a
    # month ahead): walk instead.
    monkeypatch.setattr(pg.statistics, "highest_visible_id", top + 1)
    assert pg.recent_span(1_000, now) is None


def test_id_range_terms_cover_each_id_of_the_span_once_and_none_below_it():
    from hub.search.backends.postgres import id_range_terms

    def terms_of(row_id: int) -> set[str]:  # as the generated vector carries them (sql.py)
        return {f"zra{row_id >> 31}", f"zrb{row_id >> 29}"}

    now_id = document_id_base(datetime(2026, 12, 3, 12, tzinfo=UTC))
    for low in (now_id - 10 * 2**29, now_id - 2**31 - 2**29, now_id - 7, now_id):
        low -= low % 2**29
        high = now_id + 31 * 86400 * 1024
        cover = set(id_range_terms(low, high))
        assert len(cover) == len(id_range_terms(low, high)) <= 3 + (high - low) // 2**31 + 1
        for row_id in (low, low + 1, low + 2**29, (low + high) // 2, high - 1, high):
            assert len(terms_of(row_id) & cover) == 1, row_id
        assert not terms_of(low - 1) & cover


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search vector")
def test_on_postgresql_each_vector_carries_the_id_range_terms_of_its_row():
    row = doc(title="Handover", created=timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('simple', %s), "
            "search_vector @@ to_tsquery('simple', %s) FROM search_searchdocument WHERE id = %s",
            [f"zra{row.pk >> 31} & zrb{row.pk >> 29}", f"zra{(row.pk >> 31) + 1}", row.pk],
        )
        assert cursor.fetchone() == (True, False)


def spy_on_engine(monkeypatch, method: str) -> list:
    """What each call of one of the engine's methods returned, in order."""
    pg, returned = engine(), []
    real = getattr(pg, method)

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        returned.append(result)
        return result

    monkeypatch.setattr(pg, method, spy)
    return returned


def spy_on_recent_windows(monkeypatch) -> list:
    return spy_on_engine(monkeypatch, "_recent_window")


def insulin_titles() -> list[str]:
    return [r.title for r in search(viewer=_anonymous(), params=SearchParams(q="insulin")).results]


def test_the_latest_ids_give_the_newest_matches(monkeypatch, pretend_statistics):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)  # a window of four
    now = timezone.now()
    this_month = month_start(now)
    for n in range(5):
        doc(title=f"New insulin {n}", created=now - timedelta(seconds=n + 1))
    doc(title="Private insulin", network_id=99, created=now)
    for n in range(3):
        doc(title=f"Old insulin {n}", created=month_before(this_month) + timedelta(days=n + 1))
    doc(title="Unrelated", created=now)
    monkeypatch.setattr(engine(), "force_strategy", "walk")
    walked = insulin_titles()
    monkeypatch.setattr(engine(), "force_strategy", None)
    pretend_statistics({"insulin": 0.05, terms.month_term(now): 0.01})
    returned = spy_on_recent_windows(monkeypatch)

    found = search(viewer=_anonymous(), params=SearchParams(q="insulin"))

    assert returned and returned[0] is not None  # answered from this month
    assert [r.title for r in found.results] == walked == [f"New insulin {n}" for n in range(3)]
    assert found.capped and found.count == 3


def test_a_row_scheduled_months_ahead_leaves_the_latest_ids_in_use(monkeypatch, pretend_statistics):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)  # a window of four
    now = timezone.now()
    for n in range(5):
        doc(title=f"New insulin {n}", created=now - timedelta(seconds=n + 1))
    ahead = now + timedelta(days=90)  # a library item scheduled for then
    doc(title="Insulin scheduled", created=ahead, visible_from=ahead)
    pg = engine()
    try:
        pg.statistics.loaded = float("-inf")
        with connection.cursor() as cursor:
            pg.statistics.refresh(cursor)  # as every ten minutes: the highest visible id
        assert pg.statistics.highest_visible_id < document_id_base(now + timedelta(days=1))
        pretend_statistics({"insulin": 0.05, terms.month_term(now): 0.01})
        returned = spy_on_recent_windows(monkeypatch)

        assert insulin_titles() == [f"New insulin {n}" for n in range(3)]
        assert returned and returned[0] is not None  # answered from the latest ids
    finally:
        pg.statistics.loaded = float("-inf")  # the next test reads the statistics again


def test_a_span_with_too_few_matches_widens_then_walks(monkeypatch, pretend_statistics):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    now = timezone.now()
    previous = month_before(month_start(now))
    doc(title="New insulin", created=now - timedelta(seconds=1))
    for n in range(4):
        doc(title=f"Older insulin {n}", created=previous + timedelta(days=10 - n))
    doc(title="Oldest insulin", created=month_before(previous) + timedelta(days=2))
    expected = ["New insulin", "Older insulin 0", "Older insulin 1"]

    # The statistics say the span from the middle of last month holds the window; it holds
    # one match. The second, wider span takes in all of last month, and is exact.
    pretend_statistics(
        {"insulin": 0.05, terms.month_term(now): 0.00005, terms.month_term(previous): 0.0001},
        floor=0.001,
    )
    returned = spy_on_recent_windows(monkeypatch)
    assert insulin_titles() == expected
    assert returned[-1] is not None

    # With no wider span to take (six months hold too few rows), the walk answers.
    pretend_statistics({"insulin": 0.05, terms.month_term(now): 0.01})
    returned.clear()
    assert insulin_titles() == expected
    assert returned == [None]


def test_a_row_posted_before_the_span_with_a_higher_id_is_not_missed(
    monkeypatch, pretend_statistics
):
    # In a burst of more than ID_SLOTS rows a second, a row's id runs ahead of its time by up
    # to ID_SPILL: one posted just before the month began can have a higher id than rows
    # posted in it, and "the newest matches" are the highest ids.
    monkeypatch.setattr(queries, "COUNT_CAP", 1)  # a window of two
    now = timezone.now()
    this_month = month_start(now)
    if now - this_month < timedelta(minutes=30):
        pytest.skip("needs half an hour of this month behind us")
    doc(title="Insulin early in the month", created=this_month + timedelta(minutes=20))
    doc(title="Insulin later in the month", created=this_month + timedelta(minutes=25))
    doc(
        id=document_id_base(this_month) + 2_000_000,  # within ID_SPILL of the month's start
        title="Insulin in last month's final burst",
        created=this_month - timedelta(seconds=1),
    )
    pretend_statistics({"insulin": 0.05, terms.month_term(now): 0.01})

    assert insulin_titles() == ["Insulin in last month's final burst"]


# PostgreSQL's year indexes ------------------------------------------------------------------


def this_year() -> int:
    from datetime import UTC

    return timezone.now().astimezone(UTC).year


def years_ago(years: int, days: int = 0) -> datetime:
    """A moment in the UTC year `years` before this one (mid-June, then `days` earlier)."""
    from datetime import UTC

    return datetime(this_year() - years, 6, 15, tzinfo=UTC) - timedelta(days=days)


def spy_on_years_windows(monkeypatch) -> list:
    return spy_on_engine(monkeypatch, "_years_window")


def make_insulin_across_years():
    """Two notes on insulin in each of the last three years, one with the word in its title
    (newer than last year's notes), and a note on something else."""
    for years in (0, 1, 2):
        for n in range(2):
            doc(title=f"Note {years}.{n}", body="Insulin doses.", created=years_ago(years, n))
    doc(title="Insulin in the title", created=years_ago(1, days=-1))
    doc(title="Unrelated", body="Heparin.", created=years_ago(0))


def insulin_window() -> tuple[list[int], dict]:
    from hub.search.query import parse_query

    found = engine().window(
        query=parse_query("insulin"),
        criteria=queries.criteria_for(viewer=_anonymous(), params=SearchParams(q="insulin")),
        size=queries.COUNT_CAP + 1,
        column=None,
    )
    return found.ids, found.points


@pytest.fixture
def year_indexes(monkeypatch, pretend_statistics):
    """Year indexes for the rows made so far, and statistics that make "insulin" a rare
    word in a big table: the GIN way, asked through the years' indexes."""
    pg = engine()

    def pretend(year_shares: dict[int, float]):
        pg.ensure_year_indexes()  # for the rows made so far
        with connection.cursor() as cursor:
            pg.statistics.refresh(cursor)
        made = pg.statistics.year_indexes
        shares = {f"zy{this_year() - n}": share for n, share in year_shares.items()}
        pretend_statistics({"insulin": 0.001, **shares}, rows=1_000_000)
        monkeypatch.setattr(pg.statistics, "year_indexes", made)

    return pretend


NEWEST_THREE = ["Insulin in the title", "Note 0.0", "Note 0.1"]


def test_the_latest_years_indexes_give_the_newest_matches(monkeypatch, year_indexes):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)  # a window of four
    monkeypatch.setattr(engine(), "force_strategy", "gin")
    make_insulin_across_years()
    # Three matches a year by the statistics: this year's and last year's indexes are asked.
    year_indexes({0: 0.003, 1: 0.003, 2: 0.003})
    with monkeypatch.context() as whole_index:
        whole_index.setattr(engine(), "_years_window", lambda *args, **kwargs: None)
        expected, expected_window = insulin_titles(), insulin_window()
    returned = spy_on_years_windows(monkeypatch)

    assert insulin_titles() == expected == NEWEST_THREE
    assert insulin_window() == expected_window
    assert [len(rows) for rows in returned] == [4, 4]


def test_each_year_index_holds_the_ids_of_its_year_and_the_next_years_first_hour(year_indexes):
    # The branches of a search say `id >= low AND id < high` with these very numbers, which
    # imply the index's condition and let the planner take it (at 1M documents: "Bitmap Index
    # Scan on search_doc_vector_y2026" for this year's branch). The hour after the year holds
    # the ids of rows posted in its last seconds in a burst.
    from hub.search.backends.postgres import YEAR_INDEX_PREFIX, year_bounds
    from hub.search.models import ID_SPILL

    make_insulin_across_years()
    year_indexes({})
    low, high = year_bounds(this_year() - 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [f"{YEAR_INDEX_PREFIX}{this_year() - 1}"],
        )
        (definition,) = cursor.fetchone()

    assert "USING gin (search_vector)" in definition
    assert definition.endswith(
        f"WHERE ((id >= '{low}'::bigint) AND (id < '{high + ID_SPILL}'::bigint))"
    )
    assert low == document_id_base(datetime(this_year() - 1, 1, 1, tzinfo=UTC))
    assert high == document_id_base(datetime(this_year(), 1, 1, tzinfo=UTC))


def test_years_holding_fewer_matches_than_estimated_are_widened_then_left(
    monkeypatch, year_indexes
):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    monkeypatch.setattr(engine(), "force_strategy", "gin")
    make_insulin_across_years()
    # The statistics say this year alone holds the window (1,000 matches); it holds two. The
    # second try asks for the years that hold 2,400 at the statistics' rate: three years.
    year_indexes({0: 1.0, 1: 0.9, 2: 0.9})
    returned = spy_on_years_windows(monkeypatch)
    assert insulin_titles() == NEWEST_THREE
    assert returned[-1] is not None

    # When no span of years with indexes can hold it, the whole GIN index answers.
    monkeypatch.setattr(engine(), "years_span", lambda *args: None)
    returned.clear()
    assert insulin_titles() == NEWEST_THREE
    assert returned == [None]


def test_a_year_without_its_index_is_not_asked_through_the_years(year_indexes):
    from datetime import UTC

    make_insulin_across_years()
    year_indexes({0: 0.01, 1: 0.01, 2: 0.01})
    now = datetime(this_year(), 7, 1, tzinfo=UTC)
    pg = engine()

    assert pg.years_span(15_000, 1.0, now) == ([now.year, now.year - 1], pytest.approx(20_000))
    pg.statistics.year_indexes = pg.statistics.year_indexes - {now.year - 1}
    assert pg.years_span(15_000, 1.0, now) is None
    assert pg.years_span(5_000, 1.0, now) == ([now.year], pytest.approx(10_000))


def test_a_row_above_this_years_ids_is_not_missed(monkeypatch, year_indexes):
    # Ids follow posting time: a row dated next year (an import with a wrong clock, say) has an
    # id above every year asked; the first branch of the union takes it.
    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    monkeypatch.setattr(engine(), "force_strategy", "gin")
    make_insulin_across_years()
    doc(title="Note from the future", body="Insulin.", created=timezone.now() + timedelta(days=400))
    year_indexes({0: 0.002, 1: 0.002})
    returned = spy_on_years_windows(monkeypatch)

    assert insulin_titles() == ["Note from the future", "Note 0.0"]
    assert returned[0] is not None


def test_year_indexes_run_from_the_oldest_row_to_years_ahead(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's year indexes")
    from hub.search.backends.postgres import YEAR_INDEX_PREFIX, YEARS_AHEAD

    def year_index_names() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s",
                [YEAR_INDEX_PREFIX + "%"],
            )
            return {row[0] for row in cursor.fetchall()}

    year = this_year()
    # The migration made this year's and the years ahead, for the empty table.
    assert year_index_names() == {
        f"{YEAR_INDEX_PREFIX}{y}" for y in range(year, year + YEARS_AHEAD + 1)
    }
    doc(title="Old", created=years_ago(4))
    pg = engine()

    assert pg.ensure_year_indexes() == list(range(year - 4, year))
    assert year_index_names() == {
        f"{YEAR_INDEX_PREFIX}{y}" for y in range(year - 4, year + YEARS_AHEAD + 1)
    }
    assert pg.ensure_year_indexes() == []
    pg.drop_year_indexes()
    assert year_index_names() == set()


def timezone_monotonic():
    import time

    return time.monotonic()


@pytest.fixture
def insider_of_42(db):
    from hub.networks.models import Membership, Network
    from tests.factories import MemberFactory

    network = Network.objects.create(pk=42, name="Sepsis leads", slug="sepsis-leads", purpose="x")
    user = MemberFactory(username="insider42")
    Membership.objects.create(network=network, user=user, role="member")
    return user


def make_the_four_documents():
    now = timezone.now()
    doc(title="Sepsis bundle audit", kind="news", view_count=5, created=now - timedelta(days=3))
    doc(
        title="Sepsis screening",
        body="A screening tool.",
        view_count=1,
        created=now - timedelta(days=1),
        facets={"tag": [7]},
    )
    doc(
        title="Falls audit",
        body="Nothing about that.",
        created=now - timedelta(days=2),
        facets={"tag": [7]},
    )
    doc(
        title="Sepsis in the network",
        network_id=42,
        view_count=9,
        created=now - timedelta(days=2, hours=1),
    )
    doc(title="Sepsis in another network", network_id=43, created=now - timedelta(hours=1))


# Posting dates as ranges of ids (ids follow the time of posting) ------------------------------


def _local(moment: str):
    return timezone.make_aware(datetime.fromisoformat(moment))


def make_march_documents():
    """Tagged handover notes on each side of March 2024's edges, in the reader's time zone."""
    for title, moment in (
        ("Handover day before", "2024-02-29 23:59:59"),
        ("Handover first moment", "2024-03-01 00:00:00"),
        ("Handover mid month", "2024-03-15 12:00:00"),
        ("Handover last second", "2024-03-31 23:59:59"),
        ("Handover day after", "2024-04-01 00:00:00"),
    ):
        doc(title=title, created=_local(moment), facets={"tag": [7]})


MARCH = {"created_after": date(2024, 3, 1), "created_before": date(2024, 3, 31)}
IN_MARCH = ["Handover last second", "Handover mid month", "Handover first moment"]


@pytest.fixture(params=["whole index", "year index"])
def dated_way(request, monkeypatch):
    """PostgreSQL's two ways with a posting-date filter: the GIN index of every row with the
    date terms, or the index of the one year the range lies in (SQLite: its one way)."""
    if connection.vendor != "postgresql":
        if request.param != "whole index":
            pytest.skip("SQLite has one way with dates")
        return request.param
    from hub.search.backends.postgres import year_index_sql

    pg = engine()
    if request.param == "year index":
        with connection.cursor() as cursor:
            for year in range(2020, this_year() + 1):
                cursor.execute(year_index_sql(year))
    else:
        monkeypatch.setattr(pg, "_posting_year", lambda *args, **kwargs: None)
    # Statistics read afresh (the year indexes made here), and put back afterwards.
    monkeypatch.setattr(pg.statistics, "loaded", float("-inf"))
    monkeypatch.setattr(pg.statistics, "year_indexes", pg.statistics.year_indexes)
    with connection.cursor() as cursor:
        pg.statistics.refresh(cursor)
    return request.param


def window_sql(params: dict) -> str:
    """The SQL of the query that found a search's matches (the first to read search_fts)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ran:
        search(viewer=_anonymous(), params=SearchParams(**params))
    return next(q["sql"] for q in ran.captured_queries if "search_fts MATCH" in q["sql"])


@pytest.mark.parametrize(
    "params",
    [{"q": "handover"}, {"q": "", "tag_ids": [7]}, {"q": "handover", "tag_ids": [7]}],
)
def test_a_posting_date_filter_keeps_exactly_the_days_asked_for(every_way, dated_way, params):
    make_march_documents()

    found = search(viewer=_anonymous(), params=SearchParams(**params, sort="newest", **MARCH))

    assert [r.title for r in found.results] == IN_MARCH


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's way with dates")
@pytest.mark.parametrize("params", [{"q": "handover"}, {"q": "", "tag_ids": [7]}])
def test_on_sqlite_a_posting_date_filter_is_a_range_of_rowids_not_month_terms(params):
    make_march_documents()

    sql = window_sql({**params, **MARCH})

    assert "search_fts.rowid >=" in sql and "search_fts.rowid <=" in sql
    assert "zm2024" not in sql and "zy2024" not in sql


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's way with dates")
@pytest.mark.parametrize("params", [{"q": "handover"}, {"q": "", "tag_ids": [7]}])
def test_on_sqlite_a_posting_date_range_checks_dates_at_its_ends_without_reading_every_match(
    params,
):
    make_march_documents()

    sql = window_sql({**params, **MARCH})

    # No join of the documents table for every match: only the range's ends are looked up.
    assert "CROSS JOIN" not in sql
    assert sql.count('"search_searchdocument"."created"') == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's way with dates")
def test_on_sqlite_dates_alone_are_asked_as_month_terms():
    make_march_documents()

    sql = window_sql(MARCH)  # nothing else for FTS5 to match

    assert "zm202403" in sql and "search_fts.rowid >=" not in sql


def test_a_burst_that_spills_into_later_ids_is_still_found_by_date(dated_way):
    last_second = _local("2024-03-31 23:59:59")
    # As if 5,000 rows had been posted in that second: its id lies seconds further on.
    doc(
        id=document_id_base(last_second) + 5000,
        title="Handover in a burst",
        created=last_second,
        facets={"tag": [7]},
    )

    # And a burst just before the range, whose ids spilled into the range's first seconds.
    day_before = _local("2024-02-29 23:59:59")
    doc(
        id=document_id_base(day_before) + 5000,
        title="Handover in a burst the day before",
        created=day_before,
        facets={"tag": [7]},
    )

    found = search(viewer=_anonymous(), params=SearchParams(tag_ids=[7], **MARCH))

    assert [r.title for r in found.results] == ["Handover in a burst"]


@pytest.mark.parametrize("params", [{"q": "handover"}, {"q": "", "tag_ids": [7]}, {"q": ""}])
def test_a_year_in_a_time_zone_ahead_of_utc_keeps_its_first_hour_and_leaves_out_the_last_before(
    settings, dated_way, params
):
    # Rows carry UTC months and years: New Year's first hour in Paris is December in UTC.
    settings.TIME_ZONE = "Europe/Paris"
    for title, moment in (
        ("Handover old year's last minute", "2023-12-31 23:59:00"),
        ("Handover new year's first minute", "2024-01-01 00:00:00"),
        ("Handover midsummer", "2024-06-21 12:00:00"),
        ("Handover new year's eve", "2024-12-31 23:30:00"),
        ("Handover next year", "2025-01-01 00:00:00"),
    ):
        doc(title=title, created=_local(moment), facets={"tag": [7]})
    year = {"created_after": date(2024, 1, 1), "created_before": date(2024, 12, 31)}

    found = search(viewer=_anonymous(), params=SearchParams(**params, sort="newest", **year))

    assert [r.title for r in found.results] == [
        "Handover new year's eve",
        "Handover midsummer",
        "Handover new year's first minute",
    ]


def test_a_whole_year_is_asked_of_the_index_as_one_year_term():
    criteria = queries.criteria_for(
        viewer=_anonymous(),
        params=SearchParams(
            tag_ids=[7], created_after=date(2024, 1, 1), created_before=date(2024, 12, 31)
        ),
    )

    assert criteria.terms == [["ztag7"], ["zy2024"]]
    assert criteria.dates == ["zy2024"]


def test_older_ids_that_do_not_follow_posting_time_turn_the_range_off(dated_way):
    make_march_documents()
    # An index upgraded from sequence numbers keeps them until `reindex`.
    doc(id=12, title="Handover from before the upgrade", created=_local("2024-03-10 09:00:00"))
    if connection.vendor == "postgresql":
        # PostgreSQL reads this with its statistics (every ten minutes): read them again, as
        # a server started on such an index would.
        engine().statistics.loaded = float("-inf")

    found = search(viewer=_anonymous(), params=SearchParams(q="handover", sort="newest", **MARCH))

    if connection.vendor == "sqlite":
        assert "search_fts.rowid >=" not in window_sql({"q": "handover", **MARCH})
    assert [r.title for r in found.results] == [
        "Handover last second",
        "Handover mid month",
        "Handover from before the upgrade",
        "Handover first moment",
    ]


def window_sql_on_postgresql(params: dict) -> str:
    """The SQL of the query that found a search's matches on PostgreSQL."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ran:
        search(viewer=_anonymous(), params=SearchParams(**params))
    return next(q["sql"] for q in ran.captured_queries if "ORDER BY id DESC LIMIT" in q["sql"])


def make_new_year_documents():
    for title, moment in (
        ("Handover in 2023's last second", datetime(2023, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("Handover in May 2024", datetime(2024, 5, 1, 12, tzinfo=UTC)),
        ("Handover in 2025", datetime(2025, 1, 1, tzinfo=UTC)),
    ):
        doc(title=title, created=moment, facets={"tag": [7]})
    # 2024's last second in a burst: its id lies in 2025's first hour of ids.
    new_years_eve = datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)
    doc(
        id=document_id_base(new_years_eve) + 5000,
        title="Handover in 2024's last burst",
        created=new_years_eve,
        facets={"tag": [7]},
    )


YEAR_2024 = {"created_after": date(2024, 1, 1), "created_before": date(2024, 12, 31)}


def bound_of_2024s_index() -> str:
    """The ids of 2024's index, as the window's SQL names them to take it."""
    from hub.search.backends.postgres import year_bounds
    from hub.search.models import ID_SPILL

    low, high = year_bounds(2024)
    return f"id >= {low} AND id < {high + ID_SPILL}"


@pytest.mark.parametrize("params", [{"q": "handover"}, {"q": "", "tag_ids": [7]}])
def test_on_postgresql_a_whole_year_is_asked_of_its_index_without_date_terms(
    settings, dated_way, params
):
    if dated_way != "year index":
        pytest.skip("PostgreSQL's year indexes")
    settings.TIME_ZONE = "UTC"
    make_new_year_documents()

    found = search(viewer=_anonymous(), params=SearchParams(**params, sort="newest", **YEAR_2024))
    sql = window_sql_on_postgresql({**params, **YEAR_2024})

    assert [r.title for r in found.results] == [
        "Handover in 2024's last burst",
        "Handover in May 2024",
    ]
    assert bound_of_2024s_index() in sql
    assert "zy2024" not in sql  # which is the narrowing: no year term
    assert '"created" >=' in sql  # the posting dates are still checked on the row


def test_on_postgresql_part_of_a_year_keeps_its_month_terms_in_the_years_index(settings, dated_way):
    if dated_way != "year index":
        pytest.skip("PostgreSQL's year indexes")
    make_march_documents()

    sql = window_sql_on_postgresql({"q": "handover", **MARCH})

    assert bound_of_2024s_index() in sql
    assert "zm202403" in sql


def test_on_postgresql_a_range_across_years_is_asked_of_the_whole_index(settings, dated_way):
    if dated_way != "year index":
        pytest.skip("PostgreSQL's year indexes")
    settings.TIME_ZONE = "UTC"
    make_new_year_documents()
    two_years = {"created_after": date(2024, 1, 1), "created_before": date(2025, 12, 31)}

    found = search(
        viewer=_anonymous(), params=SearchParams(q="handover", sort="newest", **two_years)
    )

    assert "id >= " not in window_sql_on_postgresql({"q": "handover", **two_years})
    assert [r.title for r in found.results] == [
        "Handover in 2025",
        "Handover in 2024's last burst",
        "Handover in May 2024",
    ]


def test_on_postgresql_a_common_word_in_a_year_is_left_to_the_planner(
    settings, pretend_statistics, dated_way
):
    # A common word's matches are most of a year: its index would be read for all of them,
    # where the planner walks newest first instead.
    if dated_way != "year index":
        pytest.skip("PostgreSQL's year indexes")
    settings.TIME_ZONE = "UTC"
    make_new_year_documents()
    year_indexes = engine().statistics.year_indexes

    pretend_statistics({"handov": 0.6, "zy2024": 0.1})
    engine().statistics.year_indexes = year_indexes
    assert "id >= " not in window_sql_on_postgresql({"q": "handover", **YEAR_2024})
    pretend_statistics({"handov": 0.001, "zy2024": 0.1})
    assert "id >= " in window_sql_on_postgresql({"q": "handover", **YEAR_2024})
