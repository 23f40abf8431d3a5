from django.tasks import task

from .models import Item


@task
def publish_scheduled_item(item_id: int) -> bool:
    from .services import item_complete_scheduled_publication

    item = Item.objects.filter(pk=item_id).first()
    return bool(item) and item_complete_scheduled_publication(item=item)
