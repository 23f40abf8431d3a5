from contextlib import contextmanager
from datetime import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

from hub.accounts.demo import DEMO_PASSWORD, MEMBERS, ORGANISATIONS
from hub.accounts.models import Organisation, User
from hub.community.demo import load_community_demo, quieten_demo_notifications
from hub.core.services import audit_record
from hub.events.demo import load_events_demo
from hub.library.demo import load_library_demo
from hub.networks.demo import load_networks_demo

# Tasks the services queue to tell people about new comments and posts. The demo runs them
# straight away, so that the notifications they create can be quietened with the rest.
NOTIFYING_TASKS = {
    "hub.community.tasks.notify_about_post",
    "hub.engagement.tasks.notify_about_comment",
}
EMAIL_TASK = "hub.notifications.tasks.send_notification_email"


@contextmanager
def _tasks_held():
    """Demo only: while the demo loads, tasks the services queue are held in memory (Django's
    dummy task backend) instead of going to the worker. The real backend comes back after."""
    real = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    held = DummyBackend(alias=DEFAULT_TASK_BACKEND_ALIAS, params={})
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = held
    try:
        yield held
    finally:
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = real


def _settle(held: DummyBackend, *, since: datetime) -> list:
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
        quieten_demo_notifications(since=since)
    # Emails queued for the notifications just quietened would be skipped: drop them.
    for result in [*results, *held.results]:
        if result.task.module_path == EMAIL_TASK:
            pk = result.kwargs.get("notification_id")
            if Notification.objects.filter(pk=pk, emailed_at__isnull=True).exists():
                later.append(result)
    return later


class Command(BaseCommand):
    help = "Load the demo community (embedded demo only). Safe to run again: keeps existing data."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "Demo accounts have published passwords: never loaded in production."
            )
        started = timezone.now()
        with _tasks_held() as held:
            with transaction.atomic():
                self._load()
            # Committed: the tasks queued on commit are now held.
            later = _settle(held, since=started)
        for result in later:
            result.task.enqueue(*result.args, **result.kwargs)

    def _load(self) -> None:
        organisations = {}
        for name, kind, country in ORGANISATIONS:
            organisations[name], _ = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "country": country}
            )
        created = 0
        for (
            username,
            email,
            display_name,
            first,
            last,
            member_type,
            organisation,
            job_title,
            country,
            roles,
            about,
        ) in MEMBERS:
            if User.objects.filter(username=username).exists():
                continue  # keep whatever the demo user changed since
            user = User(
                username=username,
                email=email,
                display_name=display_name,
                first_name=first,
                last_name=last,
                member_type=member_type,
                job_title=job_title,
                country=country,
                about=about,
                organisation=organisations.get(organisation),
                is_staff="Administrator" in roles,
                is_superuser="Administrator" in roles,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=r) for r in ["Member", *roles]])
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            audit_record(action="accounts:member:demo_create", target=user)
            created += 1
        self.stdout.write(f"Demo community ready: {created} new member(s), {len(MEMBERS)} in all.")
        items = load_library_demo(stdout=self.stdout)
        self.stdout.write(f"Demo library ready: {items} new item(s).")
        networks = load_networks_demo(stdout=self.stdout)
        self.stdout.write(f"Demo networks ready: {networks} new network(s).")
        topics = load_community_demo(stdout=self.stdout)
        self.stdout.write(f"Demo forums ready: {topics} new discussion(s).")
        load_events_demo(stdout=self.stdout)
