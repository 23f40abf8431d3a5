"""Finding members by part of a name, role or "about me" without reading every member.

`contains(text, "display_name", "username")` is a filter for members with `text` anywhere in
one of those fields, like `icontains`, answered from an index; `narrowed()` is the index part
alone, for a filter that tests several fields under different conditions:

- PostgreSQL: Django's `icontains` (`UPPER(column::text) LIKE UPPER('%text%')`), which the
  trigram GIN indexes of migration 0002 answer.
- SQLite: an external-content FTS5 table with the trigram tokenizer over the same fields,
  kept in step by triggers; `{columns} : "text"` finds the members with the text anywhere in
  those columns, whatever the case, and `icontains` then checks those few rows exactly.
  Under three characters there is no trigram to look up, so `icontains` reads every member.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

# The fields the index covers, and the SQLite table (both made by migration 0002).
FIELDS = ("display_name", "username", "first_name", "last_name", "job_title", "about")
TABLE = "accounts_member_text"


def narrowed(text: str, *fields: str) -> Q:
    """A cheap filter that keeps every member with `text` in one of `fields` (and perhaps a few
    more): on SQLite, one look-up in the trigram index; elsewhere, or for text under three
    characters, no filter at all. Combine it with the exact test, `contains`."""
    if connection.vendor != "sqlite" or len(text) < 3:
        return Q()
    phrase = '"' + text.replace('"', '""') + '"'
    # The fields are names from our code; the reader's text is a parameter, quoted.
    match = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
    return Q(pk__in=RawSQL(match, ["{" + " ".join(fields) + "} : " + phrase]))  # noqa: S611


def exactly(text: str, *fields: str) -> Q:
    """The exact test alone: `text` anywhere in one of `fields`, whatever the case. Cheap only
    on rows already narrowed (see `narrowed`)."""
    found = Q()
    for field in fields:
        found |= Q(**{f"{field}__icontains": text})
    return found


def contains(text: str, *fields: str) -> Q:
    """Members with `text` (already stripped) anywhere in one of `fields`, whatever the case:
    exact, and fast when the index has narrowed the members first."""
    return narrowed(text, *fields) & exactly(text, *fields)
