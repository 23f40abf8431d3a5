"""Library items, categories and tags take part in comments, reactions and follows."""

from hub.engagement.registry import EngageableKind, register
from hub.taxonomy.models import Category, Tag
from hub.taxonomy.queries import can_see_tag

from .models import Item
from .permissions import can_view_item


def _item_counts_changed(item: Item, comments: int, reactions: int) -> None:
    Item.objects.filter(pk=item.pk).update(comment_count=comments, reaction_count=reactions)


def _signed_in(user, obj) -> bool:
    return bool(user.is_authenticated and user.is_active)


def register_library_kinds() -> None:
    register(
        EngageableKind(
            model=Item,
            can_view=can_view_item,
            can_engage=lambda user, item: _signed_in(user, item) and item.is_published,
            on_counts_changed=_item_counts_changed,
        )
    )
    register(
        EngageableKind(
            model=Category,
            can_view=lambda user, obj: True,
            can_engage=lambda user, obj: False,
            can_follow=_signed_in,
        )
    )
    # A tag exists for a viewer only while content they may see carries it (tags_visible_to):
    # following one they may not know of answers as if there were no such tag.
    register(
        EngageableKind(
            model=Tag,
            can_view=can_see_tag,
            can_engage=lambda user, obj: False,
            can_follow=_signed_in,
        )
    )
