"""Events' categories and tags now point at the taxonomy app's models.

The tables did not move (taxonomy 0001 keeps library_category and library_tag), so the through
tables and their columns stay as they are: only Django's picture of the models changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="categories",
                    field=models.ManyToManyField(
                        blank=True, related_name="events", to="taxonomy.category"
                    ),
                ),
                migrations.AlterField(
                    model_name="event",
                    name="tags",
                    field=models.ManyToManyField(
                        blank=True, related_name="events", to="taxonomy.tag"
                    ),
                ),
            ],
            database_operations=[],
        )
    ]
