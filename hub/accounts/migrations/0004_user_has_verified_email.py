"""`User.has_verified_email`: a copy of "has a verified address" that member lists filter on
(kept by hub/accounts/signals.py), filled in here for existing members in one UPDATE (new columns start False).

On SQLite, adding or removing a NOT NULL column rebuilds the members table, which drops the
triggers that keep the member text index (migration 0002) in step; they are made again after
the rebuild, either way. This migration keeps its own copy of them.
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

FIELDS = ("display_name", "username", "first_name", "last_name", "job_title", "about")
TABLE = "accounts_member_text"
COLUMNS = ", ".join(FIELDS)
NEW = ", ".join("new." + f for f in FIELDS)
OLD = ", ".join("old." + f for f in FIELDS)

SQLITE_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
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
]


def restore_member_text_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def fill(apps, schema_editor):
    user = apps.get_model("accounts", "User")
    address = apps.get_model("account", "EmailAddress")
    verified = address.objects.filter(user=OuterRef("pk"), verified=True)
    user.objects.filter(Exists(verified)).update(has_verified_email=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_verified_email_index"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        # Runs last when this migration is reversed, after the column is gone.
        migrations.RunPython(migrations.RunPython.noop, restore_member_text_triggers),
        migrations.AddField(
            model_name="user",
            name="has_verified_email",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(restore_member_text_triggers, migrations.RunPython.noop),
    ]
