"""Every write to members and organisations: permission check, state change, audit."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hub.core.images import ImageLimits, reencode_image
from hub.core.models import AuditEntry
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard

from .models import Organisation, OrganisationKind, User
from .roles import Role

PROFILE_FIELDS = (
    "display_name",
    "first_name",
    "last_name",
    "country",
    "job_title",
    "member_type",
    "about",
    "real_name_visibility",
    "country_visibility",
    "organisation_visibility",
    "job_title_visibility",
    "member_type_visibility",
    "about_visibility",
)


def _can_manage_member(actor: Any, member: User) -> bool:
    return actor.is_authenticated and (
        actor.pk == member.pk or actor.has_perm("accounts.change_user")
    )


@transaction.atomic
def organisation_find_or_create(
    *, name: str, kind: str = OrganisationKind.OTHER, country: str = ""
) -> Organisation:
    """Match an organisation by name, ignoring case and spacing; add it when it is new."""
    clean = " ".join(name.split())
    existing = Organisation.objects.filter(name__iexact=clean).first()
    if existing:
        return existing
    organisation = Organisation.objects.create(
        name=clean, kind=kind or OrganisationKind.OTHER, country=country
    )
    audit_record(
        action="accounts:organisation:create",
        target=organisation,
        new={"name": clean, "kind": kind},
    )
    return organisation


# Free text others may see on a profile, read by the patient-data guard (names are left out:
# a member's own name, "Dr Tom Becker", is not patient information).
PROFILE_PII_FIELDS = {
    "about": "About me",
    "job_title": "Role or job title",
    "organisation_name": "Organisation",
}


@transaction.atomic
def profile_update(
    *, actor: Any, member: User, data: dict[str, Any], pii_false_alarms: Any = ()
) -> User:
    """Change a profile. The patient-data guard reads its free text first: findings not
    confirmed as false alarms raise PersonalDataFound and nothing is saved."""
    if not _can_manage_member(actor, member):
        raise PermissionDenied("You can only change your own profile.")
    guard = pii_guard.require_clean(
        {name: str(data.get(name) or "") for name in PROFILE_PII_FIELDS if name in data},
        false_alarms=pii_guard.confirmed_for(member) | frozenset(pii_false_alarms),
        labels=PROFILE_PII_FIELDS,
    )
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for field in PROFILE_FIELDS:
        if field not in data:
            continue
        before = getattr(member, field)
        after = data[field]
        if str(before) != str(after):
            old[field], new[field] = before, after
            setattr(member, field, after)
    if "organisation_name" in data:
        name = (data.get("organisation_name") or "").strip()
        organisation = (
            organisation_find_or_create(
                name=name,
                kind=data.get("organisation_kind") or OrganisationKind.OTHER,
                country=data.get("country") or "",
            )
            if name
            else None
        )
        if organisation != member.organisation:
            old["organisation"], new["organisation"] = member.organisation, organisation
            member.organisation = organisation
    if new:
        member.save()
        audit_record(action="accounts:profile:update", actor=actor, target=member, old=old, new=new)
    pii_guard.record_confirmed(actor=actor, target=member, guard=guard)
    return member


AVATAR_LIMITS = ImageLimits(
    max_bytes=settings.AVATAR_MAX_BYTES, max_pixels=settings.AVATAR_MAX_PIXELS, max_side=512
)


@transaction.atomic
def avatar_set(*, actor: Any, member: User, upload) -> User:
    """Store a new profile picture, re-encoded so no hidden metadata survives."""
    if not _can_manage_member(actor, member):
        raise PermissionDenied("You can only change your own picture.")
    clean = reencode_image(upload, limits=AVATAR_LIMITS)
    extension = clean.name.rsplit(".", 1)[-1]
    old_name = member.avatar.name
    # A random name: nothing of the original file name (which may identify someone) is kept.
    member.avatar.save(f"{uuid.uuid4().hex}.{extension}", clean, save=False)
    member.save(update_fields=["avatar"])
    if old_name:
        transaction.on_commit(lambda: default_storage.delete(old_name))
    audit_record(
        action="accounts:avatar:set",
        actor=actor,
        target=member,
        old={"avatar": old_name},
        new={"avatar": member.avatar.name},
    )
    return member


@transaction.atomic
def avatar_remove(*, actor: Any, member: User) -> User:
    if not _can_manage_member(actor, member):
        raise PermissionDenied("You can only change your own picture.")
    old_name = member.avatar.name
    if old_name:
        member.avatar = ""
        member.save(update_fields=["avatar"])
        transaction.on_commit(lambda: default_storage.delete(old_name))
        audit_record(
            action="accounts:avatar:remove", actor=actor, target=member, old={"avatar": old_name}
        )
    return member


@transaction.atomic
def account_request_deletion(*, actor: Any, member: User, reason: str = "") -> User:
    """The member asks to leave: the account closes now; administrators erase it (member_erase)."""
    if not actor.is_authenticated or actor.pk != member.pk:
        raise PermissionDenied("Only the member can ask to delete their own account.")
    member.deletion_requested_at = timezone.now()
    member.is_active = False
    member.save(update_fields=["deletion_requested_at", "is_active"])
    audit_record(
        action="accounts:member:request_deletion", actor=actor, target=member, reason=reason
    )
    email = member.email
    body = render_to_string("accounts/email/deletion_requested.txt", {"member": member})
    transaction.on_commit(
        lambda: send_mail("[Safety Hub] Your account is closed", body, None, [email])
    )
    return member


@transaction.atomic
def member_erase(*, actor: Any, member: User, reason: str = "") -> User:
    """Erase a member's personal data, keeping a closed, nameless account row for integrity."""
    if not (actor.is_authenticated and actor.has_perm("accounts.delete_user")):
        raise PermissionDenied("Only administrators can erase members.")
    if member.pk == actor.pk:
        raise PermissionDenied("Administrators cannot erase themselves.")
    if member.is_superuser and not actor.is_superuser:
        raise PermissionDenied("Only a superuser can erase a superuser.")
    avatar_name = member.avatar.name
    tag = uuid.uuid4().hex[:12]
    member.username = f"deleted-{tag}"
    member.email = f"deleted-{tag}@invalid.invalid"
    for field in (
        "display_name",
        "first_name",
        "last_name",
        "job_title",
        "about",
        "member_type",
        "country",
    ):
        setattr(member, field, "")
    member.display_name = "Deleted member"
    member.organisation = None
    member.avatar = ""
    member.is_active = False
    member.set_unusable_password()
    member.save()
    member.emailaddress_set.all().delete()
    member.authenticator_set.all().delete()  # TOTP secrets, recovery codes, passkeys
    member.groups.clear()
    # Earlier audit entries about this member may hold their personal details as old/new values.
    AuditEntry.objects.filter(
        target_type=member._meta.label_lower, target_id=str(member.pk)
    ).update(old_values={"erased": True}, new_values={"erased": True})
    if avatar_name:
        transaction.on_commit(lambda: default_storage.delete(avatar_name))
    audit_record(action="accounts:member:erase", actor=actor, target=member, reason=reason)
    return member


@transaction.atomic
def member_set_roles(*, actor: Any, member: User, roles: list[Role]) -> User:
    """Give a member exactly these roles (Django groups)."""
    if not (actor.is_authenticated and actor.has_perm("accounts.change_user")):
        raise PermissionDenied("Only administrators can change roles.")
    old = sorted(member.groups.values_list("name", flat=True))
    groups = [Group.objects.get(name=role.label) for role in roles]
    member.groups.set(groups)
    member.is_staff = any(role.is_staff for role in roles) or member.is_superuser
    member.save(update_fields=["is_staff"])
    audit_record(
        action="accounts:member:set_roles",
        actor=actor,
        target=member,
        old={"roles": old},
        new={"roles": sorted(g.name for g in groups)},
    )
    return member
