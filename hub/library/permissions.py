"""Who may do what with library items. Checks raise PermissionDenied; visibility is in queries."""

from typing import Any

from django.core.exceptions import PermissionDenied

from hub.networks.access import can_see_network_content, is_site_admin

from .models import Item, ItemStatus


def can_review(user: Any) -> bool:
    """Editors and topic leads review, publish, return and decline items."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("library.review_item"))


def is_author(user: Any, item: Item) -> bool:
    if not user.is_authenticated:
        return False
    if item.owner_id == user.pk:
        return True
    return any(a.pk == user.pk for a in item.co_authors.all())


def is_network_steward(user: Any, network_id: int) -> bool:
    """Leaders and moderators of a network review its resources."""
    if not user.is_authenticated or not user.is_active:
        return False
    from hub.networks.models import MemberRole, Membership

    return (
        is_site_admin(user)
        or Membership.objects.filter(
            network_id=network_id, user=user, role__in=[MemberRole.LEADER, MemberRole.MODERATOR]
        ).exists()
    )


def can_review_item(user: Any, item: Item) -> bool:
    """Hub editors review public items; a network's leaders and moderators review its own."""
    if item.network_id:
        return is_network_steward(user, item.network_id)
    return can_review(user)


def can_view_item(user: Any, item: Item) -> bool:
    if item.network_id and not can_see_network_content(user, item.network_id):
        return False
    if item.is_published:
        return True
    if is_author(user, item):
        return True
    # Reviewers see everything submitted at least once, never private drafts.
    return can_review_item(user, item) and (
        item.status != ItemStatus.DRAFT or item.submitted_at is not None
    )


def can_edit_item(user: Any, item: Item) -> bool:
    if can_review_item(user, item) and can_view_item(user, item):
        return True
    return is_author(user, item) and item.is_editable_by_author and can_view_item(user, item)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
