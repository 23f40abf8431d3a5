"""{% engagement_panel target %} and {% follow_button target %}: reactions, follows, comments.

    {% load engagement %}
    {% engagement_panel item %}      reactions bar, follow button and the comments section
    {% follow_button category %}     only the follow button (category and tag pages)

Both need `request` in the template context and a target registered with
hub.engagement.registry. A viewer who may not see the target gets an empty string.
"""

from typing import Any
from urllib.parse import quote

from django import template
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .. import queries, registry
from ..forms import CommentForm

register = template.Library()


def _viewer(context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None) or AnonymousUser()


def _login_url(context, anchor: str = "") -> str:
    request = context.get("request")
    here = request.get_full_path() if request else "/"
    return f"{reverse('account_login')}?next={quote(here + anchor, safe='/')}"


def _follow_context(viewer: Any, target: models.Model, content_type_id: int) -> dict[str, Any]:
    return {
        "target": target,
        "can_follow": queries.may_follow(viewer, target),
        "following": queries.is_following(viewer=viewer, target=target),
        "follow_url": reverse("engagement:follow", args=[content_type_id, target.pk]),
    }


@register.inclusion_tag("engagement/follow_button.html", takes_context=True)
def follow_button(context, target: models.Model) -> dict[str, Any]:
    viewer = _viewer(context)
    if not queries.may_view(viewer, target):
        return {"visible": False}
    content_type_id = queries.content_type_for(target).pk
    return {
        "visible": True,
        "signed_in": viewer.is_authenticated,
        "login_url": _login_url(context),
        **_follow_context(viewer, target, content_type_id),
    }


@register.inclusion_tag("engagement/panel.html", takes_context=True)
def engagement_panel(context, target: models.Model) -> dict[str, Any]:
    viewer = _viewer(context)
    kind = registry.kind_for(target)
    if not kind.can_view(viewer, target):
        return {"visible": False}
    content_type_id = queries.content_type_for(target).pk
    can_engage = queries.may_engage(viewer, target)
    thread = queries.comment_thread(viewer=viewer, target=target)

    now = timezone.now()
    signed_in = bool(viewer.is_authenticated and viewer.is_active)
    is_moderator = signed_in and viewer.has_perm(queries.MODERATE_PERMISSION)
    for comment in thread:
        comments = [comment, *comment.visible_replies]
        for each in comments:
            mine = signed_in and each.author_id == viewer.pk and each.deleted_at is None
            each.viewer_can_edit = mine and now <= queries.edit_deadline(each)
            each.viewer_can_delete = each.deleted_at is None and (mine or is_moderator)
            each.viewer_can_report = (
                signed_in and each.author_id != viewer.pk and each.deleted_at is None
            )
        comment.reply_form = (
            CommentForm(
                allow_anonymous=kind.allows_anonymous,
                reply=True,
                initial={"parent": comment.pk},
                auto_id=f"id_reply{comment.pk}_%s",
            )
            if can_engage and comment.deleted_at is None
            else None
        )

    return {
        "visible": True,
        "target": target,
        "signed_in": signed_in,
        "can_engage": can_engage,
        "thread": thread,
        "comment_count": queries.visible_comment_count(thread),
        "reactions": queries.reaction_summary(viewer=viewer, target=target),
        "form": CommentForm(allow_anonymous=kind.allows_anonymous) if can_engage else None,
        "comment_url": reverse("engagement:comment_add", args=[content_type_id, target.pk]),
        "react_url": reverse("engagement:react", args=[content_type_id, target.pk]),
        "login_url": _login_url(context, "#comments"),
        **_follow_context(viewer, target, content_type_id),
    }
