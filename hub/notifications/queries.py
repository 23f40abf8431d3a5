"""Reads of notifications shared by pages."""

from typing import Any

from django.db.models import QuerySet

from . import kinds
from .models import Notification


def unread_count(*, user: Any) -> int:
    """How many unread notifications the user has: one COUNT query (none for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def notifications_for(
    *, user: Any, group: str = "", unread_only: bool = False
) -> QuerySet[Notification]:
    """The user's notifications, newest first (nothing for visitors), optionally only one
    group of the catalogue or only unread ones."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    rows = Notification.objects.filter(recipient_id=user.pk)
    if group == "other":
        rows = rows.exclude(kind__in=kinds.known_kind_strings() - {kinds.OTHER.key})
    elif group:
        rows = rows.filter(kind__in=kinds.kinds_in_group(group))
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created", "-id")


def notification_for_recipient(*, user: Any, notification_id: int) -> Notification | None:
    """One notification, only if it belongs to the user."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Notification.objects.filter(pk=notification_id, recipient_id=user.pk).first()
