"""The hub's fixed taxonomy (forums, library areas and categories), shipped in taxonomy/data/."""

import json
from functools import cache
from pathlib import Path

from django.utils.text import slugify

TAXONOMY_FILE = Path(__file__).with_name("data") / "taxonomy.json"


@cache
def load_taxonomy() -> dict:
    return json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))


# Forum descriptions are ours; the taxonomy file has only the names.
DESCRIPTIONS_FILE = Path(__file__).with_name("data") / "forum_descriptions.json"


def forum_descriptions() -> dict[str, str]:
    return json.loads(DESCRIPTIONS_FILE.read_text(encoding="utf-8"))


def load_categories(Category) -> None:
    """Create the library areas and categories that are missing. Idempotent.

    Takes the model class, so data migrations can pass their historical model.
    """
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
                    name=child,
                    slug=unique_slug(child, parent.slug),
                    parent=parent,
                    position=child_position,
                )


def load_forums(Forum) -> None:
    """Create the forums that are missing. Idempotent."""
    descriptions = forum_descriptions()
    for position, name in enumerate(load_taxonomy()["forums"]):
        Forum.objects.get_or_create(
            name=name,
            parent=None,
            defaults={
                "slug": slugify(name)[:120],
                "description": descriptions.get(name, ""),
                "position": position,
            },
        )
