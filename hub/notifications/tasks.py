"""Background work for notifications: the outbox, digests, and the schedule that runs them.

`notifications_tick` runs every NOTIFICATIONS_TICK_SECONDS without cron: each run claims its
turn in ScheduledJob with a conditional UPDATE (so with two workers only one runs a given
turn), enqueues the next run with `run_after` before doing the work (so a worker dying
mid-run does not end the chain), then builds due digests and sends the outbox. Enqueued tasks
live in the database (django-tasks-db), so the chain survives restarts; `manage.py
notifications_schedule` (run by scripts/run-hub) starts it or restarts a broken one.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from . import digests, outbox, services
from .models import Delivery, Notification, OutboundEmail, ScheduledJob

logger = logging.getLogger(__name__)

TICK_JOB = "notifications:tick"

# Kept for callers and links built before the outbox existed.
absolute_url = outbox.absolute_url


def tick_seconds() -> int:
    return int(getattr(settings, "NOTIFICATIONS_TICK_SECONDS", 60))


@task
def deliver_outbox(*, outbound_ids: list[int] | None = None) -> dict[str, int]:
    """Send the emails notify() just queued (or, without ids, everything waiting). Whatever
    this misses (a worker stopped) the next tick sends."""
    return outbox.deliver_pending(only=outbound_ids)


@task
def send_notification_email(*, notification_id: int) -> bool:
    """Email one notification now, once: queue it in the outbox if it wants an email
    immediately and is not queued yet, then send it. Returns whether an email went out."""
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or notification.delivery != Delivery.IMMEDIATE:
        return False
    key = f"notification-{notification.pk}"
    OutboundEmail.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "recipient_id": notification.recipient_id,
            "notification": notification,
            "available_at": (
                services.anonymous_email_release(timezone.now())
                if notification.anonymous_source
                else timezone.now()
            ),
        },
    )
    queued = list(OutboundEmail.objects.filter(idempotency_key=key).values_list("pk", flat=True))
    email = outbox.claim_next(only=queued)
    return email is not None and outbox.deliver(email) == "sent"


@task
def send_digests(*, frequency: str, now: str = "") -> int:
    """Build the due daily or weekly digests and send them. `now` (ISO 8601) stands in for the
    current time, for operators catching up and for tests. Returns how many were built."""
    moment = datetime.fromisoformat(now) if now else timezone.now()
    built = digests.build_due_digests(frequency=frequency, now=moment)
    outbox.deliver_pending()
    return len(built)


def claim_turn(now=None) -> bool:
    """Take this turn of the tick, or say another worker already has (conditional UPDATE)."""
    now = now or timezone.now()
    ScheduledJob.objects.get_or_create(name=TICK_JOB, defaults={"next_run_at": now})
    return (
        ScheduledJob.objects.filter(name=TICK_JOB, next_run_at__lte=now).update(
            next_run_at=now + timedelta(seconds=tick_seconds()), last_run_at=now
        )
        == 1
    )


def schedule_next_tick(delay_seconds: int | None = None) -> bool:
    """Enqueue a tick after the delay, where the backend can defer; returns whether it did."""
    backend = notifications_tick.get_backend()
    if not backend.supports_defer:
        return False
    delay = tick_seconds() if delay_seconds is None else delay_seconds
    notifications_tick.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()
    return True


@task
def notifications_tick() -> dict[str, int]:
    """One turn of the schedule: digests that are due, then the outbox."""
    if not claim_turn():
        return {"skipped": 1}
    schedule_next_tick()
    counts = {}
    for frequency in (Delivery.DAILY, Delivery.WEEKLY):
        counts[f"{frequency}_digests"] = len(digests.build_due_digests(frequency=frequency))
    counts.update(outbox.deliver_pending())
    return counts


# Worker maintenance (settings.WORKER_PERIODIC_CALLS, run by `manage.py run_worker`) ---------


def resume_outbox(*, now: datetime | None = None) -> int:
    """Queue the sending of emails a dead worker had claimed, as soon as their lease runs out,
    and of emails due for longer than a lease that nobody took (the batch sending them died),
    rather than waiting for the next tick. Returns how many."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=outbox.lease_seconds())
    waiting = Q(status="sending", claimed_at__lt=stale) | Q(
        status="pending", available_at__lt=stale
    )
    ids = list(OutboundEmail.objects.filter(waiting).values_list("pk", flat=True)[:200])
    if ids:
        logger.warning("Sending %s email(s) left behind by a worker that stopped", len(ids))
        deliver_outbox.enqueue(outbound_ids=ids)
    return len(ids)


def ensure_schedule() -> bool:
    """Restart the tick chain when no tick is queued or running (a tick cut short before it
    queued the next, a database lost mid-run). Returns whether it restarted it."""
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is a dependency
        return False
    if not isinstance(notifications_tick.get_backend(), DatabaseBackend):
        return False
    if DBTaskResult.objects.filter(
        task_path=notifications_tick.module_path, status__in=["READY", "RUNNING"]
    ).exists():
        return False
    ScheduledJob.objects.update_or_create(name=TICK_JOB, defaults={"next_run_at": timezone.now()})
    logger.warning("The notifications schedule had stopped; restarted it")
    return schedule_next_tick(delay_seconds=0)
