"""`manage.py run_worker`: the background task worker, surviving database restarts.

The same options as django-tasks-db's `db_worker` (which it extends), but it waits out a lost
database with back-off instead of exiting, keeps a heartbeat for /healthz and cleans up the
tasks of workers that died (hub/core/worker.py). `make run`, `make worker` and production use
this command, never `db_worker`.
"""

import os

from django.core.management.base import CommandError
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from hub.core.worker import APPLICATION_NAME_PREFIX, ResilientWorker


class Command(DbWorkerCommand):
    help = "Run the background task worker; it survives database restarts (see docs)."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        _name_connections(worker_id)
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()


def _name_connections(worker_id: str) -> None:
    """On PostgreSQL, name this process's connections (pg_stat_activity.application_name), so
    an operator (and the fault test) can tell the worker's connections apart."""
    for alias in connections:
        db = connections.settings[alias]
        if db["ENGINE"] == "django.db.backends.postgresql":
            options = db.setdefault("OPTIONS", {})
            options.setdefault("application_name", f"{APPLICATION_NAME_PREFIX}{worker_id}"[:63])
