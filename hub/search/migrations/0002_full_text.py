"""The engine-specific full-text part of the index (see hub/search/backends/).

SQLite: an external-content FTS5 table over the documents (porter stemming, unicode61), kept
in step by triggers, plus a trigram FTS5 table over titles for suggestions. PostgreSQL: a
stored generated, weighted tsvector column with a GIN index, and pg_trgm on titles.
"""

from django.db import migrations

from hub.search.backends import sql


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sql.SQLITE_CREATE, "postgresql": sql.POSTGRES_CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sql.SQLITE_DROP, "postgresql": sql.POSTGRES_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]

    operations = [migrations.RunPython(forwards, backwards)]
