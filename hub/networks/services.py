"""Every write to networks: permission check, state change, audit entry, notification.

Rule breaks a person can fix (joining twice, a missing answer, the last leader leaving) raise
ValidationError with a message to show them; acting without the right raises PermissionDenied.
Services that change someone's memberships drop that person's cached network ids
(access.member_network_ids caches them on the user object).
"""

import contextlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from hub.core.queue import task_at
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard

from . import permissions as perms
from .models import (
    Invitation,
    InvitationStatus,
    JoinRequest,
    MemberRole,
    Membership,
    Network,
    NetworkKind,
    RequestStatus,
)

ANSWER_MAX = 2000
REASON_MAX = 2000
DEFAULT_QUESTION = "Why would you like to join, and how do you meet the membership criteria?"
# Slugs that would clash with the networks app's own pages.
RESERVED_SLUGS = {"new", "invitations"}


def criteria_question(network: Network) -> str:
    """The question people answer when they ask to join (a default when leaders set none)."""
    return network.criteria_question.strip() or DEFAULT_QUESTION


# Helpers ----------------------------------------------------------------------------------


def _forget_memberships(user: Any) -> None:
    """Drop access.member_network_ids' cache on this user object (plain or lazy)."""
    with contextlib.suppress(AttributeError):
        del user._member_network_ids


def _signed_in(actor: Any) -> None:
    perms.require(
        bool(actor.is_authenticated and actor.is_active), "Sign in to take part in networks."
    )


def _lock(network: Network) -> Network:
    """Lock the network row, so membership changes in one network happen one at a time."""
    return Network.objects.select_for_update().get(pk=network.pk)


def _leader_count(network: Network) -> int:
    return Membership.objects.filter(network=network, role=MemberRole.LEADER).count()


def _membership(network: Network, user: Any) -> Membership | None:
    return Membership.objects.filter(network=network, user=user).first()


def _notify(**kwargs: Any) -> None:
    from hub.notifications.services import notify

    notify(**kwargs)


def _add_member(
    *, network: Network, user: Any, role: str = MemberRole.MEMBER, decided_by: Any = None
) -> Membership:
    """Create the membership and close what led to it: pending requests and invitations."""
    membership = Membership.objects.create(network=network, user=user, role=role)
    now = timezone.now()
    JoinRequest.objects.filter(network=network, user=user, status=RequestStatus.PENDING).update(
        status=RequestStatus.APPROVED,
        decided_by=decided_by if getattr(decided_by, "is_authenticated", False) else None,
        decided_at=now,
    )
    Invitation.objects.filter(
        network=network, invited_user=user, status=InvitationStatus.PENDING
    ).update(status=InvitationStatus.ACCEPTED)
    _forget_memberships(user)
    return membership


def _unique_slug(name: str) -> str:
    base = slugify(name)[:150] or "network"
    if base in RESERVED_SLUGS:
        base = f"{base}-network"
    slug, n = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Networks ---------------------------------------------------------------------------------


@transaction.atomic
def network_create(
    *,
    actor: Any,
    name: str,
    purpose: str,
    kind: str = NetworkKind.OPEN,
    membership_criteria: str = "",
    criteria_question: str = "",
    listed: bool = True,
    parent: Network | None = None,
    leader: Any = None,
) -> Network:
    """A new network (site administrators and staff only). Its first leader is `leader`,
    or the creator."""
    perms.require(
        perms.can_create_network(actor), "Only site administrators and staff create networks."
    )
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Give the network a name.")
    if not purpose.strip():
        raise ValidationError("Say in a few sentences what the network is for.")
    if kind not in NetworkKind.values:
        raise ValidationError("Choose whether the network is open, by request or private.")
    if Network.objects.filter(name__iexact=name).exists():
        raise ValidationError(f"There is already a network called “{name}”.")
    if parent is not None and parent.parent_id is not None:
        raise ValidationError(
            f"{parent.name} is itself a sub-network; sub-networks go one level deep."
        )
    leader = leader or actor
    if not leader.is_active:
        raise ValidationError("The first leader must be an active member.")
    network = Network.objects.create(
        name=name,
        slug=_unique_slug(name),
        purpose=purpose.strip(),
        kind=kind,
        membership_criteria=membership_criteria.strip(),
        criteria_question=criteria_question.strip(),
        listed=listed,
        parent=parent,
        created_by=actor,
    )
    Membership.objects.create(network=network, user=leader, role=MemberRole.LEADER)
    _forget_memberships(leader)
    audit_record(
        action="networks:network:create",
        actor=actor,
        target=network,
        new={
            "name": network.name,
            "kind": network.kind,
            "listed": network.listed,
            "parent": parent.name if parent else None,
            "leader": leader.username,
        },
    )
    _notify(
        recipients=[leader],
        kind="networks:member:role",
        title=f"You lead the new network {network.name}",
        body="You can now invite people, decide on join requests and appoint moderators.",
        url=network.get_absolute_url(),
        actor=actor,
    )
    return network


