"""The repeating notifications task: runs without cron, one turn per interval whatever the
number of workers, and a chain that survives restarts (tasks are rows in the database)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.notifications import services, tasks
from hub.notifications.models import ScheduledJob

pytestmark = pytest.mark.django_db

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    """The django-tasks-db backend `make run` uses (Django resets its backends on change)."""
    settings.TASKS = DB_BACKEND


def test_only_one_of_two_workers_takes_a_turn(settings):
    settings.NOTIFICATIONS_TICK_SECONDS = 60
    now = timezone.now()

    assert tasks.claim_turn(now) is True
    assert tasks.claim_turn(now) is False  # the second worker, same moment
    assert tasks.claim_turn(now + timedelta(seconds=30)) is False
    assert tasks.claim_turn(now + timedelta(seconds=61)) is True
    assert ScheduledJob.objects.get().next_run_at == now + timedelta(seconds=121)


def test_a_tick_that_loses_its_turn_does_nothing_and_ends_its_chain(member, mailoutbox):
    services.notify(recipients=[member], kind="community:mention", title="Hi")
    tasks.claim_turn()

    assert tasks.notifications_tick.call() == {"skipped": 1}
    assert mailoutbox == []


def test_a_tick_builds_digests_and_empties_the_outbox(member, mailoutbox):
    services.notify(recipients=[member], kind="community:mention", title="Hi")

    counts = tasks.notifications_tick.call()

    assert counts["sent"] == 1 and counts["daily_digests"] == 0
    assert len(mailoutbox) == 1


def test_without_a_deferring_backend_nothing_is_scheduled():
    assert tasks.schedule_next_tick() is False


def test_the_schedule_command_starts_one_chain_in_the_database(database_tasks):
    call_command("notifications_schedule", stdout=io.StringIO())

    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "hub.notifications.tasks.notifications_tick"
    assert queued.run_after <= timezone.now()
    assert ScheduledJob.objects.get().next_run_at <= timezone.now()


def test_a_tick_enqueues_the_next_one_before_its_work(database_tasks, settings):
    settings.NOTIFICATIONS_TICK_SECONDS = 60

    tasks.notifications_tick.call()

    (queued,) = DBTaskResult.objects.filter(status="READY")
    assert timedelta(seconds=55) < queued.run_after - timezone.now() <= timedelta(seconds=60)
    assert tasks.notifications_tick.call() == {"skipped": 1}  # early duplicate: no new chain
    assert DBTaskResult.objects.filter(status="READY").count() == 1
