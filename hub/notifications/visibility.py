"""May this member still see what a notification is about? Asked again when emails are sent.

A notification made with `target=` remembers its object. Before its email or a digest that
lists it goes out, the object is loaded again and checked: a model registered here answers with
its own function (each kind registers from its AppConfig.ready(); this module imports no
kind); otherwise a fallback answers (hub.engagement registers one: a kind registered with it
answers with its can_view).
An object that is gone, or a model nobody answers for, counts as not visible (fail closed).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

_checks: dict[type[models.Model], Callable[[Any, models.Model], bool]] = {}
_loading: dict[type[models.Model], tuple[tuple[str, ...], tuple[str, ...]]] = {}
_fallbacks: list[Callable[[Any, models.Model], bool | None]] = []


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


def register_fallback(check: Callable[[Any, models.Model], bool | None]) -> None:
    """`check(user, obj)` answers for models nobody registered: True or False, or None when it
    does not know the model (hub.engagement answers for the kinds registered with it)."""
    if check not in _fallbacks:
        _fallbacks.append(check)


def can_view(user: Any, obj: models.Model) -> bool:
    """May the user see obj? (Comments ask about the thing they are on.)"""
    check = _checks.get(type(obj)._meta.concrete_model)
    if check is not None:
        return bool(check(user, obj))
    for fallback in _fallbacks:
        answer = fallback(user, obj)
        if answer is not None:
            return bool(answer)
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
            allowed[key] = obj is not None and can_view(user, obj)
        if allowed[key]:
            out.append(n)
    return out
