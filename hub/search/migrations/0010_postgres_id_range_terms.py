"""PostgreSQL: the search vector also carries two id-range terms worked out from the row's id
(`zra857`: its range of 2**31 ids, about 24 days of posting time; `zrb3428`: its range of
2**29, about 6 days). A phrase of common words takes its newest matches from the GIN index
among the latest ids, and these terms name them more finely than the UTC months did, with no
spill at the edges (a range of ids holds exactly the ids in it).

The generated column is made again with the new expression, which rewrites the table and
builds its GIN indexes again (each as it was: the index of every row and the year indexes),
then the table is analysed (the search reads how common each term is from its statistics).
At 1M documents: see docs/search.md. Nothing on SQLite.
"""

# ruff: noqa: S608

from importlib import import_module

from django.db import migrations

TABLE = "search_searchdocument"

# The vector as migration 0004 made it (unchanged since), and with the id-range terms.
MADE_BY_0004 = import_module("hub.search.migrations.0004_filter_terms_and_time_ordered_ids")
VECTOR_BEFORE = MADE_BY_0004.POSTGRES_VECTOR
VECTOR_AFTER = (
    VECTOR_BEFORE
    + """    || setweight(to_tsvector('simple'::regconfig,
                 'zra' || (id >> 31)::text || ' zrb' || (id >> 29)::text), 'D')
"""
)


def _remake_vector(schema_editor, expression: str) -> None:
    """The column again with `expression`, and every index on it as it was."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s AND indexdef LIKE %s ORDER BY indexname",
            [TABLE, "%search_vector%"],
        )
        indexes = [row[0] for row in cursor.fetchall()]
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN search_vector")  # and its indexes
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED"
    )
    schema_editor.execute("SET maintenance_work_mem = '256MB'")
    for definition in indexes:
        schema_editor.execute(definition)
    schema_editor.execute("RESET maintenance_work_mem")
    schema_editor.execute(f"ANALYZE {TABLE}")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _remake_vector(schema_editor, VECTOR_AFTER)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _remake_vector(schema_editor, VECTOR_BEFORE)


class Migration(migrations.Migration):
    dependencies = [("search", "0009_sqlite_network_index")]

    operations = [migrations.RunPython(forwards, backwards)]
