"""What a member has written, composed from the content kinds that register here.

Each content kind registers once (in its AppConfig.ready) a function that returns what one
member wrote, newest first, marking each entry `is_held` when it waits for moderation; the
member's own "My posts" page shows every registered list under its name. Accounts imports no
content app: a new kind of content appears there by registering.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

HeldTargets = set[tuple[int, int]]  # (content type id, object id) of what waits for review


@dataclass(frozen=True)
class AuthoredKind:
    # The name the page's template knows the list by ("items", "posts", "comments").
    key: str
    # Everything `member` wrote of this kind, each with `is_held` set from `held`.
    written_by: Callable[..., Iterable[Any]]


_kinds: dict[str, AuthoredKind] = {}


def register(kind: AuthoredKind) -> None:
    _kinds[kind.key] = kind


def written_by(*, member: Any) -> dict[str, Any]:
    """Every registered kind's list of what `member` wrote, by key (for the member only)."""
    from hub.moderation.queries import held_targets_of

    held = held_targets_of(member=member)
    return {key: kind.written_by(member=member, held=held) for key, kind in _kinds.items()}
