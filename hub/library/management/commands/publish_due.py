from django.core.management.base import BaseCommand
from django.utils import timezone

from hub.library.models import Item, ItemStatus
from hub.library.services import item_complete_scheduled_publication


class Command(BaseCommand):
    help = "Complete scheduled publications whose time has passed (a safety net for the worker)."

    def handle(self, *args, **options):
        due = Item.objects.filter(status=ItemStatus.SCHEDULED, published_at__lte=timezone.now())
        done = sum(item_complete_scheduled_publication(item=item) for item in due)
        self.stdout.write(f"Published {done} scheduled item(s).")
