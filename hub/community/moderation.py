"""Topics and forum posts under moderation (hub.moderation.registry).

Moderation has checked the actor and writes the audit entry; these only change state.
"""

from django.utils import timezone

from hub.core.richtext import sanitize_html
from hub.moderation.registry import register

from . import permissions as perms
from .models import Post, PostRevision, Topic


def _set_hidden(obj, hidden: bool, reason: str) -> None:
    obj.hidden_at = timezone.now() if hidden else None
    obj.hidden_reason = reason if hidden else ""
    obj.save(update_fields=["hidden_at", "hidden_reason"])


def _recount(topic: Topic) -> None:
    from .services import _recount as recount

    recount(topic)


def _post_hide(post: Post, reason: str) -> None:
    if post.number == 1:  # the opening post stands for the whole discussion
        _set_hidden(post.topic, True, reason)
    _set_hidden(post, True, reason)
    _recount(post.topic)


def _post_unhide(post: Post, reason: str) -> None:
    if post.number == 1 and post.topic.hidden_at is not None:
        _set_hidden(post.topic, False, reason)
    _set_hidden(post, False, reason)
    _recount(post.topic)


def _post_edit(post: Post, fields: dict[str, str], note: str) -> None:
    if "body" in fields:
        PostRevision.objects.create(post=post, body=post.body, edited_by=None)
        post.body = sanitize_html(fields["body"])
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])


def _opening_post(topic: Topic) -> Post | None:
    return topic.posts.filter(number=1).first()


def _topic_hide(topic: Topic, reason: str) -> None:
    _set_hidden(topic, True, reason)


def _topic_unhide(topic: Topic, reason: str) -> None:
    _set_hidden(topic, False, reason)
    first = _opening_post(topic)
    if first is not None and first.hidden_at is not None and first.deleted_at is None:
        _set_hidden(first, False, reason)


def _topic_edit(topic: Topic, fields: dict[str, str], note: str) -> None:
    if "title" in fields and fields["title"].strip():
        topic.title = fields["title"].strip()[:200]
        topic.save(update_fields=["title"])
    first = _opening_post(topic)
    if first is not None and "body" in fields:
        _post_edit(first, {"body": fields["body"]}, note)


def _topic_fields(topic: Topic) -> dict[str, str]:
    first = _opening_post(topic)
    return {"title": topic.title, "body": first.body if first else ""}


def _post_can_view(viewer, post: Post) -> bool:
    return perms.can_view_topic(viewer, post.topic) and perms.post_is_visible(post)


def _announce(post: Post | None) -> None:
    """A held post was approved: mentions and followers hear of it now."""
    from .services import _queue_notifications, link_mentions

    if post is not None:
        _, mentioned = link_mentions(post.body)
        _queue_notifications(post, mentioned, announce=True)


def register_moderated_kinds() -> None:
    register(
        Topic,
        label="Discussion",
        hide=_topic_hide,
        unhide=_topic_unhide,
        is_hidden=lambda topic: topic.hidden_at is not None,
        edit=_topic_edit,
        fields_of=_topic_fields,
        rich_fields=frozenset({"body"}),
        author_of=lambda topic: topic.author,
        url_of=lambda topic: topic.get_absolute_url(),
        is_anonymous=lambda topic: topic.is_anonymous,
        can_view=perms.can_view_topic,
        can_moderate=perms.can_moderate_topic,
        on_released=lambda topic: _announce(_opening_post(topic)),
    )
    register(
        Post,
        label="Reply",
        hide=_post_hide,
        unhide=_post_unhide,
        is_hidden=lambda post: post.hidden_at is not None,
        edit=_post_edit,
        fields_of=lambda post: {"body": post.body},
        rich_fields=frozenset({"body"}),
        author_of=lambda post: post.author,
        url_of=lambda post: post.get_absolute_url(),
        is_anonymous=lambda post: post.is_anonymous,
        can_view=_post_can_view,
        can_moderate=lambda viewer, post: perms.can_moderate_topic(viewer, post.topic),
        select_related=("topic",),
        on_released=_announce,
    )
