"""Reads of networks that pages share. What a viewer may see is decided here, not in templates.

- Open and by-request networks are known to everyone; their content is for members only.
- Private networks are known to their members and site administrators. A private network with
  `listed=True` shows its name and purpose (and "by invitation only") to everyone else; an
  unlisted one does not exist for them (pages answer 404).
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from . import permissions as perms
from . import sections
from .access import is_site_admin
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

ROLE_ORDER = Case(
    When(role=MemberRole.LEADER, then=Value(0)),
    When(role=MemberRole.MODERATOR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _roles_of(viewer: Any) -> dict[int, str]:
    """network id → the viewer's role there (one query; none for anonymous visitors)."""
    if not viewer.is_authenticated or not viewer.is_active:
        return {}
    return dict(Membership.objects.filter(user=viewer).values_list("network_id", "role"))


def with_counts(networks: QuerySet[Network]) -> QuerySet[Network]:
    """Annotate member_count and organisation_count (active members only), in the same query."""
    active = Q(memberships__user__is_active=True)
    return networks.annotate(
        member_count=Count("memberships", filter=active, distinct=True),
        organisation_count=Count("memberships__user__organisation", filter=active, distinct=True),
    )


def visible_filter(viewer: Any, member_ids: set[int] | None = None, admin: bool | None = None) -> Q:
    """Networks the viewer may know about (as a Q for Network querysets)."""
    if admin if admin is not None else is_site_admin(viewer):
        return Q()
    public = Q(kind__in=[NetworkKind.OPEN, NetworkKind.BY_REQUEST]) | Q(
        kind=NetworkKind.PRIVATE, listed=True
    )
    ids = member_ids if member_ids is not None else set(_roles_of(viewer))
    return public | Q(pk__in=ids) if ids else public


def _decorate(network: Network, roles: dict[int, str], admin: bool) -> Network:
    network.viewer_role = roles.get(network.pk)
    network.is_member = network.viewer_role is not None
    # Non-members of a listed private network see its name and purpose only.
    network.shows_details = network.kind != NetworkKind.PRIVATE or network.is_member or admin
    network.sub_networks = []
    return network


def networks_listed_for(viewer: Any) -> list[Network]:
    """Every network the viewer may know about, with counts and the viewer's role (2-3 queries).

    Each network carries `viewer_role`, `is_member`, `shows_details` and an empty
    `sub_networks` list (filled by `network_directory`).
    """
    admin = is_site_admin(viewer)
    roles = _roles_of(viewer)
    networks = with_counts(
        Network.objects.filter(visible_filter(viewer, set(roles), admin))
    ).order_by("name")
    return [_decorate(n, roles, admin) for n in networks]


@dataclass
class Directory:
    networks: list[Network]  # top level, each with .sub_networks
    mine: list[Network]


def network_directory(viewer: Any) -> Directory:
    """The networks page: top-level networks with their sub-networks nested, and "my networks".

    A sub-network whose parent the viewer may not know about is shown at the top level.
    """
    networks = networks_listed_for(viewer)
    by_id = {n.pk: n for n in networks}
    top = []
    for network in networks:
        parent = by_id.get(network.parent_id) if network.parent_id else None
        if parent is not None:
            parent.sub_networks.append(network)
        else:
            top.append(network)
    return Directory(networks=top, mine=[n for n in networks if n.is_member])


@dataclass(frozen=True)
class NetworkPage:
    """One network as one viewer may see it."""

    network: Network
    is_member: bool
    role: str | None
    can_manage: bool
    can_see_content: bool
    is_site_admin: bool = False
    pending_request: JoinRequest | None = None
    pending_invitation: Invitation | None = None

    @property
    def role_label(self) -> str:
        return MemberRole(self.role).label if self.role else ""

    @property
    def is_private(self) -> bool:
        return self.network.kind == NetworkKind.PRIVATE

    @property
    def shows_details(self) -> bool:
        """Purpose, criteria, counts: everyone but non-members of a private network."""
        return self.can_see_content or not self.is_private


def network_for_page(viewer: Any, slug: str) -> NetworkPage | None:
    """The network and what this viewer may see of it; None when it must look like a 404
    (an unlisted private network, for anyone but its members, site admins and invitees)."""
    network = with_counts(Network.objects.filter(slug=slug)).select_related("parent").first()
    if network is None:
        return None
    role = perms.role_of(viewer, network)
    admin = is_site_admin(viewer)
    is_member = role is not None
    pending_request = None
    pending_invitation = None
    if viewer.is_authenticated and not is_member:
        pending_invitation = Invitation.objects.filter(
            network=network, invited_user=viewer, status=InvitationStatus.PENDING
        ).first()
        if network.kind == NetworkKind.BY_REQUEST:
            pending_request = JoinRequest.objects.filter(
                network=network, user=viewer, status=RequestStatus.PENDING
            ).first()
    hidden = network.kind == NetworkKind.PRIVATE and not network.listed
    # An unlisted private network exists only for its members, site admins, and people
    # invited to it (who see what a listed one shows: its name and purpose).
    if hidden and not (is_member or admin or pending_invitation):
        return None
    return NetworkPage(
        network=network,
        is_member=is_member,
        role=role,
        can_manage=role == MemberRole.LEADER or admin,
        can_see_content=is_member or admin,
        is_site_admin=admin,
        pending_request=pending_request,
        pending_invitation=pending_invitation,
    )


