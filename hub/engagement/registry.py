"""The small interface a content kind implements to take comments, reactions and follows.

Each kind registers once (in its AppConfig.ready) with functions that answer for one object:
who may see it, who may comment on or react to it, and what to do when its counts change.
Services and queries in hub.engagement call these; they never guess a kind's rules.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class EngageableKind:
    model: type[models.Model]
    # May this viewer see the object (and so its comments and reactions)?
    can_view: Callable[[Any, models.Model], bool]
    # May this viewer comment on or react to it now (published, not locked, signed in, …)?
    can_engage: Callable[[Any, models.Model], bool]
    # Keep the object's denormalised counts (for sorting) in step: (obj, comments, reactions).
    on_counts_changed: Callable[[models.Model, int, int], None] | None = None
    # May this viewer follow it? Defaults to can_view for signed-in members.
    can_follow: Callable[[Any, models.Model], bool] | None = None
    # Does this kind allow anonymous comments?
    allows_anonymous: bool = True


_kinds: dict[type[models.Model], EngageableKind] = {}


def register(kind: EngageableKind) -> None:
    _kinds[kind.model] = kind


def kind_for(obj_or_model: models.Model | type[models.Model]) -> EngageableKind:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    model = model._meta.concrete_model
    try:
        return _kinds[model]
    except KeyError:
        raise LookupError(
            f"{model.__name__} does not take comments, reactions or follows"
        ) from None


def is_registered(model: type[models.Model]) -> bool:
    return model._meta.concrete_model in _kinds
