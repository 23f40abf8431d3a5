"""Build library items through the real services, in any workflow state."""

from datetime import timedelta

from django.utils import timezone

from hub.library import services
from hub.library.models import Item, ItemKind
from hub.library.services import ItemData, SafetyActionData
from hub.taxonomy.models import Category


def a_category(name: str | None = None) -> Category:
    categories = Category.objects.filter(parent__isnull=False)
    return categories.get(name=name) if name else categories.order_by("pk").first()


def item_data(**overrides) -> ItemData:
    values = dict(
        kind=ItemKind.ARTICLE,
        title="Safer handover at shift change",
        summary="How one ward made handover safer.",
        body="<p>We used a structured handover tool.</p>",
        categories=[a_category()],
        tags=["handover", "communication"],
        audiences=["staff"],
    )
    values.update(overrides)
    return ItemData(**values)


def incident_data(**overrides) -> ItemData:
    values = dict(
        kind=ItemKind.INCIDENT_LEARNING,
        title="Missed deterioration overnight",
        summary="Learning from a delayed escalation.",
        body="<p>Observations were recorded but not escalated.</p>",
        categories=[a_category()],
        learning_response="after_action_review",
        structured={
            "factor_tasks": "Observations rounds clashed with medicine rounds.",
            "aar_expected": "Escalation within 30 minutes of a high score.",
            "aar_happened": "Escalation after three hours.",
            "aar_difference": "The alert went to a shared device nobody carried.",
            "aar_learned": "Alerts must reach a named role on a carried device.",
        },
        safety_actions=[
            SafetyActionData(
                description="Route alerts to the nurse in charge's handset.",
                owner_role="Digital nursing lead",
                measure="Time from high score to review",
                due_date=timezone.localdate() + timedelta(days=60),
                strength="stronger",
            )
        ],
    )
    values.update(overrides)
    return ItemData(**values)


def draft(owner, **overrides) -> Item:
    return services.item_create(actor=owner, data=item_data(**overrides))


def submitted(owner, **overrides) -> Item:
    item = draft(owner, **overrides)
    return services.item_submit(actor=owner, item=item)


def published(owner, editor, **overrides) -> Item:
    item = submitted(owner, **overrides)
    return services.item_publish(actor=editor, item=item)
