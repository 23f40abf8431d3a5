"""Sending what the outbox holds, exactly once, and rendering each email at send time.

Protocol (one row of OutboundEmail per email):
1. claim: a short transaction moves one row from "pending" (or "sending" whose claim is older
   than the lease, i.e. its worker died) to "sending" with a fresh claim_token. PostgreSQL picks
   the row with SELECT … FOR UPDATE SKIP LOCKED; every backend then claims it with a
   conditional UPDATE (… WHERE status/claim unchanged), so two workers never both win. The
   lease is short (NOTIFICATIONS_CLAIM_LEASE_SECONDS, 40 s): a worker's heartbeat thread renews
   the claims its process holds every few seconds (`renew_held_claims`), so a dead worker's
   claims return within the lease and its maintenance sends them at once.
2. send: the email is rendered now (checking again that the recipient may see everything in
   it). Then, in one transaction, the row is marked "sent" first — only while this worker's
   claim_token still holds, so a claim another worker took over is never sent — then the
   message goes to the mail server, then the transaction commits at once (the SMTP session is
   opened before and closed after, so nothing but the commit follows the server's acceptance).
   If the worker dies before that commit, the mark is rolled back and the row is still
   "sending": it is claimed again once the lease runs out.
A mail backend that records into the same database (as the exactly-once test does) therefore
sees each email once. With SMTP a death (or a lost database) in the instant between the server
accepting the message and the commit sends that one email twice; its stable Message-ID lets
mail systems drop the copy.
"""

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import formatdate
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from hub.core.templatetags.safety import public_time

from . import kinds, visibility
from .models import Delivery, Notification, OutboundEmail, OutboxStatus

logger = logging.getLogger(__name__)

DEFAULT_SITE_URL = "http://localhost:8000"
MAX_ATTEMPTS = 5


def absolute_url(path: str) -> str:
    """A link for an email: SITE_URL (or the local development address) plus the path."""
    if path.startswith(("http://", "https://")):
        return path
    base = (getattr(settings, "SITE_URL", "") or DEFAULT_SITE_URL).rstrip("/")
    return base + (path if path.startswith("/") else "/" + path)


def lease_seconds() -> int:
    return int(getattr(settings, "NOTIFICATIONS_CLAIM_LEASE_SECONDS", 40))


# Claims this process holds (token -> when claimed, monotonic), renewed by the worker's
# heartbeat thread. A claim held longer than HOLD_LIMIT_SECONDS is no longer renewed (its caller
# must have given up on it) and returns to the queue when its lease runs out.
_held: dict[str, float] = {}
_held_lock = threading.Lock()
HOLD_LIMIT_SECONDS = 900


def _hold(token: str) -> None:
    with _held_lock:
        _held[token] = time.monotonic()


def _release(token: str) -> None:
    with _held_lock:
        _held.pop(token, None)


def renew_held_claims(*, now: datetime | None = None) -> int:
    """Extend the lease of every claim this process holds (the worker's heartbeat calls it).
    A row locked by its own sending transaction is skipped: nobody can take it over meanwhile."""
    with _held_lock:
        cutoff = time.monotonic() - HOLD_LIMIT_SECONDS
        for token in [t for t, at in _held.items() if at < cutoff]:
            del _held[token]
        tokens = list(_held)
    if not tokens:
        return 0
    rows = OutboundEmail.objects.filter(status=OutboxStatus.SENDING, claim_token__in=tokens)
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            free = list(rows.select_for_update(skip_locked=True).values_list("pk", flat=True))
            rows = rows.filter(pk__in=free)
        return rows.update(claimed_at=now or timezone.now())


def _claimable(now: datetime, lease: int) -> Q:
    stale = now - timedelta(seconds=lease)
    return Q(status=OutboxStatus.PENDING, available_at__lte=now) | Q(
        status=OutboxStatus.SENDING, claimed_at__lt=stale
    )


