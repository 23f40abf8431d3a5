"""Every write to the gallery: permission check, state change, audit, side effects on commit.

The life of an error trap: the uploader sends a photo (kept only re-encoded from its pixels)
and a few words, a draft; they add the details and send it for review (pending); a moderator
blurs what must not be seen, then publishes or declines it with a reason.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hub.core.images import ImageLimits, Region, obscure_regions, reencode_image, resized_copies
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard
from hub.moderation import services as moderation
from hub.search.services import index_on_commit
from hub.taxonomy.models import CareSetting, Category
from hub.taxonomy.services import tags_from_names

from . import permissions as perms
from .models import ErrorTrap, TrapStatus

ANONYMOUS_NAME = "Anonymous"
IMAGE_WIDTHS = (400, 800, 1600)
MAX_REGIONS = 8
RESERVED_SLUGS = {"share", "mine", "review", "image", "category", "tag"}  # gallery URLs


# Defaults; a deployment may set GALLERY_MAX_BYTES / _PIXELS / _SIDE in settings.
MAX_BYTES = 12 * 1024 * 1024
# Pictures over 40 megapixels are refused, not downscaled: decoding one would need over
# 160 MB of memory per upload before it could be shrunk. The check reads only the header.
MAX_PIXELS = 40_000_000
MAX_SIDE = 2400  # the largest stored size; phone photos are scaled down to it


def image_limits() -> ImageLimits:
    return ImageLimits(
        max_bytes=getattr(settings, "GALLERY_MAX_BYTES", MAX_BYTES),
        max_pixels=getattr(settings, "GALLERY_MAX_PIXELS", MAX_PIXELS),
        max_side=getattr(settings, "GALLERY_MAX_SIDE", MAX_SIDE),
    )


@dataclass
class TrapDetails:
    """What an uploader (or a moderator) writes about the photo: a form's cleaned data."""

    title: str
    hazard: str
    fix_ideas: str = ""
    setting: str = CareSetting.ANY
    where_seen: str = ""
    caption: str = ""
    alt_text: str = ""
    categories: list[Category] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    is_anonymous: bool = False


FIELD_LABELS = {
    "title": "Title",
    "hazard": "What could go wrong",
    "fix_ideas": "Ideas to fix it",
    "where_seen": "Where it was seen",
    "caption": "Caption",
    "alt_text": "Describe the photo",
    "tags": "Tags",
}


def public_text(data: TrapDetails) -> dict[str, str]:
    """Every field of an error trap that anyone will read: what the patient-data guard scans."""
    return {
        "title": data.title,
        "hazard": data.hazard,
        "fix_ideas": data.fix_ideas,
        "where_seen": data.where_seen,
        "caption": data.caption,
        "alt_text": data.alt_text,
        "tags": ", ".join(t.strip() for t in data.tags),
    }


def _open_cases(trap: ErrorTrap):
    from django.contrib.contenttypes.models import ContentType

    from hub.moderation.models import Case, CaseStatus

    return Case.objects.filter(
        content_type=ContentType.objects.get_for_model(ErrorTrap),
        object_id=trap.pk,
        status=CaseStatus.OPEN,
    )


def _resolve_cases(trap: ErrorTrap, actor: Any, resolve) -> bool:
    """Close the moderation cases open on this trap; True when there were any."""
    if not moderation.is_moderator(actor):
        return False
    cases = list(_open_cases(trap))
    for case in cases:
        resolve(case)
    return bool(cases)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:150] or "error-trap"
    if base in RESERVED_SLUGS or base.startswith("draft-"):
        base = f"error-trap-{base}"
    slug, n = base, 2
    while ErrorTrap.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _store_picture(trap: ErrorTrap, content: bytes) -> list[str]:
    """Write the picture at every width under a fresh key; return the storage names written."""
    copies = resized_copies(content, widths=IMAGE_WIDTHS)
    trap.image_key = uuid.uuid4().hex
    trap.image_ext = copies[-1][2].name.rsplit(".", 1)[-1]
    names = [default_storage.save(trap.storage_name(w), copy) for w, _, copy in copies]
    trap.image_width, trap.image_height = copies[-1][0], copies[-1][1]
    trap.image_widths = [width for width, _, _ in copies]
    return names


