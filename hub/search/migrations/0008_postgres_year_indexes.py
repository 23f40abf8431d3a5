"""PostgreSQL: a partial GIN index of the search vector for each UTC year
(`search_doc_vector_y2026`: the rows whose ids fall in that year, and the next year's first
hour of ids, where rows posted in the year's last seconds can lie; ids follow the time of
posting), from the oldest row's year to three years ahead. A rare word with many matches is
looked up in the latest years' indexes, newest first, so that only the matches the window
needs are read; a posting-date range within one year, in that year's. Each index takes one pass over the table (at 1M documents 30 s for the 15
of 2015-2029; 25 MB for a year of 130,000 rows). Nothing on SQLite.
"""

# ruff: noqa: S608

from datetime import UTC, datetime

from django.db import migrations
from django.utils import timezone

# As this migration made them: a frozen copy of hub/search/backends/postgres.py at the time.
TABLE = "search_searchdocument"
PREFIX = "search_doc_vector_y"
ID_SLOTS = 1024
ID_SPILL = 3600 * ID_SLOTS
TIME_ORDERED_IDS_FROM = 10**9 * ID_SLOTS
YEARS_AHEAD = 3


def _base(year: int) -> int:
    return int(datetime(year, 1, 1, tzinfo=UTC).timestamp()) * ID_SLOTS


def _years(cursor) -> range:
    now_year = timezone.now().astimezone(UTC).year
    cursor.execute(f'SELECT min(id) FROM "{TABLE}" WHERE id >= %s', [TIME_ORDERED_IDS_FROM])
    oldest = cursor.fetchone()[0]
    first = datetime.fromtimestamp(oldest // ID_SLOTS, UTC).year if oldest else now_year
    return range(min(first, now_year), now_year + YEARS_AHEAD + 1)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for year in _years(cursor):
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{PREFIX}{year}" ON "{TABLE}" USING GIN '
                f"(search_vector) WHERE id >= {_base(year)} AND id < {_base(year + 1) + ID_SPILL}"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s AND indexname ~ %s",
            [TABLE, f"^{PREFIX}[0-9]{{4}}$"],
        )
        for (name,) in cursor.fetchall():
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sqlite_heads_index")]

    operations = [migrations.RunPython(forwards, backwards)]
