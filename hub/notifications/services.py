"""Every write to notifications: create them (queueing their emails), preferences, marking
read, one-click unsubscribe."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from hub.core.queue import task_at
from hub.core.services import audit_record
from hub.core.templatetags.safety import day_start, is_anonymous_source

from . import kinds
from .models import (
    EMAIL_DELIVERIES,
    Delivery,
    EmailSettings,
    Notification,
    NotificationPreference,
    OutboundEmail,
)

TITLE_MAX = Notification._meta.get_field("title").max_length
URL_MAX = Notification._meta.get_field("url").max_length
UNSUBSCRIBE_SALT = "hub.notifications.unsubscribe"
ALL_EMAIL = "*"


def _recipient_ids(recipients: Iterable[Any]) -> list[int]:
    """Accept users or user ids; keep the first appearance of each, in order."""
    seen: dict[int, None] = {}
    for recipient in recipients:
        pk = recipient if isinstance(recipient, int) else getattr(recipient, "pk", None)
        if pk is not None:
            seen.setdefault(int(pk), None)
    return list(seen)


def deliveries_for(*, user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """How each user wants to hear about `kind` now: their choice, else the catalogue's default;
    email choices become "site" while their email is paused. Two queries whatever the count."""
    user_ids = list(user_ids)
    entry = kinds.entry_for(kind)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=entry.key).values_list(
            "user_id", "delivery"
        )
    )
    paused = set(
        EmailSettings.objects.filter(user_id__in=user_ids, email_paused=True).values_list(
            "user_id", flat=True
        )
    )
    out = {}
    for pk in user_ids:
        delivery = chosen.get(pk, entry.default)
        if pk in paused and delivery in EMAIL_DELIVERIES:
            delivery = Delivery.SITE
        out[pk] = delivery
    return out


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
    target: models.Model | None = None,
    anonymous: bool | None = None,
) -> list[Notification]:
    """Tell each recipient (users or user ids) about something, once; never the actor.

    Inactive members are skipped, and so are members who turned this kind off. Each member's
    preference decides the rest: on the site only, an email straight away (queued in the
    outbox in this transaction, sent after commit), or a place in their next daily or weekly
    digest. `email=False` keeps it on the site whatever the preference. `target` is what the
    notification is about: emails and digests check, when sent, that the recipient may still
    see it.

    A notification about something posted anonymously (`target` says so, see
    `hub.core.templatetags.safety.is_anonymous_source`, or `anonymous=True`) keeps only its
    day: `created` is the start of the day, and its email waits for the next day (see
    `anonymous_email_release`), so neither the list, the email's `Date:` nor its arrival
    tells when it was posted.
    """
    if anonymous is None:
        anonymous = is_anonymous_source(target)
    ids = _recipient_ids(recipients)
    actor_id = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None
    ids = [pk for pk in ids if pk != actor_id]
    if not ids:
        return []
    User = get_user_model()
    active = set(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    ids = [pk for pk in ids if pk in active]
    deliveries = deliveries_for(user_ids=ids, kind=kind)
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    rows = []
    for pk in ids:
        delivery = deliveries[pk]
        if delivery == Delivery.OFF:
            continue
        if not email and delivery in EMAIL_DELIVERIES:
            delivery = Delivery.SITE
        rows.append(
            Notification(
                recipient_id=pk,
                kind=kind,
                title=title[:TITLE_MAX],
                body=body,
                url=url[:URL_MAX],
                email_wanted=delivery in EMAIL_DELIVERIES,
                delivery=delivery,
                target_type=target_type,
                target_id=target.pk if target is not None else None,
                anonymous_source=anonymous,
            )
        )
    if not rows:
        return []
    if connection.features.can_return_rows_from_bulk_insert:
        notifications = Notification.objects.bulk_create(rows)
    else:  # pragma: no cover - every backend we support returns ids from bulk inserts
        notifications = []
        for row in rows:
            row.save()
            notifications.append(row)
    now = timezone.now()
    if anonymous:
        # created is auto_now_add: keep only the day, after the insert.
        day = day_start(now)
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(created=day)
        for n in notifications:
            n.created = day
    available_at = anonymous_email_release(now) if anonymous else now
    immediate = [
        OutboundEmail(
            recipient_id=n.recipient_id,
            notification=n,
            idempotency_key=f"notification-{n.pk}",
            available_at=available_at,
        )
        for n in notifications
        if n.delivery == Delivery.IMMEDIATE
    ]
    if immediate:
        queued = [row.pk for row in OutboundEmail.objects.bulk_create(immediate)]
        if not anonymous:  # the schedule's tick sends the others when their time comes
            transaction.on_commit(lambda: _enqueue_delivery(queued))
    return notifications


def anonymous_email_release(moment: datetime) -> datetime:
    """When an email about something posted anonymously at `moment` may go: the next day at
    NOTIFICATIONS_DIGEST_HOUR (local time). Sent straight away, its arrival (and the mail
    servers' `Received:` times) would tell the minute it was posted; sent the next morning, it
    tells only the day, like everything else about an anonymous post."""
    hour = int(getattr(settings, "NOTIFICATIONS_DIGEST_HOUR", 7))
    return day_start(moment) + timedelta(days=1, hours=hour)


def _enqueue_delivery(outbound_ids: list[int]) -> None:
    task_at("hub.notifications.tasks.deliver_outbox").enqueue(outbound_ids=outbound_ids)


# Reading ---------------------------------------------------------------------------------


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


@transaction.atomic
def notifications_mark(*, actor: Any, ids: Iterable[int], read: bool) -> int:
    """Mark the chosen notifications of the actor read (or unread again). Others' ids are
    ignored. Returns how many changed."""
    if not actor.is_authenticated:
        raise PermissionDenied("Sign in to manage your notifications.")
    rows = Notification.objects.filter(recipient_id=actor.pk, pk__in=list(ids))
    if read:
        return rows.filter(read_at__isnull=True).update(read_at=timezone.now())
    return rows.filter(read_at__isnull=False).update(read_at=None)


# Preferences -----------------------------------------------------------------------------


def preferences_for(*, user: Any) -> dict[str, str]:
    """Every catalogue entry's delivery for the user: their choice or the default (1 query)."""
    chosen = dict(
        NotificationPreference.objects.filter(user_id=user.pk).values_list("kind", "delivery")
    )
    return {e.key: chosen.get(e.key, e.default) for e in kinds.entries()}


def email_paused(*, user: Any) -> bool:
    return EmailSettings.objects.filter(user_id=user.pk, email_paused=True).exists()


@transaction.atomic
def preferences_set(*, actor: Any, choices: dict[str, str], pause_email: bool | None = None) -> int:
    """Save the actor's choices (catalogue key → delivery). Returns how many changed."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Sign in to choose how you hear about things.")
    for key, delivery in choices.items():
        if kinds.get(key) is None:
            raise ValidationError(f"There is no kind of notification called “{key}”.")
        if delivery not in Delivery.values:
            raise ValidationError("Choose one of the ways offered.")
    current = preferences_for(user=actor)
    changed = {k: v for k, v in choices.items() if current[k] != v}
    for key, delivery in changed.items():
        NotificationPreference.objects.update_or_create(
            user=actor, kind=key, defaults={"delivery": delivery}
        )
    if pause_email is not None:
        EmailSettings.objects.update_or_create(user=actor, defaults={"email_paused": pause_email})
    if changed:
        audit_record(
            action="notifications:preferences",
            actor=actor,
            target=actor,
            old={k: current[k] for k in changed},
            new=changed,
        )
    return len(changed)


# One-click unsubscribe (RFC 8058) ----------------------------------------------------------


def unsubscribe_token(*, user: Any, scope: str) -> str:
    """A signed, unexpiring token naming the member and what to stop: a catalogue key, "daily"
    or "weekly" (every kind in that digest), or "*" (all email)."""
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[Any, str] | None:
    """(member, scope) from a token, or None when it is forged, damaged or the member gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    scope = data.get("s")
    if user is None or not isinstance(scope, str):
        return None
    if scope not in (ALL_EMAIL, *Delivery.values) and kinds.get(scope) is None:
        return None
    return user, scope


def scope_label(scope: str) -> str:
    if scope == ALL_EMAIL:
        return "all email from the hub"
    if scope in (Delivery.DAILY, Delivery.WEEKLY):
        return f"your {scope} digest"
    entry = kinds.get(scope)
    return f"emails about: {entry.label}" if entry else "these emails"


@transaction.atomic
def unsubscribe(*, user: Any, scope: str) -> None:
    """Stop the email the scope names, keeping notifications on the site (works signed out:
    the caller has checked the signed token)."""
    if scope == ALL_EMAIL:
        EmailSettings.objects.update_or_create(user=user, defaults={"email_paused": True})
    elif scope in (Delivery.DAILY, Delivery.WEEKLY):
        current = preferences_for(user=user)
        for key, delivery in current.items():
            if delivery == scope:
                NotificationPreference.objects.update_or_create(
                    user=user, kind=key, defaults={"delivery": Delivery.SITE}
                )
    else:
        NotificationPreference.objects.update_or_create(
            user=user, kind=scope, defaults={"delivery": Delivery.SITE}
        )
    audit_record(action="notifications:unsubscribe", actor=user, target=user, new={"scope": scope})
