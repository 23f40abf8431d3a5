"""The background worker survives its database, keeps a heartbeat for /healthz and cleans up
the task rows of workers that died (hub/core/worker.py, `manage.py run_worker`)."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from hub.core import worker as core_worker
from hub.core.models import WorkerHeartbeat
from hub.core.worker import ResilientWorker, fail_dead_tasks
from tests.unit.core.worker_tasks import echo

ROOT = Path(settings.BASE_DIR)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _heartbeat(worker_id: str, seconds_ago: float) -> WorkerHeartbeat:
    seen = timezone.now() - timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id, started_at=seen - timedelta(hours=1), last_seen=seen
    )


# /healthz ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_says_no_worker_was_ever_seen(client):
    body = json.loads(client.get("/healthz").content)

    assert body["worker"] == {"status": "never"}
    assert body["status"] == "degraded"


@pytest.mark.django_db
def test_healthz_says_the_worker_is_ok_while_its_heartbeat_is_fresh(client):
    _heartbeat("old", seconds_ago=3600)
    _heartbeat("fresh", seconds_ago=2)

    response = client.get("/healthz")
    body = json.loads(response.content)

    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["worker"]["status"] == "ok"
    assert body["worker"]["last_seen_seconds_ago"] <= 5


@pytest.mark.django_db
def test_healthz_says_how_long_ago_a_stale_worker_was_seen(client, settings):
    settings.WORKER_STALE_SECONDS = 30
    _heartbeat("quiet", seconds_ago=95)

    response = client.get("/healthz")
    body = json.loads(response.content)

    assert response.status_code == 200  # the web still serves; background work waits
    assert body["status"] == "degraded"
    assert body["worker"]["status"] == "stale"
    assert 95 <= body["worker"]["last_seen_seconds_ago"] < 100


# Dead task rows ----------------------------------------------------------------------------


def _running(worker_id: str, started_seconds_ago: float) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"value": worker_id}},
        task_path=echo.module_path,
        backend_name="default",
        status="RUNNING",
        started_at=timezone.now() - timedelta(seconds=started_seconds_ago),
        worker_ids=[worker_id],
    )


@pytest.mark.django_db
def test_a_task_left_running_by_a_dead_worker_is_marked_failed(settings):
    settings.WORKER_STALE_SECONDS = 30
    _heartbeat("dead", seconds_ago=120)
    _heartbeat("alive", seconds_ago=1)
    orphan = _running("dead", started_seconds_ago=300)
    never_beat = _running("plain-db-worker", started_seconds_ago=300)
    busy = _running("alive", started_seconds_ago=300)
    just_started = _running("starting", started_seconds_ago=1)

    assert fail_dead_tasks() == 2

    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[orphan.pk] == statuses[never_beat.pk] == "FAILED"
    assert statuses[busy.pk] == statuses[just_started.pk] == "RUNNING"
    orphan.refresh_from_db()
    assert orphan.exception_class_path == core_worker.LOST_WORKER
    assert "dead" in orphan.traceback and orphan.finished_at is not None
    assert fail_dead_tasks() == 0


# The worker waits out a lost database ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_out_a_lost_database_and_runs_the_next_task(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    settings.WORKER_PERIODIC_CALLS = []
    result = echo.enqueue(value="after the outage")
    real_get_locked = DBTaskResultQuerySet.get_locked
    failures = []

    def flaky(self):
        if len(failures) < 2:
            failures.append(1)
            raise OperationalError("terminating connection due to administrator command")
        return real_get_locked(self)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", flaky)
    monkeypatch.setattr(core_worker.time, "sleep", lambda seconds: None)
    worker = ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )

    worker.run()  # django-tasks-db's Worker raised OperationalError here and exited

    assert worker.outages >= 2  # a loaded SQLite may add a "table is locked" of its own
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, row.return_value) == ("SUCCESSFUL", "after the outage")


# A real worker process and a real PostgreSQL connection killed ----------------------------


def _postgres_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(*args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _postgres_url(),
        "DJANGO_SETTINGS_MODULE": "tests.unit.core.worker_settings",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-reload", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def stop_worker(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    out, _ = process.communicate(timeout=20)
    return out.decode(errors="replace")[-3000:]


def wait_for(check, *, timeout: float, process: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        if process is not None and process.poll() is not None:
            return bool(check())
        time.sleep(0.2)
    return False


def worker_backends() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND application_name LIKE %s",
            [core_worker.APPLICATION_NAME_PREFIX + "%"],
        )
        return [pid for (pid,) in cursor.fetchall()]


def set_connections_allowed(allowed: bool) -> None:
    """ALLOW_CONNECTIONS, set from a connection to the maintenance database (PostgreSQL refuses
    it for the database one is connected to); the test's own open connection is not affected."""
    import psycopg

    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        name = connection.ops.quote_name(db["NAME"])
        admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {str(allowed).lower()}")


def task_status(result_id) -> str | None:
    return DBTaskResult.objects.filter(pk=result_id).values_list("status", flat=True).first()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_survives_its_postgresql_connections_being_killed(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (pg_terminate_backend)")
    settings.TASKS = DATABASE_TASKS
    process = start_worker()
    try:
        first = echo.enqueue(value="before")
        assert wait_for(lambda: task_status(first.id) == "SUCCESSFUL", timeout=60, process=process)
        assert wait_for(lambda: len(worker_backends()) >= 1, timeout=20)

        # A restart, as the worker sees it: its connections are cut and, for a few seconds,
        # no new connection is accepted.
        set_connections_allowed(False)
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM unnest(%s) AS pid", [worker_backends()]
                )
            time.sleep(4)
            assert process.poll() is None, "the worker exited while the database was away"
        finally:
            set_connections_allowed(True)

        second = echo.enqueue(value="after")
        ran = wait_for(lambda: task_status(second.id) == "SUCCESSFUL", timeout=60, process=process)
        assert process.poll() is None, "the worker exited"
        assert ran, "the task enqueued after the outage did not run"
        assert wait_for(lambda: core_worker.worker_status()["status"] == "ok", timeout=10)
    finally:
        output = stop_worker(process)
    assert "Database unavailable" in output, output
