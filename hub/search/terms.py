"""Filters as index terms: what lets both engines answer a filtered search from their own
full-text index instead of checking the documents table row by row.

Each index row carries `filter_terms`, a line of made-up words such as
`zkarticle zau42 zm202403 ztag12 zcat5 zcat1`: its type, author (never for anonymous posts),
the month it was posted, its tags, categories and forums (with their parents), and for network
content `znetwork znet34`. A filter becomes a term query ANDed with the reader's words: "tag
sepsis in 2024" is `ztag3 AND (zm202312 OR … OR zm202501)`, and the engine intersects those
lists in its index, as it does for words. SQLite also decides who may see a row from these terms
(leaving out `znetwork` rows but the viewer's networks: a short list to check against, where a
term on every public row would be a long one); PostgreSQL checks that on the row itself.

Readers' words can never reach this column on SQLite (queries name the text columns). On
PostgreSQL the terms share the tsvector with the text at weight D; a reader typing `ztag12` only
finds what the tag filter would find, which the permission check has already narrowed.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from django.utils import timezone

IN_A_NETWORK = "znetwork"
# Above this many months a date range is left to the row check alone: a wide range narrows
# little, and a long OR of month terms costs more than it saves.
MAX_MONTH_TERMS = 36


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


def month_term(day: date | datetime) -> str:
    return f"zm{day.year:04d}{day.month:02d}"


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
    terms.append(month_term(timezone.localtime(created)))
    for name in sorted(facets):
        terms.extend(facet_term(name, value) for value in sorted(set(facets[name])))
    return " ".join(terms)


def month_terms(after: date | None, before: date | None, *, today: date) -> list[str]:
    """Month terms covering [after, before] (an open end runs to today), or [] when there is
    no start or the range spans more than MAX_MONTH_TERMS months. One month more on each side
    covers a reader whose time zone puts a boundary post in the next or previous month; the
    exact dates are checked on the row anyway."""
    if after is None:
        return []
    end = before or today
    if end < after:
        return []
    year, month = (after.year - 1, 12) if after.month == 1 else (after.year, after.month - 1)
    months = (end.year - year) * 12 + end.month - month + 2
    if months > MAX_MONTH_TERMS + 2:
        return []
    terms = []
    for _ in range(months):
        terms.append(f"zm{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return terms
