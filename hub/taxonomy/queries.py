"""Reads of the taxonomy that pages share.

A tag exists for a viewer only while content they may see carries it. Which content that is,
the content kinds know: each registers a carrier (register_tag_carrier, from its AppConfig.ready)
and the taxonomy imports none of them.
"""

from collections.abc import Callable
from functools import reduce
from operator import or_
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, QuerySet

from .models import Tag

# viewer -> an Exists over the kind's rows that carry the tag at OuterRef("pk") and that the
# viewer may see, stopping at the first one.
TagCarrier = Callable[[Any], Exists]

_carriers: dict[str, TagCarrier] = {}


def register_tag_carrier(name: str, carrier: TagCarrier) -> None:
    """Content of this kind (e.g. 'library.item') makes the tags it carries visible."""
    _carriers[name] = carrier


def tags_visible_to(viewer: Any) -> QuerySet[Tag]:
    """Every tag this viewer may know of.

    A tag exists for a viewer only while content they may see carries it: for instance a
    library item (items_visible_to), an event (events_visible_to) or an error trap
    (traps_visible_to), each kind registered as a carrier. A tag used only on drafts, items in
    review, hidden error traps or a network's content names nothing to anyone else, so
    suggestions, tag pages, feeds, counts and the sitemap all start from here. One EXISTS per
    kind, each stopping at the first visible row that carries it.
    """
    viewer = viewer if viewer is not None else AnonymousUser()
    if not _carriers:
        return Tag.objects.none()
    return Tag.objects.filter(reduce(or_, (carrier(viewer) for carrier in _carriers.values())))


def public_tags() -> QuerySet[Tag]:
    """The tags anyone may know of (feeds and the sitemap, read without a session)."""
    return tags_visible_to(AnonymousUser())


def tag_for_page(*, viewer: Any, slug: str) -> Tag | None:
    """The tag at this address, if the viewer may know of it (else None: a 404).

    Public tags are looked up first: that needs none of the viewer's roles or networks, so most
    tag pages cost one query. The tag found is marked as visible to this viewer, so the follow
    button on its page does not ask again.
    """
    tag = public_tags().filter(slug=slug).first()
    if tag is None and viewer.is_authenticated:
        tag = tags_visible_to(viewer).filter(slug=slug).first()
    if tag is not None:
        tag._visible_to = getattr(viewer, "pk", None)
    return tag


def can_see_tag(viewer: Any, tag: Tag) -> bool:
    """May this viewer know of this tag (tags_visible_to, for one tag)?"""
    if getattr(tag, "_visible_to", False) == getattr(viewer, "pk", None):
        return True
    if public_tags().filter(pk=tag.pk).exists():
        return True
    return viewer.is_authenticated and tags_visible_to(viewer).filter(pk=tag.pk).exists()


def tag_suggestions(*, viewer: Any, prefix: str, limit: int = 10) -> list[str]:
    """Names of tags the viewer may know of that start with the prefix, for the tag field."""
    prefix = prefix.strip()
    if not prefix:
        return []
    return list(
        tags_visible_to(viewer)
        .filter(name__istartswith=prefix)
        .order_by("name")
        .values_list("name", flat=True)[:limit]
    )