NETWORK_SETTINGS = (
    "name",
    "purpose",
    "membership_criteria",
    "criteria_question",
    "kind",
    "listed",
    "parent",
)


@transaction.atomic
def network_update(*, actor: Any, network: Network, changes: dict[str, Any]) -> Network:
    """Change a network's settings (leaders and site administrators); the slug never changes."""
    perms.require_manager(actor, network)
    unknown = set(changes) - set(NETWORK_SETTINGS)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    if "kind" in changes and changes["kind"] not in NetworkKind.values:
        raise ValidationError("Choose whether the network is open, by request or private.")
    if "name" in changes:
        changes["name"] = " ".join(str(changes["name"]).split())
        if not changes["name"]:
            raise ValidationError("Give the network a name.")
        clash = Network.objects.filter(name__iexact=changes["name"]).exclude(pk=network.pk)
        if clash.exists():
            raise ValidationError(f"There is already a network called “{changes['name']}”.")
    parent = changes.get("parent", network.parent)
    if parent is not None and (parent.pk == network.pk or parent.parent_id is not None):
        raise ValidationError("A sub-network's parent must be a top-level network.")
    if parent is not None and network.children.exists():
        raise ValidationError("This network has sub-networks, so it cannot become one.")
    old, new = {}, {}
    for name, value in changes.items():
        before = getattr(network, name)
        if before != value:
            old[name], new[name] = before, value
            setattr(network, name, value)
    if new:
        network.save()
        audit_record(
            action="networks:network:update", actor=actor, target=network, old=old, new=new
        )
    return network


# Joining ----------------------------------------------------------------------------------


@transaction.atomic
def network_join(*, actor: Any, network: Network) -> Membership:
    """Join an open network."""
    _signed_in(actor)
    network = _lock(network)
    if _membership(network, actor) is not None:
        raise ValidationError(f"You are already a member of {network.name}.")
    if network.kind == NetworkKind.BY_REQUEST:
        raise ValidationError(f"{network.name} is by request: ask to join, and a leader decides.")
    if network.kind != NetworkKind.OPEN:
        raise ValidationError(f"{network.name} is by invitation only.")
    membership = _add_member(network=network, user=actor)
    audit_record(
        action="networks:member:join",
        actor=actor,
        target=network,
        new={"member": actor.username, "role": membership.role},
    )
    return membership


