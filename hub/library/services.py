"""Every write to the library: permission check, state change, audit, side effects on commit."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify

from hub.core.queue import task_at
from hub.core.richtext import sanitize_html
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard
from hub.moderation.services import cleared_tokens, record_clearances, require_can_post
from hub.networks.access import can_see_network_content
from hub.search.services import index_on_commit, record_view
from hub.taxonomy.models import Category, Series
from hub.taxonomy.services import tags_from_names

from . import permissions as perms
from .files import check_attachment, random_storage_name
from .models import (
    AAR_QUESTIONS,
    GOOD_PRACTICE_FIELDS,
    SEIPS_FACTORS,
    Attachment,
    Item,
    ItemKind,
    ItemRevision,
    ItemStatus,
    ItemTransition,
    LearningResponse,
    SafetyAction,
)

STRUCTURED_TEXT_FIELDS = (
    [f for f, _, _ in GOOD_PRACTICE_FIELDS]
    + [f for f, _, _ in SEIPS_FACTORS]
    + [f for f, _ in AAR_QUESTIONS]
)
SIMPLE_FIELDS = ("title", "summary", "external_url", "country", "region", "setting", "is_anonymous")
# What the patient-data guard reads before an item is submitted or published.
PII_FIELDS = ("title", "summary", "body", "region", "gp_contact", *STRUCTURED_TEXT_FIELDS)


@dataclass
class SafetyActionData:
    description: str
    owner_role: str
    measure: str
    due_date: date
    strength: str
    status: str = "planned"


@dataclass
class ItemData:
    """What a writer sends: the form's cleaned data, independent of any form class."""

    kind: str
    title: str
    summary: str
    body: str
    categories: list[Category]
    tags: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    external_url: str = ""
    country: str = ""
    region: str = ""
    setting: str = "any"
    is_anonymous: bool = False
    series: Series | None = None
    learning_response: str = ""
    structured: dict[str, str] = field(default_factory=dict)
    safety_actions: list[SafetyActionData] | None = None
    network: Any = None  # a Network: the item is that network's own resource


# Reading the completeness rules -----------------------------------------------------------


def item_problems(item: Item) -> list[str]:
    """What stops this item from being submitted or published, in plain English."""
    problems = []
    if not item.title.strip():
        problems.append("Add a title.")
    if not item.summary.strip():
        problems.append("Add a short summary.")
    if not item.body.strip():
        problems.append("Write the main text.")
    if not item.categories.exists():
        problems.append("Choose at least one category.")
    if item.kind == ItemKind.GOOD_PRACTICE:
        for name, label, _ in GOOD_PRACTICE_FIELDS[:3]:
            if not getattr(item, name).strip():
                problems.append(f"Good practice needs “{label}”.")
    if item.kind == ItemKind.INCIDENT_LEARNING:
        if not item.learning_response:
            problems.append("Say which learning response was used.")
        if not any(getattr(item, name).strip() for name, _, _ in SEIPS_FACTORS):
            problems.append("Describe at least one contributory factor.")
        if item.learning_response == LearningResponse.AFTER_ACTION_REVIEW:
            for name, question in AAR_QUESTIONS:
                if not getattr(item, name).strip():
                    problems.append(f"An after action review must answer “{question}”")
    return problems


# The patient-data guard -------------------------------------------------------------------


def item_pii_fields(item: Item) -> dict[str, str]:
    fields = {name: getattr(item, name) or "" for name in PII_FIELDS}
    for n, action in enumerate(item.safety_actions.all(), start=1):
        fields[f"safety_action_{n}"] = (
            f"{action.description}\n{action.owner_role}\n{action.measure}"
        )
    for attachment in item.attachments.all():
        fields[f"attachment_{attachment.pk}"] = readable_file_name(attachment.original_name)
    return fields


def readable_file_name(name: str) -> str:
    """A file name as the guard reads it: "_" and "-" between words count as spaces, so
    "Mr_John_Smith_notes.pdf" reads like "Mr John Smith notes.pdf"."""
    return name.replace("_", " ").replace("+", " ")


