"""Reads of comments, reactions and follows. Every read asks the content kind first.

A viewer who may not see the target gets nothing: no comments, no counts, no follow state.
"""

from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from . import registry
from .models import Comment, Follow, Reaction, ReactionKind

MODERATE_PERMISSION = "engagement.delete_comment"


# Permission answers shared by services, views and templates ------------------------------


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def may_view(viewer: Any, target: models.Model) -> bool:
    return registry.kind_for(target).can_view(viewer, target)


def may_engage(viewer: Any, target: models.Model) -> bool:
    """May comment on and react to the target now (signed in, allowed to see it, open)."""
    kind = registry.kind_for(target)
    return _signed_in(viewer) and kind.can_view(viewer, target) and kind.can_engage(viewer, target)


def may_follow(viewer: Any, target: models.Model) -> bool:
    kind = registry.kind_for(target)
    if not _signed_in(viewer) or not kind.can_view(viewer, target):
        return False
    return kind.can_follow(viewer, target) if kind.can_follow is not None else True


def edit_deadline(comment: Comment):
    return comment.created + timedelta(minutes=settings.COMMENT_EDIT_WINDOW_MINUTES)


def may_edit_comment(viewer: Any, comment: Comment) -> bool:
    """Only the author, only while the edit window is open, only a visible comment."""
    return bool(
        _signed_in(viewer)
        and comment.author_id == viewer.pk
        and comment.is_visible
        and timezone.now() <= edit_deadline(comment)
    )


def may_delete_comment(viewer: Any, comment: Comment) -> bool:
    """The author at any time; moderators (engagement.delete_comment) too."""
    if not _signed_in(viewer) or comment.deleted_at is not None:
        return False
    return comment.author_id == viewer.pk or viewer.has_perm(MODERATE_PERMISSION)


# Looking things up for views ------------------------------------------------------------


def target_for_viewer(*, viewer: Any, content_type_id: int, object_id: int) -> models.Model | None:
    """The engageable object behind (content type, id), or None if absent or not visible."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or not registry.is_registered(model):
        return None
    target = model._default_manager.filter(pk=object_id).first()
    if target is None or not may_view(viewer, target):
        return None
    return target


def comment_for_viewer(*, viewer: Any, comment_id: int) -> Comment | None:
    """A visible comment whose target the viewer may see (with .target loaded), else None."""
    comment = (
        Comment.objects.select_related("author")
        .filter(pk=comment_id, deleted_at__isnull=True, hidden_at__isnull=True)
        .first()
    )
    if comment is None:
        return None
    target = comment.target
    if target is None or not registry.is_registered(type(target)):
        return None
    if not may_view(viewer, target):
        return None
    return comment


def content_type_for(target: models.Model) -> ContentType:
    return ContentType.objects.get_for_model(target)


def _for_target(target: models.Model) -> Q:
    return Q(content_type=content_type_for(target), object_id=target.pk)


# Comments ---------------------------------------------------------------------------------


def comment_thread(*, viewer: Any, target: models.Model) -> list[Comment]:
    """Top-level comments, oldest first, each with `.visible_replies` (a list) prefetched.

    Hidden comments are left out for everyone. A deleted comment stays only as a placeholder
    when it has visible replies. Two queries, however many comments there are.
    """
    if not may_view(viewer, target):
        return []
    replies = Prefetch(
        "replies",
        queryset=Comment.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True)
        .select_related("author")
        .order_by("created", "id"),
        to_attr="visible_replies",
    )
    top = (
        Comment.objects.filter(_for_target(target), parent__isnull=True, hidden_at__isnull=True)
        .select_related("author")
        .prefetch_related(replies)
        .order_by("created", "id")
    )
    return [c for c in top if c.deleted_at is None or c.visible_replies]


def visible_comment_count(thread: list[Comment]) -> int:
    """How many comments of a thread (from comment_thread) are shown, placeholders aside."""
    return sum((c.deleted_at is None) + len(c.visible_replies) for c in thread)


# Reactions --------------------------------------------------------------------------------


def _summary(counts: dict[str, int], chosen: set[str]) -> dict[str, Any]:
    return {
        "counts": {value: counts.get(value, 0) for value in ReactionKind.values},
        "total": sum(counts.values()),
        "chosen": chosen,
        # One row per kind, in a fixed order, for templates.
        "kinds": [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "chosen": value in chosen,
            }
            for value, label in ReactionKind.choices
        ],
    }


def reaction_summary(*, viewer: Any, target: models.Model) -> dict[str, Any]:
    """{"counts": {kind: n}, "total": n, "chosen": {kinds}, "kinds": [rows]}: two queries at most.

    A viewer who may not see the target gets all zeros.
    """
    if not may_view(viewer, target):
        return _summary({}, set())
    where = _for_target(target)
    counts = {
        row["kind"]: row["n"]
        for row in Reaction.objects.filter(where).values("kind").annotate(n=Count("id")).order_by()
    }
    chosen: set[str] = set()
    if _signed_in(viewer):
        chosen = set(
            Reaction.objects.filter(where, user_id=viewer.pk).values_list("kind", flat=True)
        )
    return _summary(counts, chosen)


def reaction_summaries(*, viewer: Any, targets: list[models.Model]) -> dict[int, dict[str, Any]]:
    """reaction_summary for many targets of one model (a page of posts) in two queries.

    The caller has already checked that the viewer may see every target.
    """
    if not targets:
        return {}
    ids = [target.pk for target in targets]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    chosen: dict[int, set[str]] = defaultdict(set)
    rows = Reaction.objects.filter(content_type=content_type_for(targets[0]), object_id__in=ids)
    for row in rows.values("object_id", "kind").annotate(n=Count("id")).order_by():
        counts[row["object_id"]][row["kind"]] = row["n"]
    if _signed_in(viewer):
        for object_id, kind in rows.filter(user_id=viewer.pk).values_list("object_id", "kind"):
            chosen[object_id].add(kind)
    return {pk: _summary(counts[pk], chosen[pk]) for pk in ids}


# Follows ----------------------------------------------------------------------------------


def is_following(*, viewer: Any, target: models.Model) -> bool:
    if not _signed_in(viewer) or not may_view(viewer, target):
        return False
    return Follow.objects.filter(_for_target(target), user_id=viewer.pk).exists()


def followers_of(*, targets: list[models.Model]) -> set[int]:
    """Ids of members following any of the targets: one query (none for no targets)."""
    by_type: dict[int, set[int]] = defaultdict(set)
    for target in targets:
        if target is not None and target.pk is not None:
            by_type[content_type_for(target).pk].add(target.pk)
    if not by_type:
        return set()
    where = Q()
    for content_type_id, ids in by_type.items():
        where |= Q(content_type_id=content_type_id, object_id__in=ids)
    return set(Follow.objects.filter(where).values_list("user_id", flat=True).distinct())


def comments_written_by(*, author: Any, limit: int = 50) -> list[Comment]:
    """The member's own comments (anonymous and hidden ones included) for their account page.

    Only ever shown to the author themselves.
    """
    return list(
        Comment.objects.filter(author=author, deleted_at__isnull=True)
        .select_related("content_type")
        .prefetch_related("target")
        .order_by("-created", "-id")[:limit]
    )


def authored_comments(*, member: Any, held: set[tuple[int, int]]) -> list[Comment]:
    """The member's own comments for their "My posts" page (hub.accounts.authored), each
    marked `is_held` when it waits for moderation."""
    comment_ct = ContentType.objects.get_for_model(Comment).pk
    comments = comments_written_by(author=member)
    for comment in comments:
        comment.is_held = (comment_ct, comment.pk) in held
    return comments
