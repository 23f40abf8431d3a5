"""Who may do what in the forums. `can_*` answer; services raise PermissionDenied from them.

Visibility of many rows at once (querysets) lives in queries.py and agrees with
`can_view_topic` here. Network topics follow hub.networks.access: only the network's members
and site administrators see them; a network's leaders and moderators moderate them.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from hub.networks import access

from .models import Post, Topic

MODERATE_PERMISSION = "community.moderate_topic"
NETWORK_MODERATOR_ROLES = ("leader", "moderator")


def signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def is_site_admin(user: Any) -> bool:
    """hub.networks.access.is_site_admin, remembered on the user object for this request."""
    if not signed_in(user):
        return False
    cached = getattr(user, "_community_site_admin", None)
    if cached is None:
        cached = access.is_site_admin(user)
        user._community_site_admin = cached
    return cached


def is_moderator(user: Any) -> bool:
    """A forum moderator for the whole hub (superusers, and roles with moderate_topic)."""
    return signed_in(user) and (user.is_superuser or user.has_perm(MODERATE_PERMISSION))


def moderated_network_ids(user: Any) -> set[int]:
    """Networks in which the user is a leader or moderator (one query, remembered)."""
    if not signed_in(user):
        return set()
    cached = getattr(user, "_community_moderated_networks", None)
    if cached is None:
        from hub.networks.models import Membership

        cached = set(
            Membership.objects.filter(user=user, role__in=NETWORK_MODERATOR_ROLES).values_list(
                "network_id", flat=True
            )
        )
        user._community_moderated_networks = cached
    return cached


def is_network_member(user: Any, network_id: int) -> bool:
    return signed_in(user) and network_id in access.member_network_ids(user)


def can_see_network(user: Any, network_id: int | None) -> bool:
    if network_id is None:
        return True
    return is_network_member(user, network_id) or is_site_admin(user)


def can_moderate_topic(user: Any, topic: Topic) -> bool:
    """Moderate this topic: it must be visible to them (deleted ones are gone for everyone)."""
    if not signed_in(user) or topic.deleted_at is not None:
        return False
    if topic.network_id is None:
        return is_moderator(user)
    if not can_see_network(user, topic.network_id):
        return False
    return (
        is_site_admin(user) or is_moderator(user) or topic.network_id in moderated_network_ids(user)
    )


def can_view_topic(user: Any, topic: Topic) -> bool:
    if topic.deleted_at is not None:
        return False
    if not can_see_network(user, topic.network_id):
        return False
    if topic.hidden_at is not None:
        return can_moderate_topic(user, topic)
    return True


def can_start_topic_in_network(user: Any, network_id: int) -> bool:
    """Only members of the network start discussions in it."""
    return is_network_member(user, network_id)


def can_reply(user: Any, topic: Topic) -> bool:
    return (
        signed_in(user)
        and can_view_topic(user, topic)
        and not topic.locked
        and topic.hidden_at is None
    )


def reply_refusal(user: Any, topic: Topic) -> str:
    """Why this user may not reply, in words they can act on ("" when they may)."""
    if not signed_in(user):
        return "Sign in to reply."
    if topic.locked:
        return "This discussion is locked, so no new replies can be added."
    if topic.hidden_at is not None:
        return "This discussion is hidden, so no new replies can be added."
    if not can_view_topic(user, topic):
        return "You cannot reply to this discussion."
    return ""


def post_is_visible(post: Post) -> bool:
    return post.hidden_at is None and post.deleted_at is None


def edit_deadline(post: Post):
    return post.created + timedelta(minutes=settings.COMMENT_EDIT_WINDOW_MINUTES)


def can_edit_post(user: Any, post: Post, topic: Topic | None = None) -> bool:
    """The author, within COMMENT_EDIT_WINDOW_MINUTES, while the post is shown and open."""
    topic = topic or post.topic
    return bool(
        signed_in(user)
        and post.author_id == user.pk
        and post_is_visible(post)
        and not topic.locked
        and timezone.now() <= edit_deadline(post)
        and can_view_topic(user, topic)
    )


def can_delete_post(user: Any, post: Post, topic: Topic | None = None) -> bool:
    """The author at any time, or a moderator of the topic."""
    topic = topic or post.topic
    if not signed_in(user) or post.deleted_at is not None or not can_view_topic(user, topic):
        return False
    return post.author_id == user.pk or can_moderate_topic(user, topic)


def can_delete_topic(user: Any, topic: Topic) -> bool:
    """Moderators; the author too while nobody has replied."""
    if not can_view_topic(user, topic) or not signed_in(user):
        return False
    if can_moderate_topic(user, topic):
        return True
    return topic.author_id == user.pk and topic.last_post_number <= 1


def can_see_hidden_posts(user: Any, topic: Topic) -> bool:
    return can_moderate_topic(user, topic)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
