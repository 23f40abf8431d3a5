from django.db.models import Prefetch

from .models import Category


def area_tree() -> list[Category]:
    """The 13 library areas, each with its categories prefetched (two queries in all)."""
    children = Prefetch("children", queryset=Category.objects.order_by("position", "name"))
    return list(Category.objects.areas().prefetch_related(children))
