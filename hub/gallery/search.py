"""Error traps as a search source (see hub/search/registry.py).

Only published traps that no moderator has hidden are rows of the index. An anonymous trap
is indexed with no author (and, by the indexer, its dates cut to the day).
"""

from hub.search.registry import Document, SearchSource, register
from hub.search.trees import ancestors_and_self, path_label

from .models import ErrorTrap


def trap_document(trap: ErrorTrap) -> Document:
    from hub.taxonomy.models import Category

    categories = sorted(trap.categories.all(), key=lambda c: (c.parent_id is not None, c.pk))
    category_ids: set[int] = set()
    for category in categories:
        category_ids.update(ancestors_and_self(Category, category.pk))
    tags = list(trap.tags.all())
    body = "\n\n".join(
        part
        for part in [trap.get_setting_display(), trap.where_seen, trap.fix_ideas, trap.caption]
        if part
    )
    if categories:
        place = path_label(Category, categories[-1].pk)
        place_url = categories[-1].get_absolute_url()
    else:
        place = place_url = ""
    anonymous = trap.is_anonymous
    return Document(
        kind="error_trap",
        title=trap.title,
        summary=trap.hazard,
        body=body,
        url=trap.get_absolute_url(),
        created=trap.published_at or trap.created,
        updated=trap.updated,
        visible_from=trap.published_at,
        tag_names=[t.name for t in tags],
        place=place,
        place_url=place_url,
        author_id=None if anonymous else trap.owner_id,
        author_name="" if anonymous else trap.owner.public_name,
        is_anonymous=anonymous,
        comment_count=trap.comment_count,
        reaction_count=trap.reaction_count,
        facets={"tag": [t.pk for t in tags], "category": sorted(category_ids)},
    )


def register_trap_source() -> None:
    register(
        SearchSource(
            key="gallery.errortrap",
            model=ErrorTrap,
            type_label={"error_trap": "Error trap"},
            indexable=lambda: ErrorTrap.objects.published(),
            document=trap_document,
            select_related=("owner",),
            prefetch_related=("categories", "tags"),
        )
    )
