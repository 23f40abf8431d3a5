"""Reads that moderation pages share."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from hub.core.models import AuditEntry

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
    if status in CaseStatus.values:
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
