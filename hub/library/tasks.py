from django.tasks import task

from .models import Item
from .services import item_complete_scheduled_publication


@task
def publish_scheduled_item(item_id: int) -> bool:
    item = Item.objects.filter(pk=item_id).first()
    return bool(item) and item_complete_scheduled_publication(item=item)
