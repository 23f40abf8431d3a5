"""Indexes for finding members: the directory's order, and an index of names, roles and
"about me" for the text filters (see hub/accounts/member_text.py): trigram GIN indexes on
PostgreSQL (for `UPPER(column::text) LIKE …`, which is how Django writes `icontains`), an
FTS5 trigram table kept in step by triggers on SQLite.

The statements are this migration's own copy: later changes get migrations of their own.
"""

from django.db import migrations, models

FIELDS = ("display_name", "username", "first_name", "last_name", "job_title", "about")
TABLE = "accounts_member_text"
COLUMNS = ", ".join(FIELDS)
NEW = ", ".join("new." + f for f in FIELDS)
OLD = ", ".join("old." + f for f in FIELDS)

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS},
        content='accounts_user', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON accounts_user BEGIN
        INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON accounts_user BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF {COLUMNS} ON accounts_user BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]
POSTGRES_CREATE = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
    f"CREATE INDEX accounts_user_{field}_trgm ON accounts_user "
    f"USING gin ((UPPER({field}::text)) gin_trgm_ops)"
    for field in FIELDS
]
POSTGRES_DROP = [f"DROP INDEX IF EXISTS accounts_user_{field}_trgm" for field in FIELDS]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, []):
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="user",
            index=models.Index(fields=["display_name", "username"], name="accounts_user_directory"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
