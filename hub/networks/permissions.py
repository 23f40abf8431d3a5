"""Who may do what in a network. Checks raise PermissionDenied; visibility lives in queries.

Leaders run their network (join requests, invitations, members and roles). Site administrators
(access.is_site_admin) can do everything leaders do. Moderators look after discussions (the
community app asks `is_moderator`); in this app they are members like any other.
"""

from typing import Any

from django.core.exceptions import PermissionDenied

from .access import is_site_admin
from .models import MemberRole, Membership, Network


def role_of(user: Any, network: Network) -> str | None:
    """The user's role in the network, or None when they are not a member (one query)."""
    if not user.is_authenticated or not user.is_active:
        return None
    return (
        Membership.objects.filter(network=network, user=user).values_list("role", flat=True).first()
    )


def is_member(user: Any, network: Network) -> bool:
    return role_of(user, network) is not None


def can_manage(user: Any, network: Network, *, role: str | None = None) -> bool:
    """Leaders of the network and site administrators. Pass `role` if you already know it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if role is None:
        role = role_of(user, network)
    return role == MemberRole.LEADER or is_site_admin(user)


def is_moderator(user: Any, network: Network) -> bool:
    """Moderators and leaders moderate the network's discussions, as do site administrators."""
    role = role_of(user, network)
    return role in (MemberRole.LEADER, MemberRole.MODERATOR) or is_site_admin(user)


def can_create_network(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff) or is_site_admin(user)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def require_manager(user: Any, network: Network) -> None:
    require(
        can_manage(user, network),
        f"Only the leaders of {network.name} (and site administrators) can do that.",
    )