def claim_next(
    *, now: datetime | None = None, lease: int | None = None, only: list[int] | None = None
) -> OutboundEmail | None:
    """Claim one email to send (among `only`, when given), or None when nothing is waiting."""
    now = now or timezone.now()
    lease = lease_seconds() if lease is None else lease
    token = secrets.token_hex(16)
    rows = OutboundEmail.objects.filter(_claimable(now, lease)).order_by("pk")
    if only is not None:
        rows = rows.filter(pk__in=only)
    for _ in range(20):  # lost races only; each loop re-reads what is waiting
        with transaction.atomic():
            if connection.features.has_select_for_update_skip_locked:
                candidate = rows.select_for_update(skip_locked=True).values("pk").first()
                candidates = [candidate["pk"]] if candidate else []
            else:
                candidates = list(rows.values_list("pk", flat=True)[:10])
            if not candidates:
                return None
            for pk in candidates:
                won = (
                    OutboundEmail.objects.filter(_claimable(now, lease), pk=pk).update(
                        status=OutboxStatus.SENDING,
                        claimed_at=now,
                        claim_token=token,
                        attempts=F("attempts") + 1,
                    )
                    == 1
                )
                if won:
                    _hold(token)
                    return OutboundEmail.objects.select_related("recipient").get(pk=pk)
    return None


class LostClaim(Exception):
    """Another worker took the row over (our lease ran out): our send is rolled back."""


def _finish(email: OutboundEmail, **fields: Any) -> bool:
    return (
        OutboundEmail.objects.filter(
            pk=email.pk, status=OutboxStatus.SENDING, claim_token=email.claim_token
        ).update(**fields)
        == 1
    )


def deliver(email: OutboundEmail) -> str:
    """Send one claimed email (see the module's protocol). Returns its new status."""
    try:
        return _deliver(email)
    finally:
        _release(email.claim_token)


class NothingSent(Exception):
    """The mail backend took no message."""


def _deliver(email: OutboundEmail) -> str:
    now = timezone.now()
    try:
        rendered = render(email)
    except Exception as exc:  # a template or data error must not stop the batch
        logger.exception("Could not render outbound email %s", email.pk)
        return _failed(email, exc)
    if rendered is None:
        _finish(email, status=OutboxStatus.SKIPPED, claim_token="")
        return OutboxStatus.SKIPPED
    message, included = rendered
    try:
        mailer = mailers.default
        mailer.open()  # connect and sign in before the transaction, not inside it
        try:
            with transaction.atomic():
                # Mark first, send last: a claim taken over is never sent, and only the commit
                # follows the server's acceptance.
                if not _finish(email, status=OutboxStatus.SENT, sent_at=now, last_error=""):
                    raise LostClaim(email.pk)
                Notification.objects.filter(pk__in=included, emailed_at__isnull=True).update(
                    emailed_at=now
                )
                if mailer.send_messages([message]) != 1:
                    raise NothingSent(email.pk)
        finally:
            _close_quietly(mailer)
    except LostClaim:
        logger.warning("Outbound email %s was taken over by another worker", email.pk)
        return "lost"
    except Exception as exc:
        logger.exception("Sending outbound email %s failed", email.pk)
        return _failed(email, exc)
    logger.info("Sent %s", email.idempotency_key)
    return OutboxStatus.SENT


def _close_quietly(mailer: Any) -> None:
    """End the mail session (SMTP QUIT) after the commit; the message is already accepted."""
    try:
        mailer.close()
    except Exception:
        logger.warning("Closing the mail connection failed", exc_info=True)


def _failed(email: OutboundEmail, exc: Exception) -> str:
    attempts = email.attempts
    status = OutboxStatus.FAILED if attempts >= MAX_ATTEMPTS else OutboxStatus.PENDING
    _finish(
        email,
        status=status,
        claim_token="",
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
        available_at=timezone.now() + timedelta(minutes=2**attempts),
    )
    return status


def deliver_pending(
    *, limit: int | None = None, lease: int | None = None, only: list[int] | None = None
) -> dict[str, int]:
    """Claim and send waiting emails (among `only`, when given) until none are left (or `limit`
    tried). Returns counts by outcome."""
    counts: dict[str, int] = {}
    tried = 0
    while limit is None or tried < limit:
        email = claim_next(lease=lease, only=only)
        if email is None:
            break
        status = deliver(email)
        counts[status] = counts.get(status, 0) + 1
        tried += 1
    return counts


# Rendering -------------------------------------------------------------------------------


@dataclass
class Section:
    label: str
    notifications: list[Notification]


def _message_id(key: str) -> str:
    host = urlsplit(absolute_url("/")).hostname or "localhost"
    return f"<{key}@{host}>"


