"""Settings for the `manage.py run_worker` subprocesses of the worker fault tests: the real
database task backend, and the worker's timings scaled down (seconds, not tens of seconds)."""

from tests.unit.notifications.worker_settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER_HEARTBEAT_SECONDS = 0.5
WORKER_STALE_SECONDS = 3
WORKER_MAINTENANCE_SECONDS = 1
WORKER_BACKOFF_MAX_SECONDS = 2
NOTIFICATIONS_CLAIM_LEASE_SECONDS = 4
WORKER_PERIODIC_CALLS = ["hub.notifications.tasks.resume_outbox"]
