"""Library items under moderation (hub.moderation.registry).

Hiding a published item returns it to its author (the library's own "unpublished" state);
showing it again publishes it. Moderation has checked the actor and writes the audit entry.
"""

from django.utils import timezone

from hub.core.richtext import sanitize_html
from hub.moderation.registry import register
from hub.networks.access import can_see_network_content

from . import permissions as perms
from .models import Item, ItemStatus, ItemTransition


def _move(item: Item, to_status: str, note: str) -> None:
    ItemTransition.objects.create(
        item=item, actor=None, from_status=item.status, to_status=to_status, note=note
    )
    item.status = to_status
    if to_status == ItemStatus.PUBLISHED and item.published_at is None:
        item.published_at = timezone.now()
    item.save(update_fields=["status", "published_at", "updated"])


def _hide(item: Item, reason: str) -> None:
    if item.is_published:
        _move(item, ItemStatus.RETURNED, reason)


def _unhide(item: Item, reason: str) -> None:
    if not item.is_published:
        _move(item, ItemStatus.PUBLISHED, reason)


def _edit(item: Item, fields: dict[str, str], note: str) -> None:
    for name in ("title", "summary"):
        if name in fields and fields[name].strip():
            setattr(item, name, fields[name].strip())
    if "body" in fields:
        item.body = sanitize_html(fields["body"])
    item.save(update_fields=["title", "summary", "body", "updated"])


def register_moderated_kinds() -> None:
    register(
        Item,
        label="Library item",
        hide=_hide,
        unhide=_unhide,
        is_hidden=lambda item: not item.is_published,
        edit=_edit,
        fields_of=lambda item: {"title": item.title, "summary": item.summary, "body": item.body},
        rich_fields=frozenset({"body"}),
        author_of=lambda item: item.owner,
        url_of=lambda item: item.get_absolute_url(),
        is_anonymous=lambda item: item.is_anonymous,
        can_view=perms.can_view_item,
        can_moderate=lambda viewer, item: can_see_network_content(viewer, item.network_id),
    )
