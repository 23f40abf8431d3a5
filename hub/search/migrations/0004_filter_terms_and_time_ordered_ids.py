"""Filters become index terms (`filter_terms`, hub/search/terms.py) and the facet table goes.

The full-text part is dropped first (0002's shape), the terms are written for the rows already
indexed, then the full-text part is made again with the terms in it: SQLite's FTS5 table gets a
`filter_terms` column, PostgreSQL's tsvector gets them at weight D. Existing rows keep their
ids; rows written from now on (and by `manage.py reindex`) take ids that follow their posting
time. On a large index this migration rebuilds the full-text index: minutes per million rows.
"""

# ruff: noqa: S608

from django.db import migrations, models

# The full-text part as this migration made it: a frozen copy of hub/search/backends/sql.py
# at the time (later changes to sql.py get migrations of their own).
TABLE = "search_searchdocument"
FTS_COLUMNS = "title, summary, tag_names, body, filter_terms"
SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {FTS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE VIRTUAL TABLE search_title_trgm USING fts5(
        title, content='{TABLE}', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
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
    END""",
]
SQLITE_REBUILD = [
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    "INSERT INTO search_title_trgm(search_title_trgm) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_title_trgm",
]
POSTGRES_VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig,
                 coalesce(summary, '') || ' ' || coalesce(tag_names, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
    || setweight(to_tsvector('simple'::regconfig, coalesce(filter_terms, '')), 'D')
"""
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 8160)",
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    f"CREATE INDEX search_doc_vector ON {TABLE} USING GIN (search_vector)",
    f"CREATE INDEX search_doc_title_trgm ON {TABLE} USING GIN (title gin_trgm_ops)",
]
POSTGRES_DROP = [
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def _made_by_0002():
    """Migration 0002, whose own statements made (and drop) the old full-text part."""
    from importlib import import_module

    return import_module("hub.search.migrations.0002_full_text")


def drop_full_text(apps, schema_editor):
    _made_by_0002().backwards(apps, schema_editor)


def make_old_full_text(apps, schema_editor):
    old = _made_by_0002()
    old.forwards(apps, schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        for statement in old.SQLITE_REBUILD:
            schema_editor.execute(statement)


def filter_terms(*, kind, network_id, author_id, created, facets) -> str:
    """hub/search/terms.py's filter_terms as this migration wrote them (a frozen copy: 0005
    turned the month into a UTC month and added the year)."""
    from django.utils import timezone

    terms = [] if network_id is None else ["znetwork", f"znet{network_id}"]
    terms.append("zk" + "".join(ch for ch in kind.lower() if ch.isalnum()))
    if author_id is not None:
        terms.append(f"zau{author_id}")
    local = timezone.localtime(created)
    terms.append(f"zm{local.year:04d}{local.month:02d}")
    prefixes = {"tag": "ztag", "category": "zcat", "forum": "zfor"}
    for name in sorted(facets):
        terms.extend(f"{prefixes[name]}{value}" for value in sorted(set(facets[name])))
    return " ".join(terms)


def write_terms(apps, schema_editor):
    """The terms of every row already indexed, from its columns and its facet rows."""
    document = apps.get_model("search", "SearchDocument")
    facet = apps.get_model("search", "SearchFacet")
    last = 0
    while True:
        batch = list(
            document.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "kind", "network_id", "author_id", "created")[:5000]
        )
        if not batch:
            return
        last = batch[-1][0]
        facets: dict[int, dict[str, list[int]]] = {}
        for document_id, name, value in facet.objects.filter(
            document_id__in=[row[0] for row in batch]
        ).values_list("document_id", "name", "value"):
            facets.setdefault(document_id, {}).setdefault(name, []).append(value)
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchdocument SET filter_terms = %s WHERE id = %s",
                [
                    (
                        filter_terms(
                            kind=kind,
                            network_id=network_id,
                            author_id=author_id,
                            created=created,
                            facets=facets.get(pk, {}),
                        ),
                        pk,
                    )
                    for pk, kind, network_id, author_id, created in batch
                ],
            )


def make_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {
        "sqlite": SQLITE_CREATE + SQLITE_REBUILD,
        "postgresql": POSTGRES_CREATE,
    }.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_new_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sort_indexes_with_tie_break")]

    operations = [
        migrations.RunPython(drop_full_text, make_old_full_text),
        migrations.AddField(
            model_name="searchdocument",
            name="filter_terms",
            field=models.TextField(
                blank=True,
                help_text="Index-only words for the filters (see hub/search/terms.py).",
            ),
        ),
        migrations.RunPython(write_terms, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="searchfacet", name="search_facet_once"),
        migrations.DeleteModel(name="SearchFacet"),
        migrations.RemoveIndex(model_name="searchdocument", name="search_doc_kind"),
        migrations.RemoveIndex(model_name="searchdocument", name="search_doc_network"),
        migrations.RemoveIndex(model_name="searchdocument", name="search_doc_author"),
        migrations.RemoveIndex(model_name="searchdocument", name="search_doc_forum"),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["visible_from"], name="search_doc_visible_from"),
        ),
        migrations.RunPython(make_full_text, drop_new_full_text),
    ]
