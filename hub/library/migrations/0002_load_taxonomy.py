"""Load the 13 library areas and their 87 categories from hub/core/data/taxonomy.json."""

from django.db import migrations
from django.utils.text import slugify


def load(apps, schema_editor):
    from hub.core.taxonomy import load_taxonomy

    Category = apps.get_model("library", "Category")
    used = set(Category.objects.values_list("slug", flat=True))

    def unique_slug(name, parent_slug=""):
        base = slugify(name)[:100] or "category"
        slug = base
        if slug in used and parent_slug:
            slug = f"{parent_slug[:50]}-{base}"[:110]
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        return slug

    for position, area in enumerate(load_taxonomy()["library_categories"]):
        parent = Category.objects.filter(name=area["name"], parent=None).first()
        if parent is None:
            parent = Category.objects.create(
                name=area["name"], slug=unique_slug(area["name"]), position=position
            )
        for child_position, child in enumerate(area["children"]):
            if not Category.objects.filter(name=child, parent=parent).exists():
                Category.objects.create(
                    name=child, slug=unique_slug(child, parent.slug), parent=parent,
                    position=child_position,
                )


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
