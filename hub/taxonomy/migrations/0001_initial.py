"""Category, Tag and Series, moved here from the library with their tables and rows.

The library made these tables (library 0001 and 0003); this migration only tells Django that
the taxonomy app owns them now, keeping their names (db_table). No row is copied or lost, and
every foreign key to them (items, events, error traps, their through tables) stays valid.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("library", "0004_item_network")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Series",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=200, unique=True)),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        ("description", models.TextField(blank=True)),
                    ],
                    options={
                        "verbose_name_plural": "series",
                        "db_table": "library_series",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Tag",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=60, unique=True)),
                        ("slug", models.SlugField(max_length=70, unique=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={"db_table": "library_tag", "ordering": ["name"]},
                ),
                migrations.CreateModel(
                    name="Category",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=200)),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        ("description", models.TextField(blank=True)),
                        ("position", models.PositiveIntegerField(default=0)),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="children",
                                to="taxonomy.category",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "categories",
                        "db_table": "library_category",
                        "ordering": ["position", "name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("parent", "name"), name="library_category_unique_name"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
