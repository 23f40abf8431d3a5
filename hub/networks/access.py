"""Who belongs to which network: the one place other apps ask before showing network content.

Library items, forum topics and events that belong to a network are visible to its members and
site administrators only. Apps filter their querysets with `network_filter()` and check single
objects with `can_see_network_content()`.
"""

from typing import Any

from django.db.models import Q


def is_site_admin(user: Any) -> bool:
    """Superusers and the Administrator role see every network's content (cached per request)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_site_admin", None)
    if cached is None:
        cached = user.groups.filter(name="Administrator").exists()
        user._is_site_admin = cached
    return cached


def member_network_ids(user: Any) -> set[int]:
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_member_network_ids", None)
    if cached is None:
        from .models import Membership

        cached = set(Membership.objects.filter(user=user).values_list("network_id", flat=True))
        user._member_network_ids = cached
    return cached


def can_see_network_content(user: Any, network_id: int | None) -> bool:
    if network_id is None:
        return True
    return network_id in member_network_ids(user) or is_site_admin(user)


def network_filter(user: Any, field: str = "network") -> Q:
    """A filter keeping rows outside any network, or in a network the user belongs to."""
    if is_site_admin(user):
        return Q()
    allowed = Q(**{f"{field}__isnull": True})
    ids = member_network_ids(user)
    if ids:
        allowed |= Q(**{f"{field}__in": ids})
    return allowed
