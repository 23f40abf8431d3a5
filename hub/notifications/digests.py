"""Daily and weekly digests: which are due, and building them into the outbox.

A digest period starts at NOTIFICATIONS_DIGEST_HOUR (local time) each day, or on Mondays for
the weekly one. A member's digest for a period is due once they have something waiting from
before the period started; it then takes everything waiting (all that happened since their last
digest) and goes into the outbox. The unique (member, frequency, period) row and the outbox's
unique key make a second worker's attempt fail harmlessly.

A notification about something posted anonymously (kept to its day, see
`Notification.anonymous_source`) joins only a digest of a period that starts on a later day:
whether it made this morning's digest or the next must not tell whether it was posted before
or after the digest hour.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hub.core.templatetags.safety import day_start

from .models import Delivery, Digest, Notification, OutboundEmail


def period_start(frequency: str, now: datetime) -> datetime:
    """The start of the digest period `now` falls in (an aware datetime)."""
    local = timezone.localtime(now)
    hour = int(getattr(settings, "NOTIFICATIONS_DIGEST_HOUR", 7))
    start = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if start > local:
        start -= timedelta(days=1)
    if frequency == Delivery.WEEKLY:
        start -= timedelta(days=start.weekday())
    return start


def build_due_digests(*, frequency: str, now: datetime | None = None) -> list[Digest]:
    """Build every digest of this frequency that is due; returns those built now."""
    if frequency not in (Delivery.DAILY, Delivery.WEEKLY):
        raise ValueError(f"No digest called {frequency!r}")
    now = now or timezone.now()
    start = period_start(frequency, now)
    period = start.date().isoformat()
    ripe = Q(anonymous_source=False) | Q(anonymous_source=True, created__lt=day_start(start))
    waiting = Notification.objects.filter(ripe, delivery=frequency, digest__isnull=True)
    recipients = (
        waiting.filter(created__lt=start)
        .exclude(
            recipient__notification_digests__frequency=frequency,
            recipient__notification_digests__period=period,
        )
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    built = []
    for recipient_id in list(recipients):
        try:
            with transaction.atomic():
                previous = (
                    Digest.objects.filter(recipient_id=recipient_id, frequency=frequency)
                    .order_by("-created")
                    .values_list("created", flat=True)
                    .first()
                )
                digest = Digest.objects.create(
                    recipient_id=recipient_id, frequency=frequency, period=period, since=previous
                )
                waiting.filter(recipient_id=recipient_id, created__lte=now).update(digest=digest)
                OutboundEmail.objects.create(
                    recipient_id=recipient_id,
                    digest=digest,
                    idempotency_key=f"digest-{frequency}-{recipient_id}-{period}",
                    available_at=timezone.now(),
                )
        except IntegrityError:
            continue  # another worker built this one first
        built.append(digest)
    return built
