from typing import Any

from django.db import models

from .models import AuditEntry


def audit_record(
    *,
    action: str,
    actor: Any = None,
    target: models.Model | None = None,
    reason: str = "",
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record a state change. Called by every service that changes domain state."""
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        actor=actor_obj,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        reason=reason,
        old_values=_jsonable(old or {}),
        new_values=_jsonable(new or {}),
    )


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or isinstance(value, bool | int | float | str):
            out[key] = value
        elif isinstance(value, list | tuple | set):
            out[key] = [str(v) for v in value]
        else:
            out[key] = str(value)
    return out