def item_pii_labels() -> dict[str, str]:
    labels = {
        name: str(Item._meta.get_field(name).verbose_name).capitalize() for name in PII_FIELDS
    }
    labels.update({name: label for name, label, _ in GOOD_PRACTICE_FIELDS + SEIPS_FACTORS})
    labels.update({name: question for name, question in AAR_QUESTIONS})
    labels["body"] = "Main text"
    return labels


def _labels_for(fields: dict[str, str]) -> dict[str, str]:
    labels = item_pii_labels()
    for name, value in fields.items():
        if name.startswith("attachment_"):
            labels[name] = f"File name “{value}”"
    return labels


def item_pii(item: Item, *, by_reviewer: bool = False) -> pii_guard.Guard:
    """The guard's findings on this item, with the ones already cleared (by the author or,
    with by_reviewer, by a reviewer) marked as false alarms."""
    fields = item_pii_fields(item)
    return pii_guard.inspect(
        fields,
        false_alarms=cleared_tokens(item, by_reviewer=by_reviewer),
        labels=_labels_for(fields),
    )


@transaction.atomic
def item_pii_clear(*, actor: Any, item: Item, tokens: Iterable[str]) -> int:
    """A reviewer confirms findings are not patient information, so publishing may go on."""
    perms.require(perms.can_review_item(actor, item), "Only editors review items.")
    known = {flag.token for flag in item_pii(item).flags}
    return record_clearances(actor=actor, target=item, tokens=set(tokens) & known, by_reviewer=True)


@transaction.atomic
def item_pii_author_clear(*, actor: Any, item: Item, tokens: Iterable[str]) -> int:
    """The author ticks findings as not patient information (kept while they edit the rest)."""
    perms.require(perms.is_author(actor, item), "Only the author can do this.")
    known = {flag.token for flag in item_pii(item).flags}
    return record_clearances(
        actor=actor, target=item, tokens=set(tokens) & known, by_reviewer=False
    )


# Writing ----------------------------------------------------------------------------------


def _unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "item"
    slug, n = base, 2
    while Item.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(item: Item, data: ItemData) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}

    def put(name: str, value: Any) -> None:
        before = getattr(item, name)
        if before != value:
            changes[name] = (before, value)
            setattr(item, name, value)

    put("kind", data.kind)
    put("title", data.title.strip())
    put("summary", data.summary.strip())
    put("body", sanitize_html(data.body))
    put("external_url", data.external_url)
    put("country", data.country)
    put("region", data.region.strip())
    put("setting", data.setting)
    put("is_anonymous", data.is_anonymous)
    put("audiences", sorted(set(data.audiences)))
    put("series", data.series)
    put("learning_response", data.learning_response)
    for name in STRUCTURED_TEXT_FIELDS:
        put(name, (data.structured.get(name) or "").strip())
    return changes


def _save_relations(item: Item, data: ItemData) -> None:
    item.categories.set(data.categories)
    item.tags.set(tags_from_names(data.tags))
    if data.safety_actions is not None:
        item.safety_actions.all().delete()
        SafetyAction.objects.bulk_create(
            SafetyAction(item=item, position=i, **vars(action))
            for i, action in enumerate(data.safety_actions)
        )


