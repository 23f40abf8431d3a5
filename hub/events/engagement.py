"""Events take part in follows (hub.engagement): followers hear of changes and cancellations."""

from hub.engagement.registry import EngageableKind, register

from .models import Event
from .permissions import can_view_event, signed_in


def _never(user, event) -> bool:
    return False


def _can_follow(user, event: Event) -> bool:
    return signed_in(user) and can_view_event(user, event)


def register_event_kind() -> None:
    register(
        EngageableKind(
            model=Event, can_view=can_view_event, can_engage=_never, can_follow=_can_follow
        )
    )
