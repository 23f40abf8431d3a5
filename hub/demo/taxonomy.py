"""The demo's one door to the taxonomy (areas and categories, series): every demo loader looks
categories and series up here, so a move of those models changes this file alone."""

from django.utils.text import slugify

from hub.taxonomy.models import Category, Series


def categories() -> dict[tuple[str, str | None], Category]:
    """Every category by (area, category), and every area by (area, None)."""
    found: dict[tuple[str, str | None], Category] = {}
    for category in Category.objects.select_related("parent"):
        if category.parent_id is None:
            found[(category.name, None)] = category
        else:
            found[(category.parent.name, category.name)] = category
    return found


def category_named(name: str) -> list[Category]:
    """The first category with this name, as a list (empty when there is none)."""
    return list(Category.objects.filter(name=name)[:1])


def series_get_or_create(*, name: str, description: str) -> Series:
    # Series are reference data (a name and a description), not workflow rows.
    series, _ = Series.objects.get_or_create(
        name=name, defaults={"slug": slugify(name)[:120], "description": description}
    )
    return series