def _record_revision(item: Item, actor: Any, note: str = "") -> ItemRevision:
    number = (item.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return ItemRevision.objects.create(
        item=item,
        number=number,
        title=item.title,
        summary=item.summary,
        body=item.body,
        created_by=actor if actor.is_authenticated else None,
        note=note,
    )


def _transition(item: Item, actor: Any, to_status: str, note: str = "") -> None:
    from_status = item.status
    item.status = to_status
    ItemTransition.objects.create(
        item=item, actor=actor, from_status=from_status, to_status=to_status, note=note
    )
    audit_record(
        action=f"library:item:{to_status}",
        actor=actor,
        target=item,
        reason=note,
        old={"status": from_status},
        new={"status": to_status},
    )


@transaction.atomic
def item_create(*, actor: Any, data: ItemData) -> Item:
    perms.require(actor.is_authenticated and actor.is_active, "Sign in to share learning.")
    require_can_post(actor)
    if data.network is not None:
        perms.require(
            can_see_network_content(actor, data.network.pk),
            "Only members of this network can add to its resources.",
        )
    item = Item(owner=actor, status=ItemStatus.DRAFT, network=data.network)
    _apply(item, data)
    item.slug = _unique_slug(item.title)
    item.save()
    _save_relations(item, data)
    _record_revision(item, actor, note="First draft")
    ItemTransition.objects.create(
        item=item, actor=actor, from_status="", to_status=ItemStatus.DRAFT
    )
    audit_record(action="library:item:create", actor=actor, target=item, new={"kind": item.kind})
    return item


@transaction.atomic
def item_update(*, actor: Any, item: Item, data: ItemData, note: str = "") -> Item:
    perms.require(perms.can_edit_item(actor, item), "You cannot edit this item now.")
    changes = _apply(item, data)
    item.save()
    _save_relations(item, data)
    if {"title", "summary", "body"} & changes.keys():
        _record_revision(item, actor, note=note)
    index_on_commit(item)
    if changes:
        audit_record(
            action="library:item:update",
            actor=actor,
            target=item,
            reason=note,
            old={k: v[0] for k, v in changes.items() if k != "body"},
            new={k: v[1] for k, v in changes.items() if k != "body"},
        )
    return item


@transaction.atomic
def item_submit(*, actor: Any, item: Item, pii_false_alarms: Iterable[str] = ()) -> Item:
    """Send the item to the editors. The patient-data guard runs first: findings the author
    has not marked as false alarms raise PersonalDataFound; the marks are kept for the
    reviewer, who must confirm them before publishing."""
    perms.require(perms.is_author(actor, item), "Only the author can submit this item.")
    require_can_post(actor)
    if item.status not in (ItemStatus.DRAFT, ItemStatus.RETURNED):
        raise ValidationError("This item has already been submitted.")
    problems = item_problems(item)
    if problems:
        raise ValidationError(problems)
    known = cleared_tokens(item, by_reviewer=False) | frozenset(pii_false_alarms)
    fields = item_pii_fields(item)
    guard = pii_guard.require_clean(fields, false_alarms=known, labels=_labels_for(fields))
    record_clearances(
        actor=actor,
        target=item,
        tokens=[flag.token for flag in guard.flags],
        by_reviewer=False,
    )
    item.submitted_at = timezone.now()
    _transition(item, actor, ItemStatus.SUBMITTED)
    item.save(update_fields=["status", "submitted_at", "updated"])
    _notify_reviewers(item, actor)
    return item


@transaction.atomic
def item_return(*, actor: Any, item: Item, note: str) -> Item:
    perms.require(perms.can_review_item(actor, item), "Only editors can return items.")
    if item.status != ItemStatus.SUBMITTED:
        raise ValidationError("Only items waiting for review can be returned.")
    if not note.strip():
        raise ValidationError("Tell the author what to change.")
    _transition(item, actor, ItemStatus.RETURNED, note.strip())
    item.save(update_fields=["status", "updated"])
    _notify_author(item, actor, "Your item needs some changes", note.strip())
    return item


@transaction.atomic
def item_publish(*, actor: Any, item: Item, at: datetime | None = None, note: str = "") -> Item:
    perms.require(perms.can_review_item(actor, item), "Only editors can publish items.")
    own_draft = item.owner_id == actor.pk and item.status == ItemStatus.DRAFT
    if item.status not in (ItemStatus.SUBMITTED, ItemStatus.SCHEDULED) and not own_draft:
        raise ValidationError("Only submitted items (or your own drafts) can be published.")
    problems = item_problems(item)
    if problems:
        raise ValidationError(problems)
    unresolved = item_pii(item, by_reviewer=True).open_flags
    if unresolved:
        raise ValidationError(
            [
                "This item may contain patient information. Edit it out, or confirm each "
                "finding is not patient information, before publishing: "
                + "; ".join(f"{f.kind_label} “{f.finding.text}”" for f in unresolved)
            ]
        )
    now = timezone.now()
    if at is not None and at > now:
        item.published_at = at
        _transition(item, actor, ItemStatus.SCHEDULED, note or f"Scheduled for {at:%d %b %Y %H:%M}")
        item.save(update_fields=["status", "published_at", "updated"])
        _notify_author(item, actor, "Your item is scheduled to be published", note)
        _schedule_publication(item)
        index_on_commit(item)
        return item
    item.published_at = now
    _transition(item, actor, ItemStatus.PUBLISHED, note)
    item.save(update_fields=["status", "published_at", "updated"])
    _notify_author(item, actor, "Your item is published", note)
    index_on_commit(item)
    transaction.on_commit(lambda: notify_followers_of_new_item(item_id=item.pk))
    return item


@transaction.atomic
def item_decline(*, actor: Any, item: Item, reason: str) -> Item:
    perms.require(perms.can_review_item(actor, item), "Only editors can decline items.")
    if item.status not in (ItemStatus.SUBMITTED, ItemStatus.RETURNED, ItemStatus.SCHEDULED):
        raise ValidationError("Only items in review can be declined.")
    if not reason.strip():
        raise ValidationError("Give the author a reason.")
    _transition(item, actor, ItemStatus.DECLINED, reason.strip())
    item.save(update_fields=["status", "updated"])
    _notify_author(item, actor, "Your item was not accepted", reason.strip())
    index_on_commit(item)
    return item


@transaction.atomic
def item_unpublish(*, actor: Any, item: Item, reason: str) -> Item:
    perms.require(perms.can_review_item(actor, item), "Only editors can unpublish items.")
    if not item.is_published:
        raise ValidationError("This item is not published.")
    _transition(item, actor, ItemStatus.RETURNED, reason.strip())
    item.save(update_fields=["status", "updated"])
    _notify_author(item, actor, "Your item was taken down for changes", reason.strip())
    index_on_commit(item)
    return item


@transaction.atomic
def item_feature(*, actor: Any, item: Item, featured: bool) -> Item:
    perms.require(perms.can_review_item(actor, item), "Only editors can feature items.")
    if item.featured != featured:
        audit_record(
            action="library:item:feature",
            actor=actor,
            target=item,
            old={"featured": item.featured},
            new={"featured": featured},
        )
        item.featured = featured
        item.save(update_fields=["featured", "updated"])
    return item


@transaction.atomic
def item_restore_revision(*, actor: Any, item: Item, revision: ItemRevision) -> Item:
    perms.require(perms.can_edit_item(actor, item), "You cannot edit this item now.")
    if revision.item_id != item.pk:
        raise PermissionDenied("That revision belongs to another item.")
    old = {"title": item.title}
    item.title, item.summary, item.body = revision.title, revision.summary, revision.body
    item.save(update_fields=["title", "summary", "body", "updated"])
    _record_revision(item, actor, note=f"Restored version {revision.number}")
    index_on_commit(item)
    audit_record(
        action="library:item:restore_revision",
        actor=actor,
        target=item,
        old=old,
        new={"title": item.title, "revision": revision.number},
    )
    return item


def item_record_view(*, item: Item) -> None:
    """Count a view. Not audited: it is a counter, not a decision."""
    Item.objects.filter(pk=item.pk).update(view_count=F("view_count") + 1)
    record_view(item)


@transaction.atomic
def attachment_add(*, actor: Any, item: Item, upload) -> Attachment:
    perms.require(perms.can_edit_item(actor, item), "You cannot change this item now.")
    checked = check_attachment(upload)
    # A file name is shown with the item: the patient-data guard reads it before it is kept.
    # Renaming a file is easy, so there is no "not patient information" tick here.
    guard = pii_guard.inspect(
        {"file_name": readable_file_name(checked.original_name)},
        labels={"file_name": "The file name"},
    )
    if guard.blocked:
        raise ValidationError(pii_guard.described(guard), code="pii")
    attachment = Attachment(
        item=item,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    attachment.file.save(random_storage_name(checked.extension), checked.content, save=False)
    attachment.save()
    audit_record(
        action="library:attachment:add",
        actor=actor,
        target=item,
        new={"attachment": checked.original_name, "size": checked.size},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: Any, attachment: Attachment) -> None:
    item = attachment.item
    perms.require(perms.can_edit_item(actor, item), "You cannot change this item now.")
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: attachment.file.storage.delete(name))
    audit_record(
        action="library:attachment:remove",
        actor=actor,
        target=item,
        old={"attachment": attachment.original_name},
    )


# Telling people ---------------------------------------------------------------------------


def _notify_author(item: Item, actor: Any, title: str, note: str) -> None:
    from hub.notifications.services import notify

    recipients = [item.owner, *item.co_authors.all()]
    body = f"“{item.title}”" + (f"\n\nNote from the editor: {note}" if note else "")
    notify(
        recipients=recipients,
        kind="library:decision",
        title=f"{title}: {item.title}",
        body=body,
        url=item.get_absolute_url(),
        actor=actor,
        target=item,
    )


def _notify_reviewers(item: Item, actor: Any) -> None:
    from hub.notifications.services import notify

    users = get_user_model().objects.filter(is_active=True)
    if item.network_id:
        # A network's resources are reviewed by its leaders and moderators, nobody outside.
        reviewers = list(
            users.filter(
                network_memberships__network_id=item.network_id,
                network_memberships__role__in=["leader", "moderator"],
            ).distinct()
        )
    else:
        reviewers = list(users.filter(groups__permissions__codename="review_item").distinct())
    notify(
        recipients=reviewers,
        kind="library:review",
        title=f"New item to review: {item.title}",
        body=item.summary,
        url=item.get_absolute_url(),
        actor=actor,
        target=item,
    )


def notify_followers_of_new_item(*, item_id: int) -> None:
    """Tell followers of the item's categories (and their areas) and tags that it is out."""
    from hub.engagement.queries import followers_of
    from hub.notifications.services import notify

    item = Item.objects.filter(pk=item_id).first()
    if item is None or not item.is_published:
        return
    categories = list(item.categories.select_related("parent"))
    targets = [*categories, *{c.parent for c in categories if c.parent_id}, *item.tags.all()]
    if item.network_id:
        targets.append(item.network)
    user_ids = followers_of(targets=targets)
    if not user_ids:
        return
    recipients = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if item.network_id:
        recipients = recipients.filter(network_memberships__network_id=item.network_id)
    recipients = list(recipients)
    where = ", ".join(c.name for c in categories[:2]) or (
        item.network.name if item.network_id else "the library"
    )
    notify(
        recipients=recipients,
        kind="library:new_item",
        title=f"New in {where}: {item.title}",
        body=item.summary,
        url=item.get_absolute_url(),
        actor=None if item.is_anonymous else item.owner,
        target=item,
    )


def _schedule_publication(item: Item) -> None:
    publish_scheduled_item = task_at("hub.library.tasks.publish_scheduled_item")
    backend = publish_scheduled_item.get_backend()
    if backend.supports_defer:
        transaction.on_commit(
            lambda: publish_scheduled_item.using(run_after=item.published_at).enqueue(item.pk)
        )


@transaction.atomic
def item_complete_scheduled_publication(*, item: Item) -> bool:
    """The scheduled time has come: mark it published and tell followers (run by a task)."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.status != ItemStatus.SCHEDULED or not item.is_published:
        return False
    item.status = ItemStatus.PUBLISHED
    item.save(update_fields=["status"])
    ItemTransition.objects.create(
        item=item,
        actor=None,
        from_status=ItemStatus.SCHEDULED,
        to_status=ItemStatus.PUBLISHED,
        note="Published at the scheduled time",
    )
    audit_record(action="library:item:published_on_schedule", target=item)
    index_on_commit(item)
    transaction.on_commit(lambda: notify_followers_of_new_item(item_id=item.pk))
    return True
