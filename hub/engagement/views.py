"""Thin views for comments, reactions and follows: plain forms that work without JavaScript.

Every write is a POST that redirects back to the target's page with a message. A target the
viewer may not see is a 404, never a 403, so its existence is not revealed.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from hub.core.ratelimit import rate_limit_hit
from hub.moderation import guard as pii_guard

from . import queries, registry, services
from .forms import CommentEditForm, CommentForm, FollowForm, ReactionForm
from .models import Comment

COMMENT_RATE_LIMIT = 10  # comments per member per minute
COMMENT_RATE_WINDOW = 60  # seconds


def _target_or_404(request: HttpRequest, ct: int, pk: int) -> models.Model:
    target = queries.target_for_viewer(viewer=request.user, content_type_id=ct, object_id=pk)
    if target is None:
        raise Http404("Nothing to see here")
    return target


def _comment_or_404(request: HttpRequest, comment_id: int) -> Comment:
    comment = queries.comment_for_viewer(viewer=request.user, comment_id=comment_id)
    if comment is None:
        raise Http404("No such comment")
    return comment


def _back(target: models.Model, anchor: str = "comments") -> str:
    get_url = getattr(target, "get_absolute_url", None)
    return f"{get_url() if get_url else '/'}#{anchor}"


def _rate_limited(user) -> bool:
    """True once a member has posted COMMENT_RATE_LIMIT comments in this minute."""
    return rate_limit_hit(
        key=f"engagement:comment:{user.pk}", limit=COMMENT_RATE_LIMIT, window=COMMENT_RATE_WINDOW
    )


HELD_MESSAGE = (
    "Thank you. A moderator will check your comment before others can see it, because you "
    "said what looked like patient information is not. You will hear when it is published."
)


def _errors_to_form(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error("body", message)


@login_required
@require_POST
def comment_add(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    target = _target_or_404(request, ct, pk)
    kind = registry.kind_for(target)
    form = CommentForm(request.POST, allow_anonymous=kind.allows_anonymous)
    parent = None
    status = 400
    pii = None
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        if parent_id:
            parent = Comment.objects.filter(
                pk=parent_id,
                content_type=queries.content_type_for(target),
                object_id=target.pk,
            ).first()
            if parent is None or not parent.is_visible:
                form.add_error(None, "The comment you replied to is no longer available.")
    if form.is_valid():
        if _rate_limited(request.user):
            form.add_error(
                None,
                "You have posted a lot of comments in the last minute. "
                "Please wait a minute and try again; your text is kept below.",
            )
            status = 429
        else:
            try:
                comment = services.comment_add(
                    actor=request.user,
                    target=target,
                    body=form.cleaned_data["body"],
                    parent=parent,
                    anonymous=bool(form.cleaned_data.get("anonymous")),
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except PermissionDenied as error:
                messages.error(request, str(error) or "You cannot comment on this.")
                return redirect(_back(target))
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                if comment.hidden_at is not None:
                    messages.success(request, HELD_MESSAGE)
                    return redirect(_back(target))
                messages.success(
                    request, "Your reply is posted." if parent else "Your comment is posted."
                )
                return redirect(_back(target, f"comment-{comment.pk}"))
    return render(
        request,
        "engagement/comment_form.html",
        {
            "form": form,
            "target": target,
            "parent": parent,
            "back": _back(target),
            "action": reverse(
                "engagement:comment_add", args=[queries.content_type_for(target).pk, target.pk]
            ),
            "pii": pii,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = _comment_or_404(request, comment_id)
    target = comment.target
    back = _back(target, f"comment-{comment.pk}")
    if comment.author_id != request.user.pk:
        raise Http404("No such comment")
    if not queries.may_edit_comment(request.user, comment):
        messages.error(
            request,
            f"Comments can only be changed within {settings.COMMENT_EDIT_WINDOW_MINUTES} minutes "
            "of posting.",
        )
        return redirect(back)
    pii = None
    if request.method == "POST":
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(
                    actor=request.user,
                    comment=comment,
                    body=form.cleaned_data["body"],
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except PermissionDenied as error:
                messages.error(request, str(error))
                return redirect(back)
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, "Your comment is updated.")
                return redirect(back)
        status = 400
    else:
        form = CommentEditForm(initial={"body": comment.body})
        status = 200
    return render(
        request,
        "engagement/comment_edit.html",
        {"form": form, "comment": comment, "target": target, "back": back, "pii": pii},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = _comment_or_404(request, comment_id)
    target = comment.target
    if not queries.may_delete_comment(request.user, comment):
        raise Http404("No such comment")
    if request.method == "POST":
        services.comment_delete(actor=request.user, comment=comment)
        messages.success(request, "The comment is deleted.")
        return redirect(_back(target))
    return render(
        request,
        "engagement/comment_delete.html",
        {"comment": comment, "target": target, "back": _back(target, f"comment-{comment.pk}")},
    )


@login_required
@require_POST
def reaction_toggle(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    target = _target_or_404(request, ct, pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Unknown reaction.", status=400, content_type="text/plain")
    try:
        on = services.reaction_toggle(
            actor=request.user, target=target, kind=form.cleaned_data["kind"]
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        label = dict(form.fields["kind"].choices)[form.cleaned_data["kind"]]
        messages.success(
            request, f"You reacted “{label}”." if on else f"Your “{label}” reaction is removed."
        )
    return redirect(_back(target, "reactions"))


@login_required
@require_POST
def follow_set(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    target = _target_or_404(request, ct, pk)
    form = FollowForm(request.POST)
    if not form.is_valid():
        return HttpResponse(
            "Say following=1 or following=0.", status=400, content_type="text/plain"
        )
    try:
        following = services.follow_set(
            actor=request.user, target=target, following=form.cleaned_data["following"]
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"You follow “{target}”. We will tell you about new activity."
            if following
            else f"You no longer follow “{target}”.",
        )
    return redirect(_back(target, "follow"))
