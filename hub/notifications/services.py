"""Every write to notifications: create them (and queue their emails), mark them read."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from .models import Notification

TITLE_MAX = Notification._meta.get_field("title").max_length
URL_MAX = Notification._meta.get_field("url").max_length


def _recipient_ids(recipients: Iterable[Any]) -> list[int]:
    """Accept users or user ids; keep the first appearance of each, in order."""
    seen: dict[int, None] = {}
    for recipient in recipients:
        pk = recipient if isinstance(recipient, int) else getattr(recipient, "pk", None)
        if pk is not None:
            seen.setdefault(int(pk), None)
    return list(seen)


@transaction.atomic
def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    actor: Any = None,
    email: bool = True,
) -> list[Notification]:
    """Tell each recipient (users or user ids) about something, once; never the actor.

    Inactive members are skipped. Emails are queued when the transaction commits.
    """
    ids = _recipient_ids(recipients)
    actor_id = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None
    ids = [pk for pk in ids if pk != actor_id]
    if not ids:
        return []
    User = get_user_model()
    active = set(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    rows = [
        Notification(
            recipient_id=pk,
            kind=kind,
            title=title[:TITLE_MAX],
            body=body,
            url=url[:URL_MAX],
            email_wanted=email,
        )
        for pk in ids
        if pk in active
    ]
    if not rows:
        return []
    if connection.features.can_return_rows_from_bulk_insert:
        notifications = Notification.objects.bulk_create(rows)
    else:  # pragma: no cover - every backend we support returns ids from bulk inserts
        notifications = []
        for row in rows:
            row.save()
            notifications.append(row)
    if email:
        ids_to_email = [n.pk for n in notifications]
        transaction.on_commit(lambda: _enqueue_emails(ids_to_email))
    return notifications


def _enqueue_emails(notification_ids: list[int]) -> None:
    from .tasks import send_notification_email

    for pk in notification_ids:
        send_notification_email.enqueue(notification_id=pk)


@transaction.atomic
def notification_mark_read(*, actor: Any, notification: Notification) -> Notification:
    if not actor.is_authenticated or notification.recipient_id != actor.pk:
        raise PermissionDenied("This notification is not yours.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor as read; returns how many changed."""
    if not actor.is_authenticated:
        raise PermissionDenied("Sign in to manage your notifications.")
    return Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
