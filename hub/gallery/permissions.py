"""Who may do what with error traps. Checks answer True/False; services raise on False."""

from typing import Any

from .models import ErrorTrap, TrapStatus

REVIEW_PERMISSION = "gallery.review_errortrap"


def is_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_moderate(user: Any) -> bool:
    """Moderators (and administrators) review, blur, publish, decline and hide error traps."""
    return is_member(user) and user.has_perm(REVIEW_PERMISSION)


def is_owner(user: Any, trap: ErrorTrap) -> bool:
    return bool(user.is_authenticated and trap.owner_id == user.pk)


def can_view_trap(user: Any, trap: ErrorTrap) -> bool:
    if trap.is_published:
        return True
    if is_owner(user, trap):
        return True
    # Moderators see everything submitted; an uploader's unfinished draft stays theirs.
    return can_moderate(user) and trap.status != TrapStatus.DRAFT


def can_edit_trap(user: Any, trap: ErrorTrap) -> bool:
    """The uploader finishes their draft; after that only moderators change it."""
    if can_moderate(user) and trap.status != TrapStatus.DRAFT:
        return True
    return is_owner(user, trap) and trap.status == TrapStatus.DRAFT and is_member(user)


def can_engage(user: Any, trap: ErrorTrap) -> bool:
    return is_member(user) and trap.is_published
