"""SQLite: `search_fts_net`, a third FTS5 index holding only network content (the rows with a
network, all five columns), kept by the same triggers as the others. A search kept to one
network asks it for its matches, where the words are and the snippets: its lists hold a
twentieth of the rows, so FTS5 steps over far fewer entries between a network's rows (a
network's "handover" at 1M documents: 0.98 -> 0.41 ms for its matches, 1.22 -> 0.49 ms for
where the words are, 1.46 -> 0.79 ms for a page of snippets). About 5 s per million rows to
build. Nothing on PostgreSQL.
"""

# ruff: noqa: S608

from importlib import import_module

from django.db import migrations

# As this migration made them: a frozen copy of hub/search/backends/sql.py at the time.
TABLE = "search_searchdocument"
FTS_COLUMNS = "title, summary, tag_names, body, filter_terms"
HEADS_COLUMNS = "title, summary, tag_names, filter_terms"

CREATE_NETWORK = f"""CREATE VIRTUAL TABLE search_fts_net USING fts5(
        {FTS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"""
FILL_NETWORK = [
    f"INSERT INTO search_fts_net(rowid, {FTS_COLUMNS}) "
    f"SELECT id, title, summary, tag_names, body, filter_terms FROM {TABLE} "
    "WHERE network_id IS NOT NULL ORDER BY id",
    "INSERT INTO search_fts_net(search_fts_net) VALUES ('optimize')",
]
DROP_NETWORK = "DROP TABLE IF EXISTS search_fts_net"

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
]

_VALUES = "{row}.id, {row}.title, {row}.summary, {row}.tag_names, {row}.body, {row}.filter_terms"
_NET_INSERT = (
    f"INSERT INTO search_fts_net(rowid, {FTS_COLUMNS}) "
    f"SELECT {_VALUES.format(row='new')} WHERE new.network_id IS NOT NULL;"
)
_NET_DELETE = (
    f"INSERT INTO search_fts_net(search_fts_net, rowid, {FTS_COLUMNS}) "
    f"SELECT 'delete', {_VALUES.format(row='old')} WHERE old.network_id IS NOT NULL;"
)

TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
        INSERT INTO search_fts_heads(rowid, {HEADS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.filter_terms);
        {_NET_INSERT}
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_fts_heads(search_fts_heads, rowid, {HEADS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.filter_terms);
        {_NET_DELETE}
    END""",
    f"""CREATE TRIGGER search_fts_update
        AFTER UPDATE OF title, summary, tag_names, body, filter_terms, network_id ON {TABLE}
        BEGIN
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
        {_NET_DELETE}
        {_NET_INSERT}
    END""",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*DROP_TRIGGERS, CREATE_NETWORK, *FILL_NETWORK, *TRIGGERS]:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    made_by_0007 = import_module("hub.search.migrations.0007_sqlite_heads_index")
    for statement in [*DROP_TRIGGERS, DROP_NETWORK, *made_by_0007.TRIGGERS]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_postgres_year_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
