"""Reads that moderation pages share."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from hub.core.models import AuditEntry
from hub.core.params import ascii_int

from . import registry
from .models import Case, CaseStatus, Source


def held_targets_of(*, member: Any) -> set[tuple[int, int]]:
    """(content type id, object id) of the member's posts waiting for a moderator."""
    return set(
        Case.objects.filter(member=member, source=Source.HELD, status=CaseStatus.OPEN)
        .exclude(object_id=None)
        .values_list("content_type_id", "object_id")
    )


def hidden_case_ids(*, viewer: Any, cases: QuerySet[Case]) -> list[int]:
    """Ids of the cases (among ``cases``) the viewer may not see: referrals and cases about
    content they may not moderate (another network's private content, or content now gone).

    One query for the cases, then one (plus what each kind names to load) per content kind.
    """
    from . import services

    if services.is_safeguarding_lead(viewer):
        return []
    if not services.is_moderator(viewer):
        return list(cases.values_list("pk", flat=True))
    rows = list(cases.values_list("pk", "content_type_id", "object_id", "source"))
    wanted: dict[int, set[int]] = defaultdict(set)
    for _, type_id, object_id, source in rows:
        if type_id is not None and source != Source.REFERRAL:
            wanted[type_id].add(object_id)
    allowed: set[tuple[int, int]] = set()
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not registry.is_registered(model):
            continue
        kind = registry.kind_for(model)
        objects = model._default_manager.filter(pk__in=ids)
        if kind.select_related:
            objects = objects.select_related(*kind.select_related)
        if kind.prefetch_related:
            objects = objects.prefetch_related(*kind.prefetch_related)
        for obj in objects:
            if kind.can_moderate(viewer, obj):
                allowed.add((type_id, obj.pk))
    return [
        pk
        for pk, type_id, object_id, source in rows
        if source == Source.REFERRAL
        or (type_id is not None and (type_id, object_id) not in allowed)
    ]


def visible_cases(*, viewer: Any, cases: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """The cases the viewer may see: what the queue lists and counts, and the case page opens."""
    cases = Case.objects.all() if cases is None else cases
    hidden = hidden_case_ids(viewer=viewer, cases=cases)
    return cases.exclude(pk__in=hidden) if hidden else cases


def case_queue(*, viewer: Any, filters: dict[str, str]) -> QuerySet[Case]:
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
    cases = visible_cases(viewer=viewer, cases=cases)
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
        # The author's own action on an anonymous post is dated to the day only (issue 21).
        entry.anonymous_source = masked
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
