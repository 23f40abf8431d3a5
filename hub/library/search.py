"""Library items as a search source (see hub/search/registry.py).

Registered from LibraryConfig.ready(). Published and scheduled items are rows of the index
(scheduled ones held back until `visible_from`); a network's items carry its `network_id`.
"""

from typing import Any

from hub.core.richtext import html_to_text
from hub.search.registry import Document, SearchSource, register
from hub.search.trees import ancestors_and_self, path_label


def _author(obj_author: Any, anonymous: bool) -> tuple[int | None, str]:
    if anonymous:
        return None, ""
    return obj_author.pk, obj_author.public_name


# Library items -----------------------------------------------------------------------------


def _item_indexable():
    from .models import Item, ItemStatus

    return Item.objects.filter(status__in=[ItemStatus.PUBLISHED, ItemStatus.SCHEDULED]).filter(
        published_at__isnull=False
    )


def _item_document(item) -> Document:
    from hub.taxonomy.models import Category

    from .models import AAR_QUESTIONS, GOOD_PRACTICE_FIELDS, SEIPS_FACTORS

    structured = [getattr(item, f) for f, _, _ in GOOD_PRACTICE_FIELDS]
    structured += [getattr(item, f) for f, _, _ in SEIPS_FACTORS]
    structured += [getattr(item, f) for f, _ in AAR_QUESTIONS]
    body = "\n\n".join([html_to_text(item.body), *[s for s in structured if s]])
    categories = sorted(item.categories.all(), key=lambda c: (c.parent_id is not None, c.pk))
    category_ids: set[int] = set()
    for category in categories:
        category_ids.update(ancestors_and_self(Category, category.pk))
    tags = list(item.tags.all())
    author_id, author_name = _author(item.owner, item.is_anonymous)
    if item.network_id:
        place, place_url = item.network.name, item.network.get_absolute_url()
    elif categories:
        place = path_label(Category, categories[-1].pk)
        place_url = categories[-1].get_absolute_url()
    else:
        place = place_url = ""
    return Document(
        kind=item.kind,
        title=item.title,
        summary=item.summary,
        body=body,
        url=item.get_absolute_url(),
        created=item.published_at,
        updated=item.updated,
        visible_from=item.published_at,
        tag_names=[t.name for t in tags],
        place=place,
        place_url=place_url,
        network_id=item.network_id,
        author_id=author_id,
        author_name=author_name,
        is_anonymous=item.is_anonymous,
        comment_count=item.comment_count,
        reaction_count=item.reaction_count,
        view_count=item.view_count,
        facets={"tag": [t.pk for t in tags], "category": sorted(category_ids)},
    )


def register_item_source() -> None:
    from .models import Item, ItemKind

    register(
        SearchSource(
            key="library.item",
            model=Item,
            type_label=dict(ItemKind.choices),
            indexable=_item_indexable,
            document=_item_document,
            select_related=("owner", "network"),
            prefetch_related=("categories", "tags"),
        )
    )