def _unsubscribe_headers(link: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _unsubscribe_link(user: Any, scope: str) -> str:
    from .services import unsubscribe_token

    token = unsubscribe_token(user=user, scope=scope)
    return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def _still_wanted(user: Any, notifications: list[Notification], delivery: str) -> list:
    """Drop what the recipient turned off or away from this way since, then what they may no
    longer see."""
    from .services import deliveries_for

    by_kind: dict[str, str] = {}
    kept = []
    for n in notifications:
        if n.kind not in by_kind:
            by_kind[n.kind] = deliveries_for(user_ids=[user.pk], kind=n.kind)[user.pk]
        if by_kind[n.kind] == delivery:
            kept.append(n)
    return visibility.visible_notifications(user, kept)


def _base_context(user: Any) -> dict[str, Any]:
    return {
        "recipient": user,
        "site_name": settings.SITE_NAME,
        "notifications_link": absolute_url(reverse("notifications:list")),
        "preferences_link": absolute_url(reverse("notifications:preferences")),
        "unsubscribe_all_link": _unsubscribe_link(user, "*"),
    }


# Checks a recipient must pass for the hub to email them; moderation registers "not banned"
# (notifications sits below moderation, so it is told rather than importing it).
RECIPIENT_CHECKS: list[Callable[[Any], bool]] = []


def register_recipient_check(check: Callable[[Any], bool]) -> None:
    if check not in RECIPIENT_CHECKS:
        RECIPIENT_CHECKS.append(check)


def render(email: OutboundEmail) -> tuple[EmailMultiAlternatives, list[int]] | None:
    """The message for an outbox row, built now, and the notifications it includes; None when
    nothing may be sent (member gone or without an address, email turned off, nothing left
    they may see)."""
    user = email.recipient
    # A banned member gets no more mail from the hub (their ban is emailed directly).
    if not user.is_active or not user.email or not all(c(user) for c in RECIPIENT_CHECKS):
        return None
    if email.notification_id:
        return _render_notification(email, user)
    if email.digest_id:
        return _render_digest(email, user)
    return None


def _render_notification(email: OutboundEmail, user: Any):
    notification = Notification.objects.filter(pk=email.notification_id).first()
    if notification is None:
        return None
    if not _still_wanted(user, [notification], Delivery.IMMEDIATE):
        return None
    entry = kinds.entry_for(notification.kind)
    unsubscribe = _unsubscribe_link(user, entry.key)
    context = {
        **_base_context(user),
        "notification": notification,
        "kind_label": entry.label,
        "link": absolute_url(notification.url) if notification.url else "",
        "unsubscribe_link": unsubscribe,
    }
    headers = {
        "Message-ID": _message_id(email.idempotency_key),
        **_unsubscribe_headers(unsubscribe),
    }
    if notification.anonymous_source:
        # Django dates a message when it is sent; about an anonymous post the email says only
        # the day (it is sent the next morning, see services.anonymous_email_release).
        headers["Date"] = formatdate(public_time(notification).timestamp(), localtime=True)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {notification.title}".replace("\n", " "),
        body=render_to_string("notifications/email/notification.txt", context),
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    return message, [notification.pk]


def _render_digest(email: OutboundEmail, user: Any):
    digest = email.digest
    notifications = list(digest.notifications.order_by("created", "id"))
    notifications = _still_wanted(user, notifications, digest.frequency)
    if not notifications:
        return None
    order = {e.key: i for i, e in enumerate(kinds.entries())}
    sections: dict[str, Section] = {}
    for n in notifications:
        entry = kinds.entry_for(n.kind)
        sections.setdefault(entry.key, Section(entry.label, [])).notifications.append(n)
    ordered = [sections[k] for k in sorted(sections, key=lambda k: order.get(k, 999))]
    for section in ordered:
        for n in section.notifications:
            n.link = absolute_url(n.url) if n.url else ""
    unsubscribe = _unsubscribe_link(user, digest.frequency)
    label = "daily" if digest.frequency == Delivery.DAILY else "weekly"
    context = {
        **_base_context(user),
        "digest": digest,
        "frequency": label,
        "sections": ordered,
        "count": len(notifications),
        "unsubscribe_link": unsubscribe,
    }
    subject = f"[{settings.SITE_NAME}] Your {label} digest: {len(notifications)} new " + (
        "thing" if len(notifications) == 1 else "things"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("notifications/email/digest.txt", context),
        to=[user.email],
        headers={
            "Message-ID": _message_id(email.idempotency_key),
            **_unsubscribe_headers(unsubscribe),
        },
    )
    message.attach_alternative(
        render_to_string("notifications/email/digest.html", context), "text/html"
    )
    return message, [n.pk for n in notifications]
