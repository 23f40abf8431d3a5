"""Reads of the gallery that pages share. Visibility is decided here, never in templates."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from hub.taxonomy.models import Category, Tag

from . import permissions as perms
from .models import ErrorTrap, TrapStatus


def _for_listing(traps: QuerySet[ErrorTrap]) -> QuerySet[ErrorTrap]:
    return traps.select_related("owner").prefetch_related("categories", "tags")


def traps_visible_to(viewer: Any) -> QuerySet[ErrorTrap]:
    """Every error trap this viewer may open: published ones, their own, and (moderators)
    everything submitted."""
    allowed = Q(status=TrapStatus.PUBLISHED, is_hidden=False)
    if viewer.is_authenticated:
        allowed |= Q(owner=viewer)
        if perms.can_moderate(viewer):
            allowed |= ~Q(status=TrapStatus.DRAFT)
    return ErrorTrap.objects.filter(allowed)


def traps_carrying_tag(viewer: Any) -> Exists:
    """The gallery's tag carrier (hub.taxonomy.queries.tags_visible_to): a visible trap has it."""
    return Exists(
        ErrorTrap.tags.through.objects.filter(
            tag_id=OuterRef("pk"), errortrap_id__in=traps_visible_to(viewer).values("pk")
        )
    )


def published_traps(*, category: Category | None = None, tag: Tag | None = None):
    traps = ErrorTrap.objects.published()
    if category is not None:
        ids = [category.pk, *category.children.values_list("pk", flat=True)]
        traps = traps.filter(pk__in=ErrorTrap.objects.filter(categories__in=ids).values("pk"))
    if tag is not None:
        traps = traps.filter(tags=tag)
    return _for_listing(traps.order_by("-published_at", "-id"))


def trap_for_page(*, viewer: Any, slug: str) -> ErrorTrap | None:
    return (
        _for_listing(traps_visible_to(viewer))
        .select_related("reviewed_by")
        .filter(slug=slug)
        .first()
    )


def trap_for_image(*, viewer: Any, key: str) -> ErrorTrap | None:
    return traps_visible_to(viewer).filter(image_key=key).first()


def review_queue(*, viewer: Any) -> QuerySet[ErrorTrap]:
    """Error traps waiting for a moderator, oldest first (nothing for anyone else)."""
    if not perms.can_moderate(viewer):
        return ErrorTrap.objects.none()
    return _for_listing(
        ErrorTrap.objects.filter(status=TrapStatus.PENDING).order_by("submitted_at", "id")
    )


def my_traps(*, viewer: Any) -> QuerySet[ErrorTrap]:
    """The viewer's own error traps in every state, anonymous ones included."""
    if not viewer.is_authenticated:
        return ErrorTrap.objects.none()
    return _for_listing(ErrorTrap.objects.filter(owner=viewer).order_by("-created", "-id"))


def gallery_categories() -> list[Category]:
    """The categories that hold at least one published error trap (one query)."""
    return list(
        Category.objects.filter(error_traps__in=ErrorTrap.objects.published())
        .distinct()
        .order_by("name")
    )


def gallery_tags(limit: int = 30) -> list[Tag]:
    return list(
        Tag.objects.filter(error_traps__in=ErrorTrap.objects.published())
        .distinct()
        .order_by("name")[:limit]
    )