@transaction.atomic
def request_create(
    *, actor: Any, network: Network, answer: str, pii_false_alarms: Any = ()
) -> JoinRequest:
    """Ask to join a by-request network, answering its criteria question. Leaders are told.

    The patient-data guard reads the answer first (it goes to the leaders and their email):
    findings not confirmed as false alarms raise PersonalDataFound and nothing is sent."""
    _signed_in(actor)
    network = _lock(network)
    if _membership(network, actor) is not None:
        raise ValidationError(f"You are already a member of {network.name}.")
    if network.kind == NetworkKind.OPEN:
        raise ValidationError(f"{network.name} is open: you can join straight away.")
    if network.kind != NetworkKind.BY_REQUEST:
        raise ValidationError(f"{network.name} is by invitation only.")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(f"Please answer the question: {criteria_question(network)}")
    if len(answer) > ANSWER_MAX:
        raise ValidationError(f"Please keep your answer under {ANSWER_MAX} characters.")
    guard = pii_guard.require_clean(
        {"answer": answer},
        false_alarms=frozenset(pii_false_alarms),
        labels={"answer": "Your answer"},
    )
    if JoinRequest.objects.filter(
        network=network, user=actor, status=RequestStatus.PENDING
    ).exists():
        raise ValidationError(
            f"You have already asked to join {network.name}. A leader will decide soon."
        )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(network=network, user=actor, answer=answer)
    except IntegrityError as error:  # a second request at the same moment
        raise ValidationError(f"You have already asked to join {network.name}.") from error
    audit_record(
        action="networks:request:create",
        actor=actor,
        target=join_request,
        new={"network": network.name, "answer": answer},
    )
    pii_guard.record_confirmed(actor=actor, target=join_request, guard=guard)
    leaders = Membership.objects.filter(network=network, role=MemberRole.LEADER).values_list(
        "user_id", flat=True
    )
    _notify(
        recipients=list(leaders),
        kind="networks:request",
        title=f"{actor.public_name} asks to join {network.name}",
        body=f"{criteria_question(network)}\n\n{answer}",
        url=reverse("networks:manage", kwargs={"slug": network.slug}),
        actor=actor,
        target=join_request,
    )
    return join_request


def _decidable(join_request: JoinRequest) -> JoinRequest:
    """Lock the request and refuse a decision on one that is no longer waiting."""
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.status == RequestStatus.APPROVED:
        raise ValidationError("This request has already been approved.")
    if locked.status == RequestStatus.DECLINED:
        raise ValidationError("This request has already been declined.")
    if locked.status == RequestStatus.WITHDRAWN:
        raise ValidationError("This request was withdrawn by the person who made it.")
    return locked


def _copy_decision(target: JoinRequest, source: JoinRequest) -> None:
    for name in ("status", "decided_by_id", "decided_at", "reason"):
        setattr(target, name, getattr(source, name))


@transaction.atomic
def request_approve(*, actor: Any, join_request: JoinRequest) -> Membership:
    """Let the requester in (leaders and site administrators). They are told."""
    network = join_request.network
    perms.require_manager(actor, network)
    _lock(network)
    locked = _decidable(join_request)
    requester = join_request.user
    membership = _membership(network, requester)
    if membership is None:
        membership = _add_member(network=network, user=requester, decided_by=actor)
    locked.status = RequestStatus.APPROVED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    _copy_decision(join_request, locked)
    audit_record(
        action="networks:request:approve",
        actor=actor,
        target=locked,
        old={"status": RequestStatus.PENDING},
        new={"status": RequestStatus.APPROVED, "member": requester.username},
    )
    _notify(
        recipients=[requester],
        kind="networks:request:approved",
        title=f"Welcome to {network.name}",
        body=f"Your request to join {network.name} was approved. You are now a member.",
        url=network.get_absolute_url(),
        actor=actor,
    )
    return membership


@transaction.atomic
def request_decline(*, actor: Any, join_request: JoinRequest, reason: str) -> JoinRequest:
    """Say no, with a reason that the requester is told."""
    network = join_request.network
    perms.require_manager(actor, network)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give the person a reason: they will be told why.")
    if len(reason) > REASON_MAX:
        raise ValidationError(f"Please keep the reason under {REASON_MAX} characters.")
    locked = _decidable(join_request)
    locked.status = RequestStatus.DECLINED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.reason = reason
    locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _copy_decision(join_request, locked)
    audit_record(
        action="networks:request:decline",
        actor=actor,
        target=locked,
        reason=reason,
        old={"status": RequestStatus.PENDING},
        new={"status": RequestStatus.DECLINED},
    )
    _notify(
        recipients=[join_request.user],
        kind="networks:request:declined",
        title=f"Your request to join {network.name} was not approved",
        body=f"The leaders of {network.name} said: {reason}",
        url=network.get_absolute_url(),
        actor=actor,
    )
    return join_request


