"""SQLite: `search_fts_terms`, an fts5vocab table over the full-text index, which tells how
many rows hold a term (one look-up: 0.08 ms for a network's term at 1M documents). The
engine reads a search's matches oldest first when one of its filters holds few rows (see
backends/sqlite_fts5.py). Nothing on PostgreSQL."""

from django.db import migrations

CREATE = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_terms USING fts5vocab(search_fts, 'row')"
DROP = "DROP TABLE IF EXISTS search_fts_terms"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_utc_month_and_year_terms")]

    operations = [migrations.RunPython(forwards, backwards)]
