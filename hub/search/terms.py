"""Filters as index terms: what lets both engines answer a filtered search from their own
full-text index instead of checking the documents table row by row.

Each index row carries `filter_terms`, a line of made-up words such as
`zkarticle zau42 zm202403 zy2024 ztag12 zcat5 zcat1`: its type, author (never for anonymous
posts), the month and the year it was posted (in UTC), its tags, categories and forums (with
their parents), and for network content `znetwork znet34`. A filter becomes a term query ANDed
with the reader's words: "tag sepsis in 2024" is `ztag3 AND zy2024`, "from mid-November 2023
to March 2024" `ztag3 AND (zm202311 OR zm202312 OR zm202401 OR zm202402 OR zm202403)`, and
the engine intersects those lists in its index, as it does for words. SQLite also decides
who may see a row from these terms (leaving out `znetwork` rows but the viewer's networks: a
short list to check against, where a term on every public row would be a long one);
PostgreSQL checks that on the row itself.

Readers' words can never reach this column on SQLite (queries name the text columns). On
PostgreSQL the terms share the tsvector with the text at weight D; a reader typing `ztag12` only
finds what the tag filter would find, which the permission check has already narrowed.
PostgreSQL's vector also carries id-range terms that it works out from the row's id itself
(backends/sql.py), for the newest matches of a phrase.
"""

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

IN_A_NETWORK = "znetwork"
# Above this many terms a date range is left to the row check alone: a wide range narrows
# little, and a long OR of terms costs more than it saves (PostgreSQL's GIN look-up for a tag
# took 0.4 ms with one month term and 2.2 ms with twelve, at 1M documents).
MAX_DATE_TERMS = 24
# An open-ended range ("posted after") runs this far past now: a clock a little ahead on
# another server must not hide a row from the terms (the row check has the exact dates).
OPEN_END_MARGIN = timedelta(days=31)


def network_term(network_id: int) -> str:
    return f"znet{network_id}"


def scope_terms(network_id: int | None) -> list[str]:
    return [] if network_id is None else [IN_A_NETWORK, network_term(network_id)]


def kind_term(kind: str) -> str:
    return "zk" + "".join(ch for ch in kind.lower() if ch.isalnum())


def author_term(author_id: int) -> str:
    return f"zau{author_id}"


FACET_PREFIXES = {"tag": "ztag", "category": "zcat", "forum": "zfor"}


def facet_term(name: str, value: int) -> str:
    return f"{FACET_PREFIXES[name]}{value}"


def month_term(moment: datetime) -> str:
    """The UTC month of a moment: the same whatever the site's time zone, so a change of
    TIME_ZONE never leaves the index with terms of the old one."""
    moment = moment.astimezone(UTC)
    return f"zm{moment.year:04d}{moment.month:02d}"


def year_term(moment: datetime) -> str:
    return f"zy{moment.astimezone(UTC).year:04d}"


def filter_terms(
    *,
    kind: str,
    network_id: int | None,
    author_id: int | None,
    created: datetime,
    facets: Mapping[str, Iterable[int]],
) -> str:
    """The terms of one index row (`author_id` is None for anonymous rows)."""
    terms = [*scope_terms(network_id), kind_term(kind)]
    if author_id is not None:
        terms.append(author_term(author_id))
    terms += [month_term(created), year_term(created)]
    for name in sorted(facets):
        terms.extend(facet_term(name, value) for value in sorted(set(facets[name])))
    return " ".join(terms)


def date_terms(
    posted_from: datetime | None, posted_until: datetime | None, *, now: datetime
) -> list[str]:
    """Terms covering the moments [posted_from, posted_until) (an open end runs to now and a
    month beyond): a year term for each UTC year inside the range, month terms for the months
    at its ends. [] when there is no start, the range is empty, or it needs more than
    MAX_DATE_TERMS terms. The exact dates are checked on the row; these only narrow."""
    if posted_from is None:
        return []
    until = posted_until if posted_until is not None else now + OPEN_END_MARGIN
    if until <= posted_from:
        return []
    first = posted_from.astimezone(UTC)
    last = (until - timedelta(microseconds=1)).astimezone(UTC)
    terms: list[str] = []
    for year in range(first.year, last.year + 1):
        start = first.month if year == first.year else 1
        end = last.month if year == last.year else 12
        if start == 1 and end == 12:
            terms.append(f"zy{year:04d}")
        else:
            terms.extend(f"zm{year:04d}{month:02d}" for month in range(start, end + 1))
        if len(terms) > MAX_DATE_TERMS:
            return []
    return terms
