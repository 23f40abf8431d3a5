"""Load the 13 library areas and their 87 categories from hub/taxonomy/data/taxonomy.json."""

from django.db import migrations


def load(apps, schema_editor):
    from hub.taxonomy.loaders import load_categories

    load_categories(apps.get_model("library", "Category"))


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
