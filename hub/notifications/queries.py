"""Reads of notifications shared by pages."""

from typing import Any

from django.db.models import QuerySet

from .models import Notification


def unread_count(*, user: Any) -> int:
    """How many unread notifications the user has: one COUNT query (none for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def notifications_for(*, user: Any) -> QuerySet[Notification]:
    """The user's notifications, newest first (nothing for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=user.pk).order_by("-created", "-id")


def notification_for_recipient(*, user: Any, notification_id: int) -> Notification | None:
    """One notification, only if it belongs to the user."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Notification.objects.filter(pk=notification_id, recipient_id=user.pk).first()