@transaction.atomic
def request_withdraw(*, actor: Any, join_request: JoinRequest) -> JoinRequest:
    """The requester changes their mind."""
    _signed_in(actor)
    perms.require(join_request.user_id == actor.pk, "Only the person who asked can withdraw.")
    locked = _decidable(join_request)
    locked.status = RequestStatus.WITHDRAWN
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_at"])
    _copy_decision(join_request, locked)
    audit_record(
        action="networks:request:withdraw",
        actor=actor,
        target=locked,
        old={"status": RequestStatus.PENDING},
        new={"status": RequestStatus.WITHDRAWN},
    )
    return join_request


# Invitations ------------------------------------------------------------------------------


def _find_member(who: str) -> Any:
    """An active member by username."""
    User = get_user_model()
    who = (who or "").strip()
    if not who:
        raise ValidationError("Enter the username or email address of the person to invite.")
    user = User.objects.filter(username__iexact=who.lstrip("@"), is_active=True).first()
    if user is None:
        raise ValidationError(f"There is no member with the username “{who}”. Nothing was saved.")
    return user


def invitation_sent_message(invitation: Invitation) -> str:
    """What the leader is told: for an email address, the same words whoever uses it."""
    if invitation.email:
        return f"Invitation sent to {invitation.email}."
    return f"{invitation.invited_user.public_name} is invited and has been told."


def _tell_invited(invitation: Invitation, user: Any, actor: Any) -> None:
    _notify(
        recipients=[user],
        kind="networks:invitation",
        title=f"{actor.public_name} invites you to join {invitation.network.name}",
        body=f"{invitation.network.purpose}\n\nAccept or decline on your invitations page.",
        url=reverse("networks:invitations"),
        actor=actor,
    )


@transaction.atomic
def invitation_create(*, actor: Any, network: Network, who: str) -> Invitation:
    """Invite someone by username, or by email address (leaders and site admins).

    By email the leader learns nothing about the address: whether someone on the hub uses it,
    is already a member or already invited, the answer is the same (`invitation_sent_message`)
    and no name is shown. Someone who has not joined the hub is emailed an invitation to sign
    up; when they confirm that address, the invitation waits on their invitations page
    (`invitations_claim`).
    """
    perms.require_manager(actor, network)
    network = _lock(network)
    who = (who or "").strip()
    if "@" in who:
        return _invite_by_email(actor=actor, network=network, email=who)
    user = _find_member(who)
    if _membership(network, user) is not None:
        raise ValidationError(f"{user.public_name} is already a member of {network.name}.")
    if Invitation.objects.filter(
        network=network, invited_user=user, status=InvitationStatus.PENDING
    ).exists():
        raise ValidationError(f"{user.public_name} has already been invited and has not replied.")
    invitation = Invitation.objects.create(
        network=network, invited_user=user, token=secrets.token_urlsafe(32), invited_by=actor
    )
    audit_record(
        action="networks:invitation:create",
        actor=actor,
        target=invitation,
        new={"network": network.name, "invited": user.username},
    )
    _tell_invited(invitation, user, actor)
    return invitation


def _invite_by_email(*, actor: Any, network: Network, email: str) -> Invitation:
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(f"“{email}” is not a valid email address.") from error
    email = email.lower()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    pending = Invitation.objects.filter(
        network=network, email__iexact=email, status=InvitationStatus.PENDING
    ).first()
    if pending is not None:
        return pending  # already invited: nothing new, and the same answer
    invitation = Invitation(
        network=network, email=email, token=secrets.token_urlsafe(32), invited_by=actor
    )
    if user is not None and _membership(network, user) is not None:
        return invitation  # already a member: nothing stored, and the same answer
    if (
        user is not None
        and Invitation.objects.filter(
            network=network, invited_user=user, status=InvitationStatus.PENDING
        ).exists()
    ):
        return invitation
    invitation.invited_user = user
    invitation.save()
    audit_record(
        action="networks:invitation:create",
        actor=actor,
        target=invitation,
        new={"network": network.name, "invited_email": email},
    )
    if user is not None:
        _tell_invited(invitation, user, actor)
    else:
        email_signup_invitation = task_at("hub.networks.tasks.email_signup_invitation")
        transaction.on_commit(lambda: email_signup_invitation.enqueue(invitation.pk))
    return invitation