def _stored_names(trap: ErrorTrap) -> list[str]:
    return [trap.storage_name(width) for width in trap.image_widths]


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _check_text(data: TrapDetails) -> None:
    problems = {}
    if not data.title.strip():
        problems["title"] = "Give the error trap a short title."
    if not data.hazard.strip():
        problems["hazard"] = "Say what could go wrong."
    if not data.alt_text.strip():
        problems["alt_text"] = "Describe the photo for people who cannot see it."
    if problems:
        raise ValidationError(problems)
    # Tags are refused outright (no false-alarm tick), before the guard reads the rest.
    pii_guard.require_clean_tags(data.tags)


# Uploading -----------------------------------------------------------------------------------


@transaction.atomic
def trap_upload(*, actor: Any, upload: Any, alt_text: str, consent: bool) -> ErrorTrap:
    """Start an error trap from a photo. The photo is re-encoded from its pixels (upright,
    metadata-free) before anything is stored; the original bytes are never written."""
    _require(perms.is_member(actor), "Sign in to share an error trap.")
    moderation.require_can_post(actor)
    if not consent:
        raise ValidationError(
            {"consent": "Confirm that nobody can be identified and that you may share the photo."}
        )
    if not alt_text.strip():
        raise ValidationError({"alt_text": "Describe the photo for people who cannot see it."})
    picture = reencode_image(upload, limits=image_limits())
    trap = ErrorTrap(
        owner=actor,
        status=TrapStatus.DRAFT,
        title="",
        slug=f"draft-{uuid.uuid4().hex[:16]}",
        alt_text=alt_text.strip()[:300],
        consent_at=timezone.now(),
    )
    # Files written before a rollback stay behind unreachable: pictures are only served
    # through a row that names their key.
    _store_picture(trap, picture.read())
    trap.save()
    audit_record(
        action="gallery:trap:upload",
        actor=actor,
        target=trap,
        new={"image": trap.image_key, "width": trap.image_width, "height": trap.image_height},
    )
    return trap


def _apply(trap: ErrorTrap, data: TrapDetails) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    values = {
        "title": data.title.strip()[:150],
        "hazard": data.hazard.strip(),
        "fix_ideas": data.fix_ideas.strip(),
        "setting": data.setting if data.setting in CareSetting.values else CareSetting.ANY,
        "where_seen": data.where_seen.strip()[:150],
        "caption": data.caption.strip()[:300],
        "alt_text": data.alt_text.strip()[:300],
        "is_anonymous": data.is_anonymous,
    }
    for name, value in values.items():
        before = getattr(trap, name)
        if before != value:
            changes[name] = (before, value)
            setattr(trap, name, value)
    return changes


def _save_details(trap: ErrorTrap, data: TrapDetails) -> dict[str, tuple[Any, Any]]:
    _check_text(data)
    changes = _apply(trap, data)
    if trap.status == TrapStatus.DRAFT or trap.slug.startswith("draft-"):
        trap.slug = _unique_slug(trap.title, exclude_pk=trap.pk)
    trap.save()
    trap.categories.set(data.categories)
    trap.tags.set(tags_from_names(data.tags))
    return changes


@transaction.atomic
def trap_submit(
    *,
    actor: Any,
    trap: ErrorTrap,
    data: TrapDetails,
    pii_false_alarms: Iterable[str] = (),
) -> ErrorTrap:
    """The uploader adds the details to their draft and sends it to the moderators.

    The words go through the patient-data guard first (hub.moderation.guard). Findings stop
    the submission (PersonalDataFound) unless the uploader ticks each as a false alarm; then
    the findings go to the moderation queue with the trap, for the moderator to judge.
    """
    _require(
        perms.is_owner(actor, trap) and perms.can_edit_trap(actor, trap),
        "Only the uploader can send their draft for review.",
    )
    moderation.require_can_post(actor)
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    if trap.status != TrapStatus.DRAFT:
        raise ValidationError("This error trap has already been sent for review.")
    _check_text(data)
    guard = pii_guard.require_clean(
        public_text(data), false_alarms=pii_false_alarms, labels=FIELD_LABELS
    )
    _save_details(trap, data)
    trap.status = TrapStatus.PENDING
    trap.submitted_at = timezone.now()
    trap.save(update_fields=["status", "submitted_at", "updated"])
    audit_record(
        action="gallery:trap:submit",
        actor=actor,
        target=trap,
        old={"status": TrapStatus.DRAFT},
        new={"status": TrapStatus.PENDING},
    )
    if guard.held:
        moderation.hold_for_review(
            actor=actor,
            target=trap,
            findings=guard.findings_by_field(),
            note="The uploader says these are not patient details.",
        )
    return trap


