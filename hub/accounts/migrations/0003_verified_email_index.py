"""An index for "has this member a verified email?", which every member list asks of each
member it shows (`queries.active_members`). It is allauth's table, so the index is made by
SQL here. With it both engines answer the question from the index alone; without it, once
PostgreSQL had statistics it read the whole email table into a hash for a search that
matched a thousand members (20 ms at 100,000 members, against 6 ms).
"""

from django.db import migrations

INDEX = "account_emailaddress_user_verified"


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_member_search_indexes"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON account_emailaddress (user_id, verified)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
