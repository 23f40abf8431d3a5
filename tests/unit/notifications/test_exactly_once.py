"""Sending survives a worker killed mid-batch: every email goes out exactly once.

Real worker processes (`manage.py notifications_deliver`) send from the outbox into a mail
backend that records each message in the database inside the sending transaction. The first
worker SIGKILLs itself right after handing over its 5th message (before marking it sent); then
two workers restart side by side. Every message must be recorded once: none lost, none twice.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from hub.notifications import services
from hub.notifications.models import Notification, OutboundEmail
from tests.factories import MemberFactory

from .recording_mail import CREATE_SQL, TABLE

ROOT = Path(settings.BASE_DIR)
EMAILS = 12
KILL_AFTER = 5


def _database_url(tmp_path: Path) -> tuple[str, Path | None]:
    """Where the worker processes find this test's data (a file copy for in-memory SQLite)."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "outbox.sqlite3"
        target = sqlite3.connect(copy)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}", copy
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}", None


def _worker(url: str, *args: str, kill_after: int = 0) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.unit.notifications.worker_settings",
        "KILL_AFTER_SENDS": str(kill_after),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "notifications_deliver", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _finish(worker: subprocess.Popen) -> tuple[int, str]:
    _, err = worker.communicate(timeout=120)
    return worker.returncode, err.decode()[-2000:]


def _query(copy: Path | None, sql: str) -> list[tuple]:
    if copy is not None:
        with sqlite3.connect(copy) as db:
            return db.execute(sql).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_then_restarted_sends_every_email_exactly_once(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(services, "_enqueue_delivery", lambda ids: None)  # workers send
    members = MemberFactory.create_batch(EMAILS)
    for member in members:
        services.notify(recipients=[member], kind="community:mention", title="You were mentioned")
    assert OutboundEmail.objects.filter(status="pending").count() == EMAILS
    with connection.cursor() as cursor:
        cursor.execute(CREATE_SQL)
    url, copy = _database_url(tmp_path)
    try:
        code, err = _finish(_worker(url, kill_after=KILL_AFTER))
        assert code == -9, err

        # The kill rolled back the 5th message with its "sent" mark: 4 out, 1 claimed, 7 waiting.
        assert _query(copy, f"SELECT COUNT(*) FROM {TABLE}") == [(KILL_AFTER - 1,)]
        statuses = dict(
            _query(copy, "SELECT status, COUNT(*) FROM notifications_outboundemail GROUP BY status")
        )
        assert statuses == {"sent": KILL_AFTER - 1, "sending": 1, "pending": EMAILS - KILL_AFTER}

        time.sleep(1.5)  # the dead worker's claim is now older than the restart's 1 s lease
        restarted = [_worker(url, "--lease-seconds", "1") for _ in range(2)]
        for worker in restarted:
            code, err = _finish(worker)
            assert code == 0, err

        recorded = _query(
            copy, f"SELECT message_id, COUNT(*) FROM {TABLE} GROUP BY message_id ORDER BY 1"
        )
        expected = sorted(
            f"<notification-{pk}@localhost>"
            for pk in Notification.objects.values_list("pk", flat=True)
        )
        assert sorted(message_id for message_id, _ in recorded) == expected
        assert {count for _, count in recorded} == {1}
        assert dict(
            _query(copy, "SELECT status, COUNT(*) FROM notifications_outboundemail GROUP BY status")
        ) == {"sent": EMAILS}
        recipients = [r for (r,) in _query(copy, f"SELECT recipient FROM {TABLE}")]
        assert sorted(recipients) == sorted(m.email for m in members)
    finally:
        if copy is None:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_killed_mid_batch_leaves_nothing_unsent_beyond_the_lease_nor_sent_twice(
    settings, monkeypatch
):
    """`manage.py run_worker` (timings scaled down: 4 s lease, 3 s heartbeat staleness) is
    SIGKILLed after handing over its 5th message; a second worker sends the rest within the
    lease and a few seconds, each once, and fails the dead worker's task row."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (workers side by side on one live test database)")
    from django_tasks_db.models import DBTaskResult

    from hub.notifications.tasks import deliver_outbox
    from tests.unit.core.test_worker import DATABASE_TASKS, start_worker, stop_worker, wait_for

    monkeypatch.setattr(services, "_enqueue_delivery", lambda ids: None)
    members = MemberFactory.create_batch(EMAILS)
    for member in members:
        services.notify(recipients=[member], kind="community:mention", title="You were mentioned")
    with connection.cursor() as cursor:
        cursor.execute(CREATE_SQL)
    settings.TASKS = DATABASE_TASKS
    batch = deliver_outbox.enqueue()
    monkeypatch.setenv("KILL_AFTER_SENDS", str(KILL_AFTER))
    second = None
    try:
        first = start_worker()
        first.wait(timeout=120)
        output = stop_worker(first)  # dead already: reads what it wrote
        assert first.returncode == -9, output
        killed = time.monotonic()
        assert _query(None, f"SELECT COUNT(*) FROM {TABLE}") == [(KILL_AFTER - 1,)]
        assert DBTaskResult.objects.get(pk=batch.id).status == "RUNNING"

        monkeypatch.setenv("KILL_AFTER_SENDS", "0")
        second = start_worker()
        statuses = lambda: dict(  # noqa: E731
            _query(None, "SELECT status, COUNT(*) FROM notifications_outboundemail GROUP BY 1")
        )
        assert wait_for(lambda: statuses() == {"sent": EMAILS}, timeout=60, process=second)
        assert time.monotonic() - killed < 4 + 10  # the lease, then the next maintenance

        recorded = _query(None, f"SELECT message_id, COUNT(*) FROM {TABLE} GROUP BY 1 ORDER BY 1")
        assert len(recorded) == EMAILS
        assert {count for _, count in recorded} == {1}
        assert wait_for(
            lambda: DBTaskResult.objects.get(pk=batch.id).status == "FAILED", timeout=20
        )
        assert not DBTaskResult.objects.filter(status="RUNNING").exists()
        assert second.poll() is None
    finally:
        if second is not None:
            stop_worker(second)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
