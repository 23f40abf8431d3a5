"""The background worker that survives its database: `manage.py run_worker`.

django-tasks-db's `db_worker` exits on the first `OperationalError` (a PostgreSQL restart, a
connection dropped by the server), after which nothing runs until a person restarts it. Our
`ResilientWorker` runs the same loop and, when the database goes away, drops the broken
connection, waits (1 s, doubling to WORKER_BACKOFF_MAX_SECONDS, with jitter) and carries on;
a task whose run the failure cut short is marked failed once the database answers again.

Each worker process also keeps a heartbeat: a thread updates its `WorkerHeartbeat` row every
WORKER_HEARTBEAT_SECONDS. The row is what `/healthz` reads (`worker_status`), and what tells a
live worker from a dead one: every WORKER_MAINTENANCE_SECONDS the thread marks failed the task
rows left "running" by a worker not seen for WORKER_STALE_SECONDS (`fail_dead_tasks`); at every
beat it runs what apps registered with `on_heartbeat` (notifications renews the outbox claims
of this process); and it calls the WORKER_PERIODIC_CALLS (restarting broken task chains,
sending what a dead worker had claimed).
"""

import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# What a lost database looks like to Django: the server restarted or dropped the connection
# (OperationalError), or the connection object was already closed (InterfaceError).
DATABASE_GONE = (OperationalError, InterfaceError)
LOST_WORKER = "hub.core.worker.WorkerLost"
APPLICATION_NAME_PREFIX = "hub-worker:"


def heartbeat_seconds() -> float:
    return float(getattr(settings, "WORKER_HEARTBEAT_SECONDS", 5))


def stale_seconds() -> float:
    return float(getattr(settings, "WORKER_STALE_SECONDS", 30))


def maintenance_seconds() -> float:
    return float(getattr(settings, "WORKER_MAINTENANCE_SECONDS", 15))


def backoff_max_seconds() -> float:
    return float(getattr(settings, "WORKER_BACKOFF_MAX_SECONDS", 30))


# Health ----------------------------------------------------------------------------------


def worker_status(*, now: datetime | None = None) -> dict[str, Any]:
    """The freshest worker's state for /healthz: "ok" (seen within WORKER_STALE_SECONDS),
    "stale" (with how long ago) or "never" (no worker has ever run against this database)."""
    now = now or timezone.now()
    last = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True)
    last_seen = last.first()
    if last_seen is None:
        return {"status": "never"}
    ago = max(0, int((now - last_seen).total_seconds()))
    return {"status": "ok" if ago <= stale_seconds() else "stale", "last_seen_seconds_ago": ago}


# Heartbeat and clean-up -------------------------------------------------------------------


def beat(*, worker_id: str, started_at: datetime, now: datetime | None = None) -> None:
    """Record that this worker is alive."""
    now = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "last_seen": now,
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
        },
    )


def live_worker_ids(*, now: datetime | None = None) -> set[str]:
    cutoff = (now or timezone.now()) - timedelta(seconds=stale_seconds())
    return set(
        WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True)
    )


