"""Load the 13 forums from hub/taxonomy/data/taxonomy.json, with descriptions written by us."""

from django.db import migrations


def load(apps, schema_editor):
    from hub.taxonomy.loaders import load_forums

    load_forums(apps.get_model("community", "Forum"))


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