@transaction.atomic
def trap_edit(*, actor: Any, trap: ErrorTrap, data: TrapDetails, note: str) -> ErrorTrap:
    """A moderator corrects the words of a submitted error trap, saying why."""
    _require(perms.can_moderate(actor), "Only moderators can edit an error trap.")
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    _require(perms.can_edit_trap(actor, trap), "A draft belongs to its uploader.")
    if not note.strip():
        raise ValidationError({"note": "Say why you changed it."})
    changes = _save_details(trap, data)
    audit_record(
        action="gallery:trap:edit",
        actor=actor,
        target=trap,
        reason=note.strip(),
        old={k: v[0] for k, v in changes.items()},
        new={k: v[1] for k, v in changes.items()},
    )
    index_on_commit(trap)
    return trap


@transaction.atomic
def trap_delete(*, actor: Any, trap: ErrorTrap) -> None:
    """The uploader withdraws an error trap that is not published; its files go with it."""
    _require(perms.is_owner(actor, trap), "Only the uploader can withdraw an error trap.")
    if trap.status == TrapStatus.PUBLISHED:
        raise ValidationError("A published error trap can only be removed by a moderator.")
    names = _stored_names(trap)
    audit_record(action="gallery:trap:delete", actor=actor, target=trap)
    index_on_commit(trap)  # before delete(), which forgets the pk
    trap.delete()
    transaction.on_commit(lambda: _delete_files(names))


# Moderating ----------------------------------------------------------------------------------


@transaction.atomic
def trap_blur(*, actor: Any, trap: ErrorTrap, regions: list[Region]) -> ErrorTrap:
    """Blur rectangles of the picture. Every stored size is rebuilt from the blurred picture
    under a new key, and every file of the old key is deleted: the unblurred pixels cannot be
    fetched again, from any address."""
    _require(perms.can_moderate(actor), "Only moderators can blur a photo.")
    if not regions:
        raise ValidationError("Mark at least one area to blur.")
    if len(regions) > MAX_REGIONS:
        raise ValidationError(f"Blur at most {MAX_REGIONS} areas at a time.")
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    _require(trap.status != TrapStatus.DRAFT, "A draft belongs to its uploader.")
    old_names = _stored_names(trap)
    old_key = trap.image_key
    with default_storage.open(old_names[-1], "rb") as full:
        blurred = obscure_regions(full.read(), regions=regions)
    _store_picture(trap, blurred.read())
    trap.blurred_regions += len(regions)
    trap.save()
    audit_record(
        action="gallery:trap:blur",
        actor=actor,
        target=trap,
        old={"image": old_key},
        new={
            "image": trap.image_key,
            "regions": [[r.left, r.top, r.width, r.height] for r in regions],
        },
    )
    # The old files go once the new key is committed (until then the row still names them).
    transaction.on_commit(lambda: _delete_files(old_names))
    return trap


def _review_transition(trap: ErrorTrap, actor: Any, to_status: str, reason: str = "") -> None:
    from_status = trap.status
    trap.status = to_status
    trap.reviewed_by = actor
    audit_record(
        action=f"gallery:trap:{to_status}",
        actor=actor,
        target=trap,
        reason=reason,
        old={"status": from_status},
        new={"status": to_status},
    )


