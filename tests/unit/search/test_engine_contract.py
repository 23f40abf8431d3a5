"""One behavioural contract for every search engine: it runs against the test database's own
(SQLite FTS5, or PostgreSQL full-text when DATABASE_URL points at PostgreSQL)."""

import pytest
from django.db import connection

from hub.search import queries
from hub.search.backends import engine
from hub.search.models import SearchDocument
from hub.search.queries import SearchParams, search

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
    from hub.search.queries import similar_titles

    doc(title="Sepsis screening in the emergency department")
    doc(title="Blood cultures before antibiotics")
    doc(title="Sepsis in the network", network_id=42)

    found = [s.title for s in similar_titles(viewer=_anonymous(), text="sepsis scr")]

    assert found == ["Sepsis screening in the emergency department"]
    assert similar_titles(viewer=_anonymous(), text="se") == []  # too short to mean anything


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm forgives typos")
def test_postgresql_forgives_a_typo_in_a_title():
    from hub.search.queries import similar_titles

    doc(title="Sepsis screening in the emergency department")

    found = [s.title for s in similar_titles(viewer=_anonymous(), text="sepsis screaning")]

    assert found == ["Sepsis screening in the emergency department"]


@pytest.mark.parametrize("sort", ["newest", "updated", "views", "comments"])
def test_column_sorts_agree_whether_few_or_many_words_match(monkeypatch, sort):
    for n in range(12):
        doc(title=f"Handover sheet {n}", view_count=(n * 7) % 5, comment_count=n % 3)
    few = titles("handover", sort=sort)

    # Many matches make the SQLite engine walk the column's index instead of sorting.
    monkeypatch.setattr(engine(), "walk_sort_index_above", 0, raising=False)
    many = titles("handover", sort=sort)

    assert many == few and len(few) == 12
