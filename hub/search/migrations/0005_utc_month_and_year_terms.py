"""Index rows get a year term (`zy2024`) beside the month term, and the month term follows UTC
instead of the site's time zone (hub/search/terms.py).

A year of one tag was an OR of fourteen month terms; now it is one term (PostgreSQL's GIN
look-up for it took 1.4-2.2 ms at 1M documents with the months). The terms are rewritten from
each row's posting time; the full-text index follows: PostgreSQL's generated tsvector is
recomputed, SQLite's update trigger rewrites the FTS5 row. On a large index this takes minutes
per million rows, as a reindex does; on PostgreSQL the table then holds a dead copy of every
row until (auto)vacuum reclaims it, so run `VACUUM (ANALYZE) search_searchdocument` after it
where autovacuum is off.
"""

# ruff: noqa: S608

import re
from datetime import UTC

from django.db import migrations

TABLE = "search_searchdocument"
DATE_TERM = re.compile(r"\bz[my]\d+\b")

# PostgreSQL: one statement, the date terms stripped and the new ones appended.
POSTGRES_REWRITE = rf"""
    UPDATE {TABLE} SET filter_terms = btrim(
        regexp_replace(filter_terms, '\s*\mz[my]\d+\M', '', 'g')
    ) || ' zm' || to_char(created AT TIME ZONE 'UTC', 'YYYYMM')
      || ' zy' || to_char(created AT TIME ZONE 'UTC', 'YYYY')
"""


def terms_with_utc_dates(terms: str, created) -> str:
    """The row's terms without its old date terms, then its UTC month and year."""
    created = created.astimezone(UTC)
    rest = DATE_TERM.sub("", terms).split()
    return " ".join([*rest, f"zm{created.year:04d}{created.month:02d}", f"zy{created.year:04d}"])


def terms_with_local_month(terms: str, created) -> str:
    """Back to 0004's terms: no year, the month in the site's time zone."""
    from django.utils import timezone

    local = timezone.localtime(created)
    rest = DATE_TERM.sub("", terms).split()
    return " ".join([*rest, f"zm{local.year:04d}{local.month:02d}"])


def rewrite_terms(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(POSTGRES_REWRITE)
            cursor.execute(f"ANALYZE {TABLE}")
        return
    rewrite_rows(apps, schema_editor, terms_with_utc_dates)


def restore_terms(apps, schema_editor):
    rewrite_rows(apps, schema_editor, terms_with_local_month)


def rewrite_rows(apps, schema_editor, rewrite):
    connection = schema_editor.connection
    document = apps.get_model("search", "SearchDocument")
    last = 0
    while True:
        batch = list(
            document.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "filter_terms", "created")[:5000]
        )
        if not batch:
            return
        last = batch[-1][0]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET filter_terms = %s WHERE id = %s",
                [(rewrite(terms, created), pk) for pk, terms, created in batch],
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_filter_terms_and_time_ordered_ids")]

    operations = [migrations.RunPython(rewrite_terms, restore_terms)]
