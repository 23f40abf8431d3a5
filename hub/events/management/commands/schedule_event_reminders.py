from django.core.management.base import BaseCommand

from hub.events.tasks import ensure_reminders_scheduled


class Command(BaseCommand):
    help = (
        "Make sure the event reminder task is queued (it then re-queues itself every few "
        "minutes). Safe to run at every start."
    )

    def handle(self, *args, **options):
        if ensure_reminders_scheduled():
            self.stdout.write("Event reminders scheduled.")
        else:
            self.stdout.write(
                "Event reminders already scheduled (or the task backend runs tasks at once)."
            )