@transaction.atomic
def trap_publish(*, actor: Any, trap: ErrorTrap) -> ErrorTrap:
    _require(perms.can_moderate(actor), "Only moderators can publish an error trap.")
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    if trap.status not in (TrapStatus.PENDING, TrapStatus.DECLINED):
        raise ValidationError("Only an error trap waiting for review can be published.")
    _review_transition(trap, actor, TrapStatus.PUBLISHED)
    trap.published_at = timezone.now()
    trap.decline_reason = ""
    trap.save()
    index_on_commit(trap)
    # The moderator has judged any findings held with it: close those cases (they tell the
    # uploader); otherwise the gallery tells them.
    if not _resolve_cases(
        trap,
        actor,
        lambda case: moderation.case_approve(
            actor=actor, case=case, note="Published from the gallery."
        ),
    ):
        _tell_owner(
            trap,
            actor,
            kind="gallery:published",
            title=f"Your error trap is published: {trap.title}",
            body="Thank you for sharing it. Others can now see it, comment and suggest fixes.",
        )
    transaction.on_commit(lambda: notify_followers_of_new_trap(trap_id=trap.pk))
    return trap


def notify_followers_of_new_trap(*, trap_id: int) -> None:
    """Tell followers of the trap's categories (and their areas) and tags that it is out.

    The message names no author, so an anonymous trap stays anonymous; its uploader is left
    out even when they follow one of them.
    """
    from django.contrib.auth import get_user_model

    from hub.engagement.queries import followers_of
    from hub.notifications.services import notify

    trap = ErrorTrap.objects.filter(pk=trap_id).first()
    if trap is None or not trap.is_published:
        return
    categories = list(trap.categories.select_related("parent"))
    targets = [*categories, *{c.parent for c in categories if c.parent_id}, *trap.tags.all()]
    user_ids = followers_of(targets=targets) - {trap.owner_id}
    if not user_ids:
        return
    notify(
        recipients=list(get_user_model().objects.filter(pk__in=user_ids, is_active=True)),
        kind="gallery:new_trap",
        title=f"New error trap: {trap.title}",
        body=trap.hazard[:300],
        url=trap.get_absolute_url(),
        target=trap,
    )


@transaction.atomic
def trap_decline(*, actor: Any, trap: ErrorTrap, reason: str) -> ErrorTrap:
    _require(perms.can_moderate(actor), "Only moderators can decline an error trap.")
    if not reason.strip():
        raise ValidationError({"reason": "Tell the uploader why it cannot be published."})
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    if trap.status != TrapStatus.PENDING:
        raise ValidationError("Only an error trap waiting for review can be declined.")
    _review_transition(trap, actor, TrapStatus.DECLINED, reason.strip())
    trap.decline_reason = reason.strip()
    trap.save()
    index_on_commit(trap)
    if not _resolve_cases(
        trap, actor, lambda case: moderation.case_hide(actor=actor, case=case, note=reason)
    ):
        _tell_owner(
            trap,
            actor,
            kind="gallery:declined",
            title=f"Your error trap was not published: {trap.title}",
            body=f"The moderator said: {trap.decline_reason}",
        )
    return trap


@transaction.atomic
def trap_set_hidden(*, actor: Any, trap: ErrorTrap, hidden: bool, reason: str = "") -> ErrorTrap:
    """Hide a published error trap from everyone but its uploader and moderators, or show it
    again. Used by moderators and by the reporting machinery."""
    _require(perms.can_moderate(actor), "Only moderators can hide an error trap.")
    if hidden and not reason.strip():
        raise ValidationError({"reason": "Say why it is hidden."})
    trap = ErrorTrap.objects.select_for_update().get(pk=trap.pk)
    before = trap.is_hidden
    trap.is_hidden = hidden
    trap.hidden_reason = reason.strip() if hidden else ""
    trap.save(update_fields=["is_hidden", "hidden_reason", "updated"])
    index_on_commit(trap)
    audit_record(
        action="gallery:trap:hide" if hidden else "gallery:trap:unhide",
        actor=actor,
        target=trap,
        reason=reason.strip(),
        old={"hidden": before},
        new={"hidden": hidden},
    )
    return trap


def _tell_owner(trap: ErrorTrap, actor: Any, *, kind: str, title: str, body: str) -> None:
    from hub.notifications.services import notify

    notify(
        recipients=[trap.owner_id],
        kind=kind,
        title=title,
        body=body,
        url=trap.get_absolute_url(),
        actor=actor,
        target=trap,
    )


def author_name(trap: ErrorTrap) -> str:
    return ANONYMOUS_NAME if trap.is_anonymous else trap.owner.public_name
