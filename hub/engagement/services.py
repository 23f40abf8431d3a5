"""Every write to comments, reactions and follows.

Each function asks the target's content kind (hub.engagement.registry) before it changes
anything, raises PermissionDenied with a message a person can act on, records an audit entry
for comments, and tells followers through hub.notifications.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from hub.core.queue import task_at
from hub.core.richtext import html_to_text, sanitize_html
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard
from hub.moderation.services import hold_for_review, require_can_post
from hub.search.services import index_on_commit

from . import registry
from .models import Comment, Follow, Reaction, ReactionKind
from .queries import (
    content_type_for,
    edit_deadline,
    followers_of,
    may_delete_comment,
    may_engage,
    may_follow,
    may_view,
)

COMMENT_MAX_LENGTH = 10_000  # visible characters
NOTIFICATION_EXCERPT = 300
ANONYMOUS_NAME = "Anonymous"


def _where(target: models.Model) -> dict[str, Any]:
    return {"content_type": content_type_for(target), "object_id": target.pk}


def _clean_body(body: str) -> str:
    clean = sanitize_html(body or "")
    text = html_to_text(clean)
    if not text:
        raise ValidationError("Please write something before posting.", code="empty")
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            f"Please shorten your comment to {COMMENT_MAX_LENGTH} characters or fewer.",
            code="too_long",
        )
    return clean


def _recount(target: models.Model) -> tuple[int, int]:
    """Recount visible comments and reactions and hand them to the kind (for sorting)."""
    where = _where(target)
    comments = Comment.objects.filter(**where, deleted_at__isnull=True, hidden_at__isnull=True)
    reactions = Reaction.objects.filter(**where)
    counts = (comments.count(), reactions.count())
    kind = registry.kind_for(target)
    if kind.on_counts_changed is not None:
        kind.on_counts_changed(target, *counts)
    index_on_commit(target, with_dependants=True)  # counts are search filters and sorts
    return counts


def _target_url(target: models.Model) -> str:
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if get_url else ""


def _follow_quietly(*, user: Any, target: models.Model) -> None:
    Follow.objects.get_or_create(**_where(target), user=user)


# Comments ---------------------------------------------------------------------------------


@transaction.atomic
def comment_add(
    *,
    actor: Any,
    target: models.Model,
    body: str,
    parent: Comment | None = None,
    anonymous: bool = False,
    pii_false_alarms: Iterable[str] = (),
) -> Comment:
    """Post a comment (or a reply: replies attach to the top-level comment).

    The patient-data guard runs on the text (hub.moderation.guard): findings raise
    PersonalDataFound; findings all marked as false alarms post the comment held for review.
    """
    kind = registry.kind_for(target)
    if not may_engage(actor, target):
        raise PermissionDenied("You cannot comment on this.")
    if anonymous and not kind.allows_anonymous:
        raise PermissionDenied("Anonymous comments are not allowed here.")
    require_can_post(actor)
    clean = _clean_body(body)
    guard = pii_guard.require_clean(
        {"body": clean}, false_alarms=pii_false_alarms, labels={"body": "Your comment"}
    )
    where = _where(target)
    if parent is not None:
        if parent.content_type_id != where["content_type"].pk or parent.object_id != target.pk:
            raise ValidationError("You can only reply to a comment on the same page.")
        if parent.parent_id is not None:
            parent = parent.parent
        if not parent.is_visible:
            raise ValidationError("That comment is no longer available to reply to.")
    comment = Comment.objects.create(
        **where, author=actor, parent=parent, body=clean, is_anonymous=anonymous
    )
    _recount(target)
    audit_record(
        action="engagement:comment:add",
        actor=actor,
        target=comment,
        new={
            "target": f"{target._meta.label_lower}:{target.pk}",
            "parent": parent.pk if parent else None,
            "anonymous": anonymous,
            "body": clean,
        },
    )
    _follow_quietly(user=actor, target=target)
    if guard.held:
        hold_for_review(actor=actor, target=comment, findings=guard.findings_by_field())
    transaction.on_commit(lambda: _enqueue_comment_notifications(comment.pk))
    return comment


def _enqueue_comment_notifications(comment_id: int) -> None:
    task_at("hub.engagement.tasks.notify_about_comment").enqueue(comment_id=comment_id)


def comment_notify(*, comment: Comment) -> list[Any]:
    """Tell the target's followers (and, for a reply, the parent's author) about a comment.

    Run after the comment is committed (by the notify_about_comment task). The commenter is
    never told; people who may no longer see the target are skipped; an anonymous comment is
    announced as "Anonymous", never with the author's name.
    """
    from hub.notifications.services import notify

    target = comment.target
    if target is None or not comment.is_visible:
        return []
    actor = comment.author
    who = ANONYMOUS_NAME if comment.is_anonymous else actor.public_name
    title_of_target = str(target)
    url = f"{_target_url(target)}#comment-{comment.pk}" if _target_url(target) else ""
    excerpt = html_to_text(comment.body)
    if len(excerpt) > NOTIFICATION_EXCERPT:
        excerpt = excerpt[: NOTIFICATION_EXCERPT - 1].rstrip() + "…"
    body = f"{who} wrote:\n\n{excerpt}"

    wanted = followers_of(targets=[target])
    parent_author_id = comment.parent.author_id if comment.parent_id else None
    if parent_author_id is not None:
        wanted.add(parent_author_id)
    wanted.discard(actor.pk)
    if not wanted:
        return []
    # Only people who may still see the target hear about it.
    people = [
        user
        for user in get_user_model().objects.filter(pk__in=wanted, is_active=True)
        if may_view(user, target)
    ]
    replied_to = [u for u in people if u.pk == parent_author_id]
    others = [u for u in people if u.pk != parent_author_id]
    sent = []
    if replied_to:
        sent += notify(
            recipients=replied_to,
            kind="engagement:comment",
            title=f"{who} replied to your comment on “{title_of_target}”",
            body=body,
            url=url,
            actor=actor,
            target=comment,
        )
    if others:
        sent += notify(
            recipients=others,
            kind="engagement:comment",
            title=f"{who} commented on “{title_of_target}”",
            body=body,
            url=url,
            actor=actor,
            target=comment,
        )
    return sent


@transaction.atomic
def comment_edit(
    *, actor: Any, comment: Comment, body: str, pii_false_alarms: Iterable[str] = ()
) -> Comment:
    """The author changes their comment, within COMMENT_EDIT_WINDOW_MINUTES of posting."""
    if not getattr(actor, "is_authenticated", False) or comment.author_id != actor.pk:
        raise PermissionDenied("Only the person who wrote a comment can change it.")
    if not comment.is_visible:
        raise PermissionDenied("This comment can no longer be changed.")
    minutes = settings.COMMENT_EDIT_WINDOW_MINUTES
    if timezone.now() > edit_deadline(comment):
        raise PermissionDenied(
            f"Comments can only be changed within {minutes} minutes of posting. "
            "You can delete it and post a new one."
        )
    target = comment.target
    if target is None or not may_engage(actor, target):
        raise PermissionDenied("Comments here are closed.")
    clean = _clean_body(body)
    guard = pii_guard.require_clean(
        {"body": clean}, false_alarms=pii_false_alarms, labels={"body": "Your comment"}
    )
    if clean == comment.body:
        return comment
    old = comment.body
    comment.body = clean
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    audit_record(
        action="engagement:comment:edit",
        actor=actor,
        target=comment,
        old={"body": old},
        new={"body": clean},
    )
    if guard.held:
        hold_for_review(actor=actor, target=comment, findings=guard.findings_by_field())
    return comment


@transaction.atomic
def comment_delete(*, actor: Any, comment: Comment, reason: str = "") -> Comment:
    """Soft-delete: the author at any time, or a moderator (engagement.delete_comment)."""
    if comment.deleted_at is not None:
        return comment
    if not may_delete_comment(actor, comment):
        raise PermissionDenied("You can only delete your own comments.")
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])
    target = comment.target
    if target is not None:
        _recount(target)
    audit_record(
        action="engagement:comment:delete",
        actor=actor,
        target=comment,
        reason=reason,
        old={"body": comment.body},
        new={
            "deleted_at": comment.deleted_at.isoformat(),
            "by_author": actor.pk == comment.author_id,
        },
    )
    return comment


HIDE_PERMISSION = "engagement.change_comment"


def _require_hider(actor: Any) -> None:
    if not (
        getattr(actor, "is_authenticated", False)
        and actor.is_active
        and actor.has_perm(HIDE_PERMISSION)
    ):
        raise PermissionDenied("Only moderators can hide or show comments.")


@transaction.atomic
def comment_hide(*, actor: Any, comment: Comment, reason: str = "") -> Comment:
    """A moderator hides a comment from everyone (it can be shown again)."""
    _require_hider(actor)
    if comment.hidden_at is not None:
        return comment
    comment.hidden_at = timezone.now()
    comment.save(update_fields=["hidden_at"])
    if comment.target is not None:
        _recount(comment.target)
    audit_record(
        action="engagement:comment:hide",
        actor=actor,
        target=comment,
        reason=reason,
        new={"hidden_at": comment.hidden_at.isoformat()},
    )
    return comment


@transaction.atomic
def comment_unhide(*, actor: Any, comment: Comment, reason: str = "") -> Comment:
    _require_hider(actor)
    if comment.hidden_at is None:
        return comment
    old = comment.hidden_at
    comment.hidden_at = None
    comment.save(update_fields=["hidden_at"])
    if comment.target is not None:
        _recount(comment.target)
    audit_record(
        action="engagement:comment:unhide",
        actor=actor,
        target=comment,
        reason=reason,
        old={"hidden_at": old.isoformat()},
    )
    return comment


# Reactions --------------------------------------------------------------------------------


@transaction.atomic
def reaction_toggle(*, actor: Any, target: models.Model, kind: str) -> bool:
    """Add the reaction if the actor has not chosen it, else take it back. True if now on."""
    if kind not in ReactionKind.values:
        raise ValidationError("Unknown reaction.", code="invalid_reaction")
    if not may_engage(actor, target):
        raise PermissionDenied("You cannot react to this.")
    where = _where(target)
    removed, _ = Reaction.objects.filter(**where, user=actor, kind=kind).delete()
    now_on = not removed
    if now_on:
        try:
            with transaction.atomic():
                Reaction.objects.create(**where, user=actor, kind=kind)
        except IntegrityError:  # a double click that raced us: it is on either way
            pass
    _recount(target)
    return now_on


# Follows ----------------------------------------------------------------------------------


@transaction.atomic
def follow_set(*, actor: Any, target: models.Model, following: bool) -> bool:
    """Follow or stop following the target. Idempotent; returns whether the actor follows."""
    if following:
        if not may_follow(actor, target):
            raise PermissionDenied("You cannot follow this.")
        try:
            with transaction.atomic():
                _follow_quietly(user=actor, target=target)
        except IntegrityError:  # followed at the same moment by another request
            pass
        return True
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Sign in to manage what you follow.")
    Follow.objects.filter(**_where(target), user=actor).delete()
    return False