def member_counts(network: Network) -> tuple[int, int]:
    """(members, organisations they come from), counting active members only."""
    if hasattr(network, "member_count") and hasattr(network, "organisation_count"):
        return network.member_count, network.organisation_count
    figures = with_counts(Network.objects.filter(pk=network.pk)).values(
        "member_count", "organisation_count"
    )[0]
    return figures["member_count"], figures["organisation_count"]


def _require_content(viewer: Any, network: Network) -> None:
    perms.require(
        perms.is_member(viewer, network) or is_site_admin(viewer),
        f"Only members of {network.name} can see this.",
    )


def members_of(viewer: Any, network: Network, *, checked: bool = False) -> QuerySet[Membership]:
    """The network's active members: leaders, then moderators, then members, by name.

    Refuses (PermissionDenied) anyone who is not a member or a site administrator; pass
    `checked=True` when the page has already established that.
    """
    if not checked:
        _require_content(viewer, network)
    return (
        Membership.objects.filter(network=network, user__is_active=True)
        .select_related("user", "user__organisation")
        .annotate(role_order=ROLE_ORDER)
        .order_by("role_order", "user__display_name", "user__username", "id")
    )


def network_leaders(network: Network) -> list[Any]:
    return [
        m.user
        for m in Membership.objects.filter(
            network=network, role=MemberRole.LEADER, user__is_active=True
        )
        .select_related("user")
        .order_by("joined", "id")
    ]


def sub_networks_for(viewer: Any, network: Network, *, admin: bool | None = None) -> list[Network]:
    """The sub-networks of this network the viewer may know about, with counts."""
    if network.parent_id is not None:
        return []
    roles = _roles_of(viewer)
    admin = is_site_admin(viewer) if admin is None else admin
    children = with_counts(
        network.children.filter(visible_filter(viewer, set(roles), admin))
    ).order_by("name")
    return [_decorate(n, roles, admin) for n in children]


def pending_requests(viewer: Any, network: Network) -> QuerySet[JoinRequest]:
    """Join requests waiting for a decision, oldest first (leaders and site admins only)."""
    perms.require_manager(viewer, network)
    return (
        JoinRequest.objects.filter(network=network, status=RequestStatus.PENDING)
        .select_related("user", "user__organisation")
        .order_by("created", "id")
    )


def pending_invitations(viewer: Any, network: Network) -> QuerySet[Invitation]:
    """Invitations not answered yet (leaders and site admins only)."""
    perms.require_manager(viewer, network)
    return (
        Invitation.objects.filter(network=network, status=InvitationStatus.PENDING)
        .select_related("invited_user", "invited_by")
        .order_by("-created", "-id")
    )


def my_invitations(viewer: Any) -> QuerySet[Invitation]:
    """Invitations waiting for the viewer's answer, newest first."""
    if not viewer.is_authenticated:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(invited_user=viewer, status=InvitationStatus.PENDING)
        .select_related("network", "invited_by")
        .order_by("-created", "-id")
    )


def my_requests(viewer: Any) -> QuerySet[JoinRequest]:
    """The viewer's own join requests still waiting for a decision."""
    if not viewer.is_authenticated:
        return JoinRequest.objects.none()
    return JoinRequest.objects.filter(user=viewer, status=RequestStatus.PENDING).select_related(
        "network"
    )


# Content that other apps keep for a network -------------------------------------------------
# hub.community and hub.library own these reads and register them (hub/networks/sections.py).
# Until they do, the pages say "No discussions yet" / "No resources yet" instead of failing.


def latest_discussions(viewer: Any, network: Network, limit: int = 5) -> list[Any]:
    return sections.latest("discussions", viewer, network, limit)


def discussions(viewer: Any, network: Network) -> Any:
    """All the network's topics (a queryset or list), or [] until hub.community offers them."""
    return sections.everything("discussions", viewer, network)


def resources(viewer: Any, network: Network) -> Any:
    """All the network's library items, or [] until hub.library offers them."""
    return sections.everything("resources", viewer, network)


def latest_resources(viewer: Any, network: Network, limit: int = 5) -> list[Any]:
    return sections.latest("resources", viewer, network, limit)