def invitations_claim(*, user: Any, email: str) -> int:
    """Give a member the invitations sent to an address they have just confirmed."""
    with transaction.atomic():
        invitations = list(
            Invitation.objects.select_for_update(of=("self",))
            .select_related("network", "invited_by")
            .filter(email__iexact=email, invited_user__isnull=True, status=InvitationStatus.PENDING)
        )
        for invitation in invitations:
            invitation.invited_user = user
            invitation.save(update_fields=["invited_user"])
            audit_record(
                action="networks:invitation:claim",
                actor=user,
                target=invitation,
                new={"network": invitation.network.name, "invited": user.username},
            )
            if _membership(invitation.network, user) is None:
                _tell_invited(invitation, user, invitation.invited_by or user)
    return len(invitations)


def _answerable(actor: Any, invitation: Invitation) -> Invitation:
    _signed_in(actor)
    perms.require(invitation.invited_user_id == actor.pk, "This invitation is for someone else.")
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status == InvitationStatus.ACCEPTED:
        raise ValidationError("You have already accepted this invitation.")
    if locked.status == InvitationStatus.DECLINED:
        raise ValidationError("You have already declined this invitation.")
    if locked.status == InvitationStatus.CANCELLED:
        raise ValidationError("This invitation was cancelled by the network's leaders.")
    return locked


@transaction.atomic
def invitation_accept(*, actor: Any, invitation: Invitation) -> Membership:
    network = _lock(invitation.network)
    locked = _answerable(actor, invitation)
    membership = _membership(network, actor)
    if membership is None:
        membership = _add_member(network=network, user=actor, decided_by=locked.invited_by)
    locked.status = InvitationStatus.ACCEPTED
    locked.save(update_fields=["status"])
    invitation.status = locked.status
    audit_record(
        action="networks:invitation:accept",
        actor=actor,
        target=locked,
        old={"status": InvitationStatus.PENDING},
        new={"status": InvitationStatus.ACCEPTED},
    )
    if locked.invited_by_id:
        _notify(
            recipients=[locked.invited_by_id],
            kind="networks:invitation:accepted",
            title=f"{actor.public_name} accepted your invitation to {network.name}",
            url=reverse("networks:members", kwargs={"slug": network.slug}),
            actor=actor,
            email=False,
        )
    return membership


@transaction.atomic
def invitation_decline(*, actor: Any, invitation: Invitation) -> Invitation:
    locked = _answerable(actor, invitation)
    locked.status = InvitationStatus.DECLINED
    locked.save(update_fields=["status"])
    invitation.status = locked.status
    audit_record(
        action="networks:invitation:decline",
        actor=actor,
        target=locked,
        old={"status": InvitationStatus.PENDING},
        new={"status": InvitationStatus.DECLINED},
    )
    if locked.invited_by_id:
        _notify(
            recipients=[locked.invited_by_id],
            kind="networks:invitation:declined",
            title=f"{actor.public_name} declined your invitation to {invitation.network.name}",
            url=reverse("networks:manage", kwargs={"slug": invitation.network.slug}),
            actor=actor,
            email=False,
        )
    return invitation


@transaction.atomic
def invitation_cancel(*, actor: Any, invitation: Invitation) -> Invitation:
    """Leaders withdraw an invitation that has not been answered."""
    perms.require_manager(actor, invitation.network)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status != InvitationStatus.PENDING:
        raise ValidationError("This invitation has already been answered or cancelled.")
    locked.status = InvitationStatus.CANCELLED
    locked.save(update_fields=["status"])
    invitation.status = locked.status
    audit_record(
        action="networks:invitation:cancel",
        actor=actor,
        target=locked,
        old={"status": InvitationStatus.PENDING},
        new={"status": InvitationStatus.CANCELLED},
    )
    return invitation


