"""Send what the notifications outbox holds now (operators; the exactly-once test)."""

from django.core.management.base import BaseCommand

from hub.notifications import outbox


class Command(BaseCommand):
    help = "Claim and send waiting notification emails, exactly once each."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Stop after this many")
        parser.add_argument(
            "--lease-seconds",
            type=int,
            default=None,
            help="Take over claims older than this (a worker that died); default from settings",
        )

    def handle(self, *args, limit=None, lease_seconds=None, **options):
        counts = outbox.deliver_pending(limit=limit, lease=lease_seconds)
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing")
