"""Who may see, organise and join events. Visibility filters for lists live in queries.py."""

from typing import Any

from hub.library.permissions import can_review, is_network_steward
from hub.networks.access import can_see_network_content, is_site_admin

from .models import Event, EventStatus


def signed_in(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_organise(user: Any, network_id: int | None = None) -> bool:
    """Hub editors and administrators organise public events; a network's leaders and
    moderators organise its events."""
    if not signed_in(user):
        return False
    if network_id is not None:
        return is_network_steward(user, network_id)
    return can_review(user) or is_site_admin(user)


def can_manage_event(user: Any, event: Event) -> bool:
    if not signed_in(user):
        return False
    if event.organiser_id == user.pk and can_see_network_content(user, event.network_id):
        return True
    return can_organise(user, event.network_id)


def can_view_event(user: Any, event: Event) -> bool:
    if not can_see_network_content(user, event.network_id):
        return False
    if event.status == EventStatus.DRAFT:
        return can_manage_event(user, event)
    return True


def can_register(user: Any, event: Event) -> bool:
    return signed_in(user) and event.takes_registrations and can_view_event(user, event)