# Members and roles ------------------------------------------------------------------------


@transaction.atomic
def member_add(
    *, actor: Any, network: Network, user: Any, role: str = MemberRole.MEMBER
) -> Membership:
    """Site administrators add someone directly (the admin site). The person is told."""
    from .access import is_site_admin

    perms.require(is_site_admin(actor), "Only site administrators add members directly.")
    if role not in MemberRole.values:
        raise ValidationError("Choose leader, moderator or member.")
    network = _lock(network)
    if _membership(network, user) is not None:
        raise ValidationError(f"{user.public_name} is already a member of {network.name}.")
    if not user.is_active:
        raise ValidationError(f"{user.public_name}'s account is not active.")
    membership = _add_member(network=network, user=user, role=role, decided_by=actor)
    audit_record(
        action="networks:member:add",
        actor=actor,
        target=network,
        new={"member": user.username, "role": role},
    )
    _notify(
        recipients=[user],
        kind="networks:member:added",
        title=f"You have been added to {network.name}",
        url=network.get_absolute_url(),
        actor=actor,
    )
    return membership


def _refuse_losing_last_leader(network: Network, membership: Membership, doing: str) -> None:
    if membership.role == MemberRole.LEADER and _leader_count(network) <= 1:
        raise ValidationError(
            f"{network.name} needs at least one leader, so {doing}. Appoint another leader first."
        )


@transaction.atomic
def member_remove(*, actor: Any, network: Network, user: Any, reason: str = "") -> None:
    """Leaders remove a member. The last leader cannot be removed."""
    perms.require_manager(actor, network)
    network = _lock(network)
    membership = _membership(network, user)
    if membership is None:
        raise ValidationError(f"{user.public_name} is not a member of {network.name}.")
    _refuse_losing_last_leader(network, membership, "its last leader cannot be removed")
    role = membership.role
    membership.delete()
    _forget_memberships(user)
    reason = (reason or "").strip()[:REASON_MAX]
    audit_record(
        action="networks:member:remove",
        actor=actor,
        target=network,
        reason=reason,
        old={"member": user.username, "role": role},
    )
    _notify(
        recipients=[user],
        kind="networks:member:removed",
        title=f"You are no longer a member of {network.name}",
        body=f"The leaders said: {reason}" if reason else "",
        url=reverse("networks:index"),
        actor=actor,
    )


@transaction.atomic
def member_set_role(*, actor: Any, network: Network, user: Any, role: str) -> Membership:
    """Appoint or demote leaders and moderators. The last leader cannot be demoted."""
    perms.require_manager(actor, network)
    if role not in MemberRole.values:
        raise ValidationError("Choose leader, moderator or member.")
    network = _lock(network)
    membership = _membership(network, user)
    if membership is None:
        raise ValidationError(f"{user.public_name} is not a member of {network.name}.")
    if membership.role == role:
        return membership
    if role != MemberRole.LEADER:
        _refuse_losing_last_leader(network, membership, "its last leader cannot step down")
    old_role = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        action="networks:member:role",
        actor=actor,
        target=network,
        old={"member": user.username, "role": old_role},
        new={"member": user.username, "role": role},
    )
    _notify(
        recipients=[user],
        kind="networks:member:role",
        title=f"You are now a {MemberRole(role).label.lower()} of {network.name}",
        url=network.get_absolute_url(),
        actor=actor,
    )
    return membership


@transaction.atomic
def network_leave(*, actor: Any, network: Network) -> None:
    """Leave a network. The last leader must appoint another leader first."""
    _signed_in(actor)
    network = _lock(network)
    membership = _membership(network, actor)
    if membership is None:
        raise ValidationError(f"You are not a member of {network.name}.")
    _refuse_losing_last_leader(network, membership, "its last leader cannot leave")
    role = membership.role
    membership.delete()
    _forget_memberships(actor)
    audit_record(
        action="networks:member:leave",
        actor=actor,
        target=network,
        old={"member": actor.username, "role": role},
    )