def fail_dead_tasks(*, now: datetime | None = None, limit: int = 500) -> int:
    """Mark failed the task rows left "running" by a worker that is gone (its heartbeat older
    than WORKER_STALE_SECONDS, or it never had one), so none stays "running" for ever. Failed,
    not run again: a task may have done part of its work, and ours are re-run safely by their
    schedules (the notifications tick, event reminders) rather than blindly. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=stale_seconds())
    live = live_worker_ids(now=now)
    rows = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    failed = 0
    for pk, worker_ids, started_at in rows.values_list("pk", "worker_ids", "started_at")[:limit]:
        owner = worker_ids[-1] if worker_ids else ""
        if owner in live:
            continue
        failed += DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=LOST_WORKER,
            traceback=(
                f"{LOST_WORKER}: worker {owner or '(unknown)'} stopped while running this task "
                f"(no heartbeat for {int(stale_seconds())} s); marked failed at "
                f"{now.isoformat(timespec='seconds')}.\n"
            ),
        )
    if failed:
        logger.warning("Marked %s task(s) of stopped workers as failed", failed)
    return failed


def prune_heartbeats(*, now: datetime | None = None) -> int:
    """Forget workers not seen for a week (each start has a new id)."""
    cutoff = (now or timezone.now()) - timedelta(days=7)
    return WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()[0]


_heartbeat_calls: list[Callable[[], Any]] = []


def on_heartbeat(call: Callable[[], Any]) -> None:
    """Run `call()` at every beat of every worker (hub.notifications renews its outbox claims
    from NotificationsConfig.ready()); a call that raises counts as a failed beat."""
    if call not in _heartbeat_calls:
        _heartbeat_calls.append(call)


def maintenance(*, now: datetime | None = None) -> None:
    """What the heartbeat thread does every WORKER_MAINTENANCE_SECONDS; each step on its own,
    so one failing does not stop the others."""
    steps = [fail_dead_tasks, prune_heartbeats]
    steps += [import_string(path) for path in getattr(settings, "WORKER_PERIODIC_CALLS", [])]
    for step in steps:
        try:
            step()
        except Exception:
            logger.exception("Worker maintenance step %s failed", getattr(step, "__name__", step))


class Heartbeat(threading.Thread):
    """Beats every WORKER_HEARTBEAT_SECONDS on its own database connection, runs what was
    registered `on_heartbeat` (renewing this process's outbox claims), and runs `maintenance`
    now and then. Survives database outages: a failed beat is logged and tried again at the
    next one."""

    def __init__(self, *, worker_id: str, started_at: datetime):
        super().__init__(name="worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = started_at
        self.stopping = threading.Event()
        self.failures = 0

    def run(self) -> None:
        next_maintenance = 0.0
        while not self.stopping.is_set():
            try:
                close_old_connections()
                beat(worker_id=self.worker_id, started_at=self.started_at)
                for call in _heartbeat_calls:
                    call()
                if time.monotonic() >= next_maintenance:
                    maintenance()
                    next_maintenance = time.monotonic() + maintenance_seconds()
                if self.failures:
                    logger.warning("Worker heartbeat is back after %s failure(s)", self.failures)
                self.failures = 0
            except Exception as exc:
                self.failures += 1
                if self.failures == 1 or self.failures % 12 == 0:
                    logger.warning("Worker heartbeat failed (%s): %s", type(exc).__name__, exc)
                _drop_connections()
            self.stopping.wait(heartbeat_seconds())
        connections.close_all()

    def stop(self) -> None:
        self.stopping.set()


def _drop_connections() -> None:
    """Close this thread's database connections after a failure (a new one opens on the next
    query); closing a broken one may itself fail."""
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except Exception:
            conn.connection = None


# The worker --------------------------------------------------------------------------------


class ResilientWorker(Worker):
    """django-tasks-db's Worker that waits out a lost database instead of exiting."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.started_at = timezone.now()
        self.current: DBTaskResult | None = None
        self.interrupted: list[DBTaskResult] = []
        self.outages = 0

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.current = db_task_result
        super().run_task(db_task_result)
        self.current = None

    def run(self) -> None:
        heartbeat = Heartbeat(worker_id=self.worker_id, started_at=self.started_at)
        heartbeat.start()
        try:
            self._run_until_done()
        finally:
            heartbeat.stop()

    def _run_until_done(self) -> None:
        delay = 1.0
        while True:
            began = time.monotonic()
            try:
                self._settle_interrupted()
                super().run()
                return
            except DATABASE_GONE as exc:
                if self.current is not None:
                    self.interrupted.append(self.current)
                    self.current = None
                if time.monotonic() - began > backoff_max_seconds():
                    delay = 1.0  # it had been working for a while: a new outage starts small
                self.outages += 1
                wait = min(delay, backoff_max_seconds()) * random.uniform(0.8, 1.2)  # noqa: S311
                logger.warning(
                    "Database unavailable (%s: %s); worker %s retries in %.1f s",
                    type(exc).__name__,
                    str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                    self.worker_id,
                    wait,
                )
                _drop_connections()
                if not self.running:
                    return
                time.sleep(wait)
                delay = min(delay * 2, backoff_max_seconds())
                if not self.running:
                    return

    def _settle_interrupted(self) -> None:
        """Mark failed the tasks whose run a lost database cut short (still ours, still
        "running"); raises while the database is still away, so the loop waits again."""
        while self.interrupted:
            row = self.interrupted[0]
            DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                return_value=None,
                exception_class_path=f"{OperationalError.__module__}.OperationalError",
                traceback="The database went away while this task ran; marked failed.\n",
            )
            self.interrupted.pop(0)
