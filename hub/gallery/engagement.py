"""Error traps take comments (fixes), reactions and follows through hub.engagement."""

from hub.engagement.registry import EngageableKind, register

from .models import ErrorTrap
from .permissions import can_engage, can_view_trap


def _counts_changed(trap: ErrorTrap, comments: int, reactions: int) -> None:
    ErrorTrap.objects.filter(pk=trap.pk).update(comment_count=comments, reaction_count=reactions)


def register_gallery_kinds() -> None:
    register(
        EngageableKind(
            model=ErrorTrap,
            can_view=can_view_trap,
            can_engage=can_engage,
            on_counts_changed=_counts_changed,
        )
    )
