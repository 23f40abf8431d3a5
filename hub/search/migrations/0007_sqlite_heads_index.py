"""SQLite: `search_fts_heads`, a second FTS5 index over the title, summary, tags and filter
terms of each row (no body), kept by the same triggers as `search_fts`. Best match asks it
where a search's words are (title, summary or tags): its lists are a fraction of the length
of the full index's ("handover" is in 571,255 of 1M rows, and in the title, summary or tags
of 119,846), so those two look-ups cost less. Built from the rows already indexed: about 25 s
per million rows. Nothing on PostgreSQL, whose tsvector knows the weight of each word.
"""

# ruff: noqa: S608

from importlib import import_module

from django.db import migrations

# As this migration made them: a frozen copy of hub/search/backends/sql.py at the time.
TABLE = "search_searchdocument"
FTS_COLUMNS = "title, summary, tag_names, body, filter_terms"
HEADS_COLUMNS = "title, summary, tag_names, filter_terms"

CREATE_HEADS = f"""CREATE VIRTUAL TABLE search_fts_heads USING fts5(
        {HEADS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"""
BUILD_HEADS = [
    "INSERT INTO search_fts_heads(search_fts_heads) VALUES ('rebuild')",
    "INSERT INTO search_fts_heads(search_fts_heads) VALUES ('optimize')",
]
DROP_HEADS = "DROP TABLE IF EXISTS search_fts_heads"

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
]

TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
        INSERT INTO search_fts_heads(rowid, {HEADS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.filter_terms);
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_fts_heads(search_fts_heads, rowid, {HEADS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.filter_terms);
    END""",
    f"""CREATE TRIGGER search_fts_update
        AFTER UPDATE OF title, summary, tag_names, body, filter_terms ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
        INSERT INTO search_fts_heads(search_fts_heads, rowid, {HEADS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.filter_terms);
        INSERT INTO search_fts_heads(rowid, {HEADS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.filter_terms);
    END""",
]


def _triggers_before():
    """The triggers as migration 0004 made them (without the heads index)."""
    made_by_0004 = import_module("hub.search.migrations.0004_filter_terms_and_time_ordered_ids")
    return [s for s in made_by_0004.SQLITE_CREATE if s.lstrip().startswith("CREATE TRIGGER")]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*DROP_TRIGGERS, CREATE_HEADS, *BUILD_HEADS, *TRIGGERS]:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*DROP_TRIGGERS, DROP_HEADS, *_triggers_before()]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_sqlite_term_counts")]

    operations = [migrations.RunPython(forwards, backwards)]
