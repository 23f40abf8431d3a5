"""Comments under moderation (hub.moderation.registry).

Moderation has checked the actor and writes the audit entry; these only change state.
"""

from django.utils import timezone

from hub.core.richtext import sanitize_html
from hub.moderation.registry import register

from .models import Comment
from .queries import may_view


def _set_hidden(comment: Comment, hidden: bool) -> None:
    from .services import _recount

    comment.hidden_at = timezone.now() if hidden else None
    comment.save(update_fields=["hidden_at"])
    if comment.target is not None:
        _recount(comment.target)


def _edit(comment: Comment, fields: dict[str, str], note: str) -> None:
    if "body" in fields:
        comment.body = sanitize_html(fields["body"])
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])


def _url(comment: Comment) -> str:
    target = comment.target
    url = target.get_absolute_url() if target is not None else ""
    return f"{url}#comment-{comment.pk}" if url else ""


def _can_view(viewer, comment: Comment) -> bool:
    target = comment.target
    return comment.is_visible and target is not None and may_view(viewer, target)


def _can_moderate(viewer, comment: Comment) -> bool:
    # Moderators act on comments wherever they may see the thing commented on.
    target = comment.target
    return target is not None and may_view(viewer, target)


def _announce(comment: Comment) -> None:
    """A held comment was approved: the target's followers hear of it now."""
    from .services import _enqueue_comment_notifications

    _enqueue_comment_notifications(comment.pk)


def register_moderated_kinds() -> None:
    register(
        Comment,
        label="Comment",
        hide=lambda comment, reason: _set_hidden(comment, True),
        unhide=lambda comment, reason: _set_hidden(comment, False),
        is_hidden=lambda comment: comment.hidden_at is not None,
        edit=_edit,
        fields_of=lambda comment: {"body": comment.body},
        rich_fields=frozenset({"body"}),
        author_of=lambda comment: comment.author,
        url_of=_url,
        is_anonymous=lambda comment: comment.is_anonymous,
        can_view=_can_view,
        can_moderate=_can_moderate,
        prefetch_related=("target",),
        on_released=lambda comment: _announce(comment),
    )
