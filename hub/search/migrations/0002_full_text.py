"""The engine-specific full-text part of the index (see hub/search/backends/).

SQLite: an external-content FTS5 table over the documents (porter stemming, unicode61), kept
in step by triggers, plus a trigram FTS5 table over titles for suggestions. PostgreSQL: a
stored generated, weighted tsvector column with a GIN index, and pg_trgm on titles.

The statements are this migration's own copy (0004 replaced them); later changes to
hub/search/backends/sql.py must not change what this migration does.
"""

# ruff: noqa: S608

from django.db import migrations

TABLE = "search_searchdocument"

# SQLite ------------------------------------------------------------------------------------

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, title, summary, tag_names, body)
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, tag_names, body)
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE OF title, summary, tag_names, body
        ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, tag_names, body)
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body);
        INSERT INTO search_fts(rowid, title, summary, tag_names, body)
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
    END""",
]

SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
]

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, tag_names, body,
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE VIRTUAL TABLE search_title_trgm USING fts5(
        title, content='{TABLE}', content_rowid='id', tokenize='trigram')""",
    *SQLITE_TRIGGERS,
]

SQLITE_DROP = [
    *SQLITE_DROP_TRIGGERS,
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_title_trgm",
]

# Rebuild both FTS tables from the documents table in one pass (after a bulk load).
SQLITE_REBUILD = [
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    "INSERT INTO search_title_trgm(search_title_trgm) VALUES ('rebuild')",
]

# PostgreSQL --------------------------------------------------------------------------------

POSTGRES_VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig,
                 coalesce(summary, '') || ' ' || coalesce(tag_names, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
"""

POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    f"CREATE INDEX search_doc_vector ON {TABLE} USING GIN (search_vector)",
    f"CREATE INDEX search_doc_title_trgm ON {TABLE} USING GIN (title gin_trgm_ops)",
]

POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]

    operations = [migrations.RunPython(forwards, backwards)]
