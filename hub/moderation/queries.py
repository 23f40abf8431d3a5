"""Reads that moderation pages share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from hub.core.models import AuditEntry
from hub.core.params import ascii_int

from .models import Case, CaseStatus, Source


def held_targets_of(*, member: Any) -> set[tuple[int, int]]:
    """(content type id, object id) of the member's posts waiting for a moderator."""
    return set(
        Case.objects.filter(member=member, source=Source.HELD, status=CaseStatus.OPEN)
        .exclude(object_id=None)
        .values_list("content_type_id", "object_id")
    )


def case_queue(*, filters: dict[str, str]) -> QuerySet[Case]:
    cases = Case.objects.select_related("content_type", "member", "resolved_by")
    status = filters.get("status") or CaseStatus.OPEN
    if status in CaseStatus.values:  # "any" shows every case
        cases = cases.filter(status=status)
    if filters.get("source") in Source.values:
        cases = cases.filter(source=filters["source"])
    if filters.get("reason"):
        cases = cases.filter(top_reason=filters["reason"])
    kind = filters.get("kind")
    if kind == "member":
        cases = cases.filter(is_member_report=True)
    elif kind:
        app_label, _, model = kind.partition(".")
        ct = ContentType.objects.filter(app_label=app_label, model=model).first()
        cases = cases.filter(content_type=ct) if ct else cases.none()
    return cases.prefetch_related("target").order_by("-created", "-id")


def audit_entries(*, filters: dict[str, str]) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if filters.get("action"):
        entries = entries.filter(action__startswith=filters["action"])
    if filters.get("actor"):
        entries = entries.filter(actor__username=filters["actor"])
    if filters.get("since"):
        entries = entries.filter(created__date__gte=filters["since"])
    if filters.get("until"):
        entries = entries.filter(created__date__lte=filters["until"])
    return entries.order_by("-created", "-id")


ANONYMOUS_AUTHOR = "Anonymous (the author)"


def mask_anonymous_authors(entries: Iterable[AuditEntry]) -> None:
    """Set ``shown_actor`` on each entry, hiding who wrote anonymous posts.

    An entry is masked when it records an anonymous post (``new_values["anonymous"]``) or
    when its actor is the author of the anonymous post it is about. One query per content kind
    on the page, whatever its length.
    """
    from django.apps import apps

    from . import registry

    entries = list(entries)
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.target_type and entry.actor_id:
            wanted.setdefault(entry.target_type, set()).add(entry.target_id)
    anonymous_authors: dict[tuple[str, str], int] = {}
    for label, ids in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        if not registry.is_registered(model):
            continue
        author_field = "owner_id" if hasattr(model, "owner_id") else "author_id"
        numeric = [i for i in ids if ascii_int(i) is not None]
        for pk, author_id in model._default_manager.filter(
            pk__in=numeric, is_anonymous=True
        ).values_list("pk", author_field):
            anonymous_authors[(label, str(pk))] = author_id
    for entry in entries:
        masked = entry.new_values.get("anonymous") is True or (
            anonymous_authors.get((entry.target_type, entry.target_id)) == entry.actor_id
            and entry.actor_id is not None
        )
        entry.shown_old = str(entry.old_values)
        entry.shown_new = str(entry.new_values)
        entry.shown_reason = entry.reason
        if masked:
            entry.shown_actor = ANONYMOUS_AUTHOR
            # Values can carry the author's name too (say, an uploaded file's name).
            names = [n for n in (entry.actor.username, entry.actor.display_name) if n]
            for attribute in ("shown_old", "shown_new", "shown_reason"):
                value = getattr(entry, attribute)
                for name in names:
                    value = re.sub(re.escape(name), "[the author]", value, flags=re.IGNORECASE)
                setattr(entry, attribute, value)
        elif entry.actor is not None:
            entry.shown_actor = entry.actor.username
        else:
            entry.shown_actor = "The hub (automatic)"
