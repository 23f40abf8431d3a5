"""Category, Tag and Series moved to the taxonomy app (taxonomy 0001), their tables kept.

Items' categories, tags and series point at the taxonomy's models, then the library forgets its
own copies. Nothing happens in the database: the tables, the through tables and their foreign
keys are the same ones. The content types follow in taxonomy 0003.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_taxonomy_moved"),
        ("gallery", "0002_taxonomy_moved"),
        ("library", "0004_item_network"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="item",
                    name="categories",
                    field=models.ManyToManyField(related_name="items", to="taxonomy.category"),
                ),
                migrations.AlterField(
                    model_name="item",
                    name="tags",
                    field=models.ManyToManyField(
                        blank=True, related_name="items", to="taxonomy.tag"
                    ),
                ),
                migrations.AlterField(
                    model_name="item",
                    name="series",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="items",
                        to="taxonomy.series",
                    ),
                ),
                migrations.DeleteModel(name="Series"),
                migrations.DeleteModel(name="Tag"),
                migrations.DeleteModel(name="Category"),
            ],
            database_operations=[],
        )
    ]
