"""May this member still see what a notification is about? Asked again when emails are sent.

A notification made with `target=` remembers its object. Before its email or a digest that
lists it goes out, the object is loaded again and checked: a model registered here answers with
its own function; otherwise a kind registered with hub.engagement answers with its can_view.
An object that is gone, or a model nobody answers for, counts as not visible (fail closed).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

_checks: dict[type[models.Model], Callable[[Any, models.Model], bool]] = {}
_loading: dict[type[models.Model], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def register(
    model: type[models.Model],
    can_view: Callable[[Any, models.Model], bool],
    *,
    select_related: tuple[str, ...] = (),
    prefetch_related: tuple[str, ...] = (),
) -> None:
    """`can_view(user, obj)` answers for the model; the related names let a page of
    notifications load their objects (and what can_view reads) in a fixed number of queries."""
    concrete = model._meta.concrete_model
    _checks[concrete] = can_view
    _loading[concrete] = (select_related, prefetch_related)


def _can_view(user: Any, obj: models.Model) -> bool:
    check = _checks.get(type(obj)._meta.concrete_model)
    if check is not None:
        return bool(check(user, obj))
    from hub.engagement import registry

    if registry.is_registered(type(obj)):
        return bool(registry.kind_for(obj).can_view(user, obj))
    return False


def visible_notifications(user: Any, notifications: Iterable[Any]) -> list[Any]:
    """The notifications (of one recipient) whose object the user may still see, in order.

    Loads the objects in one query per content type; notifications without a target stay.
    """
    notifications = list(notifications)
    wanted: dict[int, set[int]] = defaultdict(set)
    for n in notifications:
        if n.target_type_id is not None and n.target_id is not None:
            wanted[n.target_type_id].add(n.target_id)
    objects: dict[tuple[int, int], models.Model] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        rows = model._default_manager.filter(pk__in=ids)
        select, prefetch = _loading.get(model._meta.concrete_model, ((), ()))
        if select:
            rows = rows.select_related(*select)
        if prefetch:
            rows = rows.prefetch_related(*prefetch)
        for obj in rows:
            objects[(type_id, obj.pk)] = obj
    allowed: dict[tuple[int, int], bool] = {}
    out = []
    for n in notifications:
        if n.target_type_id is None or n.target_id is None:
            out.append(n)
            continue
        key = (n.target_type_id, n.target_id)
        if key not in allowed:
            obj = objects.get(key)
            allowed[key] = obj is not None and _can_view(user, obj)
        if allowed[key]:
            out.append(n)
    return out


def register_defaults() -> None:
    """Comments and forum posts: visible while not deleted or hidden, where they sit is;
    library items as the library says (loaded with what its check reads); join requests."""
    from hub.community import permissions as community_perms
    from hub.community.models import Post
    from hub.engagement.models import Comment
    from hub.library.models import Item
    from hub.library.permissions import can_view_item
    from hub.networks.models import JoinRequest
    from hub.networks.permissions import can_manage

    def comment_visible(user: Any, comment: Any) -> bool:
        target = comment.target
        return comment.is_visible and target is not None and _can_view(user, target)

    def post_visible(user: Any, post: Any) -> bool:
        return community_perms.post_is_visible(post) and community_perms.can_view_topic(
            user, post.topic
        )

    register(Comment, comment_visible, prefetch_related=("target",))
    register(Post, post_visible, select_related=("topic",))
    register(Item, can_view_item, prefetch_related=("co_authors",))
    # A join request's answer is for the network's leaders (and the person who asked) only.
    register(
        JoinRequest,
        lambda user, request: request.user_id == user.pk or can_manage(user, request.network),
        select_related=("network",),
    )
