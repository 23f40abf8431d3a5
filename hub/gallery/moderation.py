"""Error traps under moderation (hub.moderation.registry): they can be reported, hidden,
shown again and edited from the moderation queue, like every other kind of content.

An error trap is out of public view until a moderator publishes it, so a trap still waiting
for review counts as hidden; approving it from the queue publishes it. Moderation has checked
the actor and writes the audit entry, so these adapters only change state.
"""

from django.db import transaction
from django.utils import timezone

from hub.moderation.registry import register

from .models import ErrorTrap, TrapStatus
from .permissions import can_view_trap

TEXT_FIELDS = ("title", "hazard", "fix_ideas", "where_seen", "caption", "alt_text")
LIMITS = {"title": 150, "where_seen": 150, "caption": 300, "alt_text": 300}


def _hide(trap: ErrorTrap, reason: str) -> None:
    trap.is_hidden = True
    trap.hidden_reason = reason
    trap.save(update_fields=["is_hidden", "hidden_reason", "updated"])


def _unhide(trap: ErrorTrap, reason: str) -> None:
    trap.is_hidden = False
    trap.hidden_reason = ""
    newly_published = trap.status == TrapStatus.PENDING
    if newly_published:
        trap.status = TrapStatus.PUBLISHED
        trap.published_at = timezone.now()
    trap.save(update_fields=["is_hidden", "hidden_reason", "status", "published_at", "updated"])
    if newly_published:
        from .services import notify_followers_of_new_trap

        transaction.on_commit(lambda: notify_followers_of_new_trap(trap_id=trap.pk))


def _edit(trap: ErrorTrap, fields: dict[str, str], note: str) -> None:
    for name in TEXT_FIELDS:
        value = (fields.get(name) or "").strip()
        if name in fields and (value or name not in ("title", "alt_text")):
            setattr(trap, name, value[: LIMITS[name]] if name in LIMITS else value)
    trap.save(update_fields=[*TEXT_FIELDS, "updated"])


def register_moderated_kinds() -> None:
    register(
        ErrorTrap,
        label="Error trap",
        hide=_hide,
        unhide=_unhide,
        is_hidden=lambda trap: not trap.is_published,
        edit=_edit,
        fields_of=lambda trap: {name: getattr(trap, name) for name in TEXT_FIELDS},
        author_of=lambda trap: trap.owner,
        url_of=lambda trap: trap.get_absolute_url(),
        is_anonymous=lambda trap: trap.is_anonymous,
        can_view=can_view_trap,
    )
