"""Posting dates as index terms: a UTC month and year on each row, and the fewest terms that
cover a searched range (hub/search/terms.py)."""

from datetime import UTC, datetime

import pytest

from hub.search.terms import MAX_DATE_TERMS, date_terms, filter_terms

NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_row_carries_the_utc_month_and_year_of_its_posting():
    # 00:30 on New Year's Day in Paris is still the old year in UTC.
    from zoneinfo import ZoneInfo

    posted = datetime(2024, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Paris"))

    terms = filter_terms(
        kind="article", network_id=None, author_id=4, created=posted, facets={"tag": [3]}
    )

    assert terms == "zkarticle zau4 zm202312 zy2023 ztag3"


def test_a_whole_year_is_one_term():
    assert date_terms(utc(2024, 1, 1), utc(2025, 1, 1), now=NOW) == ["zy2024"]


def test_the_ends_of_a_range_take_month_terms_and_the_years_between_year_terms():
    terms = date_terms(utc(2022, 11, 15), utc(2025, 2, 3), now=NOW)

    assert terms == ["zm202211", "zm202212", "zy2023", "zy2024", "zm202501", "zm202502"]


def test_a_range_within_one_month_is_that_month():
    assert date_terms(utc(2024, 3, 1), utc(2024, 3, 31, 23), now=NOW) == ["zm202403"]


def test_a_range_ending_at_midnight_does_not_take_the_next_month():
    assert date_terms(utc(2024, 3, 1), utc(2024, 4, 1), now=NOW) == ["zm202403"]


def test_a_range_starting_before_utc_midnight_takes_that_month_too():
    # "From 1 July" in London starts at 23:00 UTC on 30 June.
    terms = date_terms(utc(2024, 6, 30, 23), utc(2024, 8, 31, 23), now=NOW)

    assert terms == ["zm202406", "zm202407", "zm202408"]


def test_an_open_end_runs_a_month_past_now():
    terms = date_terms(utc(2026, 10, 1), None, now=NOW)

    assert terms == ["zm202610", "zm202611", "zm202612", "zm202701"]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, utc(2024, 1, 1)),  # no start: the row check alone
        (utc(2024, 5, 1), utc(2024, 5, 1)),  # empty
        (utc(2024, 5, 2), utc(2024, 5, 1)),  # backwards
    ],
)
def test_no_terms_without_a_start_or_for_an_empty_range(start, end):
    assert date_terms(start, end, now=NOW) == []


def test_a_range_needing_too_many_terms_is_left_to_the_row_check():
    wide = date_terms(utc(1990, 1, 1), utc(2026, 1, 1), now=NOW)  # 36 years
    ragged = date_terms(utc(2020, 2, 1), utc(2021, 12, 1), now=NOW)  # 11 + 11 months

    assert wide == []
    assert len(ragged) == 22 <= MAX_DATE_TERMS
    assert date_terms(utc(2020, 2, 1), utc(2022, 2, 1), now=NOW)[11] == "zy2021"
