"""Start (or restart) the notifications schedule: run by scripts/run-hub before the worker."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from hub.notifications.models import ScheduledJob
from hub.notifications.tasks import TICK_JOB, schedule_next_tick


class Command(BaseCommand):
    help = "Enqueue the repeating notifications task (digests and the email outbox)."

    def handle(self, *args, **options):
        # Due now: whichever tick comes first takes the turn; any older chain loses its next
        # turn and stops, so there is never more than one chain for long.
        ScheduledJob.objects.update_or_create(
            name=TICK_JOB, defaults={"next_run_at": timezone.now()}
        )
        if schedule_next_tick(delay_seconds=0):
            self.stdout.write("Notifications schedule started.")
        else:
            self.stdout.write("This task backend cannot schedule; nothing enqueued.")
