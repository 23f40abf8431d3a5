"""Background work for events: reminders 24 hours before each session.

`send_event_reminders` re-queues itself every REMINDER_INTERVAL (django.tasks `run_after`) when
the backend can defer tasks, so `make run` needs no cron: `manage.py schedule_event_reminders`
(run by scripts/run-hub) starts the chain once. Several workers or several chains are harmless:
each reminder is claimed once (services.reminders_send), and a run drops any other pending run
before queuing the next so the chain stays single.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import services

logger = logging.getLogger(__name__)

REMINDER_INTERVAL = timedelta(minutes=5)


@task
def send_event_reminders(*, reschedule: bool = True) -> int:
    try:
        sent = services.reminders_send(now=timezone.now())
    finally:
        # Even after a failure the chain goes on: the next run retries what was not claimed.
        if reschedule:
            schedule_next_reminders()
    if sent:
        logger.info("Sent %s event reminder(s)", sent)
    return sent


def _pending_runs():
    """Queued runs of the reminder task, when the database backend is in use (else None)."""
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is a dependency
        return None
    if not isinstance(send_event_reminders.get_backend(), DatabaseBackend):
        return None
    return DBTaskResult.objects.filter(task_path=send_event_reminders.module_path, status="READY")


def schedule_next_reminders(*, delay: timedelta = REMINDER_INTERVAL) -> bool:
    """Queue the next run, replacing any other queued run. Only with a backend that can defer
    (the immediate backend used in tests would run it straight away, for ever)."""
    if not send_event_reminders.get_backend().supports_defer:
        return False
    with transaction.atomic():
        pending = _pending_runs()
        if pending is not None:
            pending.delete()
        send_event_reminders.using(run_after=timezone.now() + delay).enqueue()
    return True


def ensure_reminders_scheduled() -> bool:
    """Start the chain unless a run is already queued. Returns whether one was queued now."""
    if not send_event_reminders.get_backend().supports_defer:
        return False
    pending = _pending_runs()
    if pending is not None and pending.exists():
        return False
    send_event_reminders.using(run_after=timezone.now()).enqueue()
    return True
