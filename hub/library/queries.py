"""Reads of the library that pages share. Visibility is decided here, never in templates."""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from hub.networks.access import can_see_network_content, network_filter
from hub.taxonomy.models import Category, Tag

from . import permissions as perms
from .models import Item, ItemKind, ItemStatus

SORTS = {
    "newest": ("-published_at", "-id"),
    "views": ("-view_count", "-published_at"),
    "discussed": ("-comment_count", "-published_at"),
}


def items_visible_to(viewer: Any) -> QuerySet[Item]:
    """Every item this viewer may open: published ones, their own, and (reviewers) the reviewed.

    A network's items are only ever visible to its members and site administrators.
    """
    published = Q(pk__in=Item.objects.published_anywhere().values("pk"))
    if not viewer.is_authenticated:
        return Item.objects.filter(published, network__isnull=True)
    mine = Q(owner=viewer) | Q(co_authors=viewer)
    allowed = published | mine
    in_review = ~Q(status=ItemStatus.DRAFT) | Q(submitted_at__isnull=False)
    if perms.can_review(viewer):
        allowed |= in_review & Q(network__isnull=True)
    stewarded = stewarded_network_ids(viewer)
    if stewarded:
        allowed |= in_review & Q(network__in=stewarded)
    visible = Item.objects.filter(allowed).filter(network_filter(viewer))
    return Item.objects.filter(pk__in=visible.values("pk"))


def stewarded_network_ids(viewer: Any) -> list[int]:
    from hub.networks.models import MemberRole, Membership

    return list(
        Membership.objects.filter(
            user=viewer, role__in=[MemberRole.LEADER, MemberRole.MODERATOR]
        ).values_list("network_id", flat=True)
    )


def network_resources(*, viewer: Any, network, sort: str = "newest") -> QuerySet[Item]:
    """A network's published resources, for its members (nothing for anyone else)."""
    if not can_see_network_content(viewer, network.pk):
        return Item.objects.none()
    items = Item.objects.published_anywhere().filter(network=network)
    return _for_listing(items.order_by(*SORTS.get(sort, SORTS["newest"])))


def _for_listing(items: QuerySet[Item]) -> QuerySet[Item]:
    return items.select_related("owner", "series").prefetch_related(
        Prefetch("categories", queryset=Category.objects.select_related("parent")),
        "tags",
    )


def published_items(
    *,
    kind: str | None = None,
    sort: str = "newest",
    category: Category | None = None,
    tag: Tag | None = None,
) -> QuerySet[Item]:
    items = Item.objects.published()
    if kind:
        items = items.filter(kind=kind)
    if category is not None:
        ids = [category.pk, *category.children.values_list("pk", flat=True)]
        items = items.filter(pk__in=Item.objects.filter(categories__in=ids).values("pk"))
    if tag is not None:
        items = items.filter(tags=tag)
    return _for_listing(items.order_by(*SORTS.get(sort, SORTS["newest"])))


def area_tree() -> list[Category]:
    """The 13 areas with their categories and published item counts (two queries in all).

    An area without categories (Miscellaneous) holds its items itself.
    """
    published = Q(items__in=Item.objects.published().values("pk"))
    count = Count("items", filter=published, distinct=True)
    children = Prefetch(
        "children",
        queryset=Category.objects.order_by("position", "name").annotate(item_count=count),
    )
    areas = list(Category.objects.areas().annotate(own_count=count).prefetch_related(children))
    for area in areas:
        area.item_count = area.own_count + sum(child.item_count for child in area.children.all())
    return areas


def featured_items(limit: int = 3) -> list[Item]:
    return list(published_items().filter(featured=True)[:limit])


def item_for_page(*, viewer: Any, slug: str) -> Item | None:
    item = (
        _for_listing(items_visible_to(viewer).filter(slug=slug).select_related("network"))
        .prefetch_related("co_authors", "attachments", "safety_actions")
        .first()
    )
    return item


def related_items(*, item: Item, limit: int = 4) -> list[Item]:
    """Published items sharing the most tags and categories with this one."""
    tag_ids = [t.pk for t in item.tags.all()]
    category_ids = [c.pk for c in item.categories.all()]
    return list(
        Item.objects.published()
        .exclude(pk=item.pk)
        .filter(Q(tags__in=tag_ids) | Q(categories__in=category_ids))
        .annotate(
            shared=Count("tags", filter=Q(tags__in=tag_ids), distinct=True) * 2
            + Count("categories", filter=Q(categories__in=category_ids), distinct=True)
        )
        .order_by("-shared", "-published_at")
        .select_related("owner")[:limit]
    )


def review_queue(*, viewer: Any) -> dict[str, list[Item]]:
    perms.require(perms.can_review(viewer), "Only editors and topic leads review items.")
    items = _for_listing(
        Item.objects.filter(
            status__in=[ItemStatus.SUBMITTED, ItemStatus.RETURNED, ItemStatus.SCHEDULED],
            network__isnull=True,  # network resources are reviewed by the network's leaders
        ).order_by("submitted_at", "id")
    )
    queue: dict[str, list[Item]] = {"submitted": [], "returned": [], "scheduled": []}
    for item in items:
        queue[item.status].append(item)
    return queue


def items_of_author(*, viewer: Any) -> QuerySet[Item]:
    """The viewer's own items in every state, anonymous ones included (only they see these)."""
    return _for_listing(
        Item.objects.filter(Q(owner=viewer) | Q(co_authors=viewer)).distinct().order_by("-updated")
    )


# Tags ---------------------------------------------------------------------------------------


def items_carrying_tag(viewer: Any) -> Exists:
    """The library's tag carrier (hub.taxonomy.queries.tags_visible_to): a visible item has it."""
    return Exists(
        Item.tags.through.objects.filter(
            tag_id=OuterRef("pk"), item_id__in=items_visible_to(viewer).values("pk")
        )
    )


def popular_tags(limit: int = 30) -> list[Tag]:
    """The tags most used on the public library's published items (what anyone may see)."""
    published = Q(items__in=Item.objects.published().values("pk"))
    return list(
        Tag.objects.annotate(n=Count("items", filter=published))
        .filter(n__gt=0)
        .order_by("-n", "name")[:limit]
    )


def kind_label(kind: str) -> str:
    return ItemKind(kind).label if kind in ItemKind.values else ""


def authored_items(*, member: Any, held: set[tuple[int, int]]) -> QuerySet[Item]:
    """The member's own items for their "My posts" page (hub.accounts.authored)."""
    return items_of_author(viewer=member)[:50]
