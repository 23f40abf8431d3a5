"""Forums, topics and posts take part in reactions and follows (hub.engagement).

Members follow a forum (to hear about new discussions) or a topic (to hear about replies), and
react to posts. Replies are posts, not engagement comments, so no kind here takes comments.
"""

from hub.engagement.registry import EngageableKind, register

from . import permissions as perms
from .models import Forum, Post, Topic


def _post_can_view(user, post: Post) -> bool:
    return perms.can_view_topic(user, post.topic)


def _post_can_engage(user, post: Post) -> bool:
    topic = post.topic
    return (
        perms.signed_in(user)
        and not topic.locked
        and topic.hidden_at is None
        and perms.post_is_visible(post)
    )


def _never(user, obj) -> bool:
    return False


def _signed_in(user, obj) -> bool:
    return perms.signed_in(user)


def register_community_kinds() -> None:
    register(
        EngageableKind(
            model=Post,
            can_view=_post_can_view,
            can_engage=_post_can_engage,
            can_follow=_never,
            allows_anonymous=False,
        )
    )
    register(EngageableKind(model=Topic, can_view=perms.can_view_topic, can_engage=_never))
    register(
        EngageableKind(
            model=Forum, can_view=lambda user, forum: True, can_engage=_never, can_follow=_signed_in
        )
    )
