"""How moderation reaches any kind of content: a small adapter per content kind.

A content kind registers once, in its AppConfig.ready (see ``hub/community/moderation.py``)::

    from hub.moderation import registry

    registry.register(
        ErrorTrap,
        label="Error trap",
        hide=lambda obj, reason: ...,      # take it out of public view (keep the row)
        unhide=lambda obj, reason: ...,    # put it back
        is_hidden=lambda obj: ...,         # is it out of public view now?
        edit=lambda obj, fields, note: ...,  # replace text fields {"title": ..., "body": ...}
        fields_of=lambda obj: {...},       # the text a moderator reads and may edit
        rich_fields=frozenset({"body"}),   # which of those are sanitised HTML (default none)
        author_of=lambda obj: obj.author,  # the member behind it (even when anonymous)
        url_of=lambda obj: obj.get_absolute_url(),
        is_anonymous=lambda obj: obj.is_anonymous,
        can_view=lambda viewer, obj: ...,  # may this member see it (and so report it)?
        can_moderate=lambda viewer, obj: ...,  # optional: may this moderator act on it?
    )

``can_moderate`` keeps private network content away from moderators who are not allowed to
see it (default: any moderator): the queue lists, counts and opens a case only for those it
allows. ``select_related`` and ``prefetch_related`` (optional) name what it reads, so the
queue checks many cases in a fixed number of queries.

The callables change state only; ``hub.moderation.services`` has already checked the
actor's permission and writes the audit entry, so they must not check permissions again
(automatic hiding after reports has no human actor). ``fields_of`` values are plain text,
except those named in ``rich_fields``, which are stored sanitised HTML; the case page escapes
plain text and prints rich fields only through the sanitiser. ``edit`` receives the same keys.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class ModeratedKind:
    model: type[models.Model]
    label: str
    hide: Callable[[Any, str], None]
    unhide: Callable[[Any, str], None]
    is_hidden: Callable[[Any], bool]
    edit: Callable[[Any, dict[str, str], str], None]
    fields_of: Callable[[Any], dict[str, str]]
    author_of: Callable[[Any], Any]
    url_of: Callable[[Any], str]
    is_anonymous: Callable[[Any], bool]
    can_view: Callable[[Any, Any], bool]
    can_moderate: Callable[[Any, Any], bool] = lambda viewer, obj: True
    # The names in fields_of that hold rich text (sanitised HTML); every other one is plain.
    rich_fields: frozenset[str] = frozenset()
    # Called when a held post is approved: tell followers and mentioned members now, as
    # publishing would have (their notifications were skipped while it was hidden).
    on_released: Callable[[Any], None] = lambda obj: None
    # What can_moderate reads, so the queue checks a page of cases in a few queries.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()


_kinds: dict[type[models.Model], ModeratedKind] = {}


def register(model: type[models.Model], **adapter: Any) -> ModeratedKind:
    kind = ModeratedKind(model=model, **adapter)
    _kinds[model._meta.concrete_model] = kind
    return kind


def kind_for(obj_or_model: models.Model | type[models.Model]) -> ModeratedKind:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    try:
        return _kinds[model._meta.concrete_model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered for moderation") from None


def is_registered(model: type[models.Model]) -> bool:
    return model._meta.concrete_model in _kinds


def registered_models() -> list[type[models.Model]]:
    return list(_kinds)
