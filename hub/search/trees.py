"""Parents of categories and forums, read once and kept briefly (both trees are small).

Choosing an area or a parent forum in search includes its children, so each document carries
its category and forum ids together with their ancestors.
"""

import time

from django.db import models

_CACHE_SECONDS = 30
_cache: dict[type[models.Model], tuple[float, dict[int, tuple[int | None, str]]]] = {}


def clear() -> None:
    _cache.clear()


def _tree(model: type[models.Model]) -> dict[int, tuple[int | None, str]]:
    cached = _cache.get(model)
    if cached is None or cached[0] < time.monotonic():
        rows = model.objects.values_list("pk", "parent_id", "name")
        cached = (time.monotonic() + _CACHE_SECONDS, {pk: (p, name) for pk, p, name in rows})
        _cache[model] = cached
    return cached[1]


def ancestors_and_self(model: type[models.Model], pk: int) -> list[int]:
    tree = _tree(model)
    if pk not in tree:  # created since the tree was read
        clear()
        tree = _tree(model)
    found: list[int] = []
    while pk is not None and pk not in found:
        found.append(pk)
        pk = tree.get(pk, (None, ""))[0]
    return found


def descendants_and_self(model: type[models.Model], pk: int) -> list[int]:
    tree = _tree(model)
    found = [pk]
    for node in found:
        found.extend(child for child, (parent, _) in tree.items() if parent == node)
    return found


def node_name(model: type[models.Model], pk: int) -> str:
    return _tree(model).get(pk, (None, ""))[1]


def path_label(model: type[models.Model], pk: int) -> str:
    """ "Area › Category" from the cached tree (no query per row)."""
    return " › ".join(node_name(model, node) for node in reversed(ancestors_and_self(model, pk)))
