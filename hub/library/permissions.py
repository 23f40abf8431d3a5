"""Who may do what with library items. Checks raise PermissionDenied; visibility is in queries."""

from typing import Any

from django.core.exceptions import PermissionDenied

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


def can_view_item(user: Any, item: Item) -> bool:
    if item.is_published:
        return True
    if is_author(user, item):
        return True
    # Editors see everything that has been submitted at least once, never private drafts.
    return can_review(user) and (item.status != ItemStatus.DRAFT or item.submitted_at is not None)


def can_edit_item(user: Any, item: Item) -> bool:
    if can_review(user) and can_view_item(user, item):
        return True
    return is_author(user, item) and item.is_editable_by_author


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
