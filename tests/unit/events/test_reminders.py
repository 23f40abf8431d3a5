"""Reminders 24 hours before each session: sent once, to confirmed attendees only, even when
two workers run or a run is repeated; and the task that re-queues itself."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from hub.events import recurrence, services, tasks
from hub.events.models import Repeat
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db


def test_a_confirmed_attendee_is_reminded_once_the_day_before_by_site_and_email(
    organiser, member, django_capture_on_commit_callbacks
):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=3, capacity=1)
    first, second, _ = recurrence.occurrence_starts(event)
    services.registration_create(actor=member, event=event, start=first)
    services.registration_create(actor=member, event=event, start=second)
    waiting = MemberFactory()
    services.registration_create(actor=waiting, event=event, start=first)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=first - timedelta(hours=25)) == 0
        assert services.reminders_send(now=first - timedelta(hours=23)) == 1
        assert services.reminders_send(now=first - timedelta(hours=22)) == 0
    note = Notification.objects.get(recipient=member, kind="events:reminder")
    assert note.title == "Tomorrow: “Friday drop-in”"
    assert "Friday 4 January 2030, 12:30–13:30" in note.body
    assert "https://meet.example.org/dropin-secret" in note.body
    assert note.url == event.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Tomorrow" in mail.outbox[0].subject
    assert not Notification.objects.filter(recipient=waiting).exists()
    # The next week's session gets its own reminder, a week later.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=second - timedelta(hours=2)) == 1
    assert Notification.objects.filter(recipient=member, kind="events:reminder").count() == 2


def test_a_second_worker_or_a_rerun_never_sends_a_reminder_again(organiser, member):
    event = make_event(organiser)
    start = recurrence.occurrence_starts(event)[0]
    registration = services.registration_create(actor=member, event=event, start=start)
    now = start - timedelta(hours=3)
    # Another worker already claimed this registration: this run must skip it.
    assert services._remind(registration.pk, now=now) == 1
    assert services._remind(registration.pk, now=now) == 0
    assert services.reminders_send(now=now) == 0
    assert Notification.objects.filter(kind="events:reminder").count() == 1


def test_a_reminder_that_fails_to_be_recorded_is_not_marked_sent(organiser, member, monkeypatch):
    event = make_event(organiser)
    start = recurrence.occurrence_starts(event)[0]
    registration = services.registration_create(actor=member, event=event, start=start)

    def broken_notify(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("hub.notifications.services.notify", broken_notify)
    with pytest.raises(RuntimeError):
        services.reminders_send(now=start - timedelta(hours=1))
    registration.refresh_from_db()
    assert registration.reminded_at is None  # rolled back with the notification: retried later
    monkeypatch.undo()
    assert services.reminders_send(now=start - timedelta(hours=1)) == 1


def test_cancelled_places_sessions_and_events_get_no_reminder(organiser):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=2)
    first, second = recurrence.occurrence_starts(event)
    leaver, other = MemberFactory(), MemberFactory()
    services.registration_create(actor=leaver, event=event, start=first)
    services.registration_cancel(actor=leaver, event=event, start=first)
    services.registration_create(actor=other, event=event, start=second)
    services.occurrence_cancel(actor=organiser, event=event, start=second)
    assert services.reminders_send(now=first - timedelta(hours=1)) == 0
    assert services.reminders_send(now=second - timedelta(hours=1)) == 0
    assert not Notification.objects.filter(kind="events:reminder").exists()


def test_the_reminder_task_runs_the_reminders_without_requeuing_under_the_immediate_backend(
    organiser, member
):
    event = make_event(organiser)
    start = recurrence.occurrence_starts(event)[0]
    services.registration_create(actor=member, event=event, start=start)
    result = tasks.send_event_reminders.enqueue()
    assert result.return_value == 0  # the session is years away
    assert tasks.schedule_next_reminders() is False
    assert tasks.ensure_reminders_scheduled() is False


@pytest.fixture
def database_tasks():
    """The worker's backend (django-tasks-db) instead of the tests' immediate one."""
    from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend

    real = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = DatabaseBackend(
        alias=DEFAULT_TASK_BACKEND_ALIAS, params={}
    )
    yield
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = real


def test_with_the_database_worker_there_is_always_exactly_one_queued_reminder_run(
    database_tasks,
):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    runs = DBTaskResult.objects.filter(task_path=tasks.send_event_reminders.module_path)
    call_command("schedule_event_reminders", stdout=io.StringIO())
    call_command("schedule_event_reminders", stdout=io.StringIO())
    assert runs.filter(status="READY").count() == 1
    # A run (by any worker) replaces whatever is queued with one run a few minutes later.
    assert tasks.schedule_next_reminders() is True
    assert tasks.schedule_next_reminders() is True
    assert runs.filter(status="READY").count() == 1
    assert runs.get(status="READY").run_after > timezone.now() + timedelta(minutes=4)
