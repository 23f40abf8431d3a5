"""A fresh demo starts with a quiet inbox: while it loads, the tasks the services queue are
held and run at once, and the notifications they make are marked read and already emailed."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

# Tasks the services queue to tell people about new comments and posts. The demo runs them
# straight away, so that the notifications they create can be quietened with the rest.
NOTIFYING_TASKS = {
    "hub.community.tasks.notify_about_post",
    "hub.engagement.tasks.notify_about_comment",
}
EMAIL_TASK = "hub.notifications.tasks.send_notification_email"


def notifications_mark() -> int:
    """Where the notifications stand before a load: the newest one's id (0 when none)."""
    from hub.notifications.models import Notification

    return Notification.objects.aggregate(newest=Max("pk"))["newest"] or 0


def quieten_demo_notifications(*, after: int) -> None:
    """Demo-only: the services told people about the content just loaded. Mark those
    notifications (every one newer than the mark `after`) read and already emailed, so the
    queued email tasks skip them. By id, not by time: a notification about something posted
    anonymously keeps only its day, which is earlier than the load began."""
    from hub.notifications.models import Notification

    now = timezone.now()
    Notification.objects.filter(pk__gt=after).update(read_at=now, emailed_at=now)


@contextmanager
def tasks_held() -> Iterator[DummyBackend]:
    """Demo only: while the demo loads, tasks the services queue are held in memory (Django's
    dummy task backend) instead of going to the worker. The real backend comes back after."""
    real = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    held = DummyBackend(alias=DEFAULT_TASK_BACKEND_ALIAS, params={})
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = held
    try:
        yield held
    finally:
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = real


def settle(held: DummyBackend, *, after: int) -> list:
    """Run the held notification tasks now and quieten what they created (a fresh demo starts
    with a quiet inbox). Returns the other held tasks, for the real backend."""
    from hub.notifications.models import Notification

    results, later = list(held.results), []
    held.clear()
    with transaction.atomic():
        for result in results:
            if result.task.module_path in NOTIFYING_TASKS:
                result.task.call(*result.args, **result.kwargs)
            elif result.task.module_path != EMAIL_TASK:
                later.append(result)
        quieten_demo_notifications(after=after)
    # Emails queued for the notifications just quietened would be skipped: drop them.
    for result in [*results, *held.results]:
        if result.task.module_path == EMAIL_TASK:
            pk = result.kwargs.get("notification_id")
            if Notification.objects.filter(pk=pk, emailed_at__isnull=True).exists():
                later.append(result)
    return later
