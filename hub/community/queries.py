from django.db.models import Prefetch

from .models import Forum


def forum_tree() -> list[Forum]:
    """Top-level forums with their sub-forums prefetched."""
    children = Prefetch("children", queryset=Forum.objects.order_by("position", "name"))
    return list(Forum.objects.filter(parent__isnull=True).prefetch_related(children))
