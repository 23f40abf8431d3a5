"""Thin views for the forums: parse input, call one service or query, render.

A topic the viewer may not see (a network's topic for a non-member, a hidden or deleted one)
is a 404, never a 403, so its existence is not revealed.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.views.decorators.http import require_http_methods, require_POST

from hub.core.params import page_param
from hub.core.ratelimit import rate_limit_hit
from hub.core.richtext import html_to_text
from hub.moderation import guard as pii_guard

from . import permissions as perms
from . import queries, services
from .forms import MoveForm, PostEditForm, ReasonForm, ReplyForm, TopicForm
from .models import Forum, Post, Topic

POST_RATE_LIMIT = 6  # new topics and replies per member per window
POST_RATE_WINDOW = 60  # seconds
HELD_MESSAGE = (
    "Thank you. A moderator will check your post before others can see it, because you said "
    "what looked like patient information is not. You will hear when it is published."
)
RATE_LIMIT_MESSAGE = (
    "You have posted a lot in the last minute. Please wait a minute and try again; "
    "your text is kept below."
)


# Helpers ----------------------------------------------------------------------------------


def _rate_limited(user: Any) -> bool:
    """True once a member has posted POST_RATE_LIMIT times in this window."""
    return rate_limit_hit(
        key=f"community:post:{user.pk}", limit=POST_RATE_LIMIT, window=POST_RATE_WINDOW
    )


def _topic_or_404(request: HttpRequest, pk: int) -> Topic:
    topic = queries.topic_for_page(viewer=request.user, pk=pk)
    if topic is None:
        raise Http404("No such discussion")
    return topic


def _post_or_404(request: HttpRequest, pk: int) -> Post:
    post = queries.post_for_viewer(viewer=request.user, pk=pk)
    if post is None:
        raise Http404("No such post")
    return post


def _network_or_404(request: HttpRequest, slug: str):
    network = queries.network_for_viewer(viewer=request.user, slug=slug)
    if network is None:
        raise Http404("No such network")
    return network


def _network_url(network: Any) -> str:
    """The network's own page, once the networks app serves it."""
    try:
        return network.get_absolute_url()
    except NoReverseMatch:
        return reverse("community:network_topics", kwargs={"network_slug": network.slug})


def _post_url(post: Post) -> str:
    page = queries.page_of_post(post=post)
    query = f"?page={page}" if page > 1 else ""
    return f"{post.topic.get_absolute_url()}{query}#post-{post.number}"


def _topic_home_url(topic: Topic) -> str:
    if topic.network_id:
        try:
            return reverse("networks:discussions", kwargs={"slug": topic.network.slug})
        except NoReverseMatch:
            return reverse("community:network_topics", kwargs={"network_slug": topic.network.slug})
    return topic.forum.get_absolute_url()


def quote_html(post: Post) -> str:
    """The reply form's starting text when quoting: the post's text in a blockquote."""
    who = services.ANONYMOUS_NAME if post.is_anonymous else post.author.public_name
    paragraphs = [p for p in html_to_text(post.body).split("\n\n") if p.strip()]
    text = "".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in paragraphs)
    return f"<blockquote><p>{escape(who)} wrote:</p>{text}</blockquote><p></p>"


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Forums -----------------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "community/index.html", {"forums": queries.forum_index()})


def forum(request: HttpRequest, slug: str) -> HttpResponse:
    forum = queries.forum_for_page(slug=slug)
    if forum is None:
        raise Http404("No such forum")
    page = queries.topic_page(
        viewer=request.user, forum=forum, page=page_param(request.GET.get("page"))
    )
    return render(
        request,
        "community/forum.html",
        {"forum": forum, "sub_forums": list(forum.children.all()), "page": page},
    )


def network_topics(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = _network_or_404(request, network_slug)
    page = queries.topic_page(
        viewer=request.user, network=network, page=page_param(request.GET.get("page"))
    )
    return render(
        request,
        "community/network_topics.html",
        {
            "network": network,
            "network_url": _network_url(network),
            "page": page,
            "can_start": perms.can_start_topic_in_network(request.user, network.pk),
        },
    )


def _start_topic(request: HttpRequest, *, forum: Forum | None, network: Any) -> HttpResponse:
    status = 200
    pii = None
    if request.method == "POST":
        form = TopicForm(request.POST)
        status = 400
        if form.is_valid():
            if _rate_limited(request.user):
                form.add_error(None, RATE_LIMIT_MESSAGE)
                status = 429
            else:
                try:
                    topic = services.topic_start(
                        actor=request.user,
                        title=form.cleaned_data["title"],
                        body=form.cleaned_data["body"],
                        forum=forum,
                        network=network,
                        anonymous=form.cleaned_data["anonymous"],
                        pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                    )
                except pii_guard.PersonalDataFound as found:
                    form.add_error(None, found.messages)
                    pii = found.guard
                except ValidationError as error:
                    _add_errors(form, error)
                else:
                    if topic.hidden_at is not None:
                        messages.success(request, HELD_MESSAGE)
                        return redirect("accounts:my_posts")
                    messages.success(request, "Your discussion is started.")
                    return redirect(topic)
    else:
        form = TopicForm()
    return render(
        request,
        "community/topic_form.html",
        {
            "form": form,
            "forum": forum,
            "network": network,
            "network_url": _network_url(network) if network else "",
            "pii": pii,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def topic_new(request: HttpRequest, slug: str) -> HttpResponse:
    forum = queries.forum_for_page(slug=slug)
    if forum is None:
        raise Http404("No such forum")
    return _start_topic(request, forum=forum, network=None)


@login_required
@require_http_methods(["GET", "POST"])
def network_topic_new(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = _network_or_404(request, network_slug)
    if not perms.can_start_topic_in_network(request.user, network.pk):
        raise Http404("No such network")
    return _start_topic(request, forum=None, network=network)


# Topics -----------------------------------------------------------------------------------


def _render_topic(
    request: HttpRequest,
    topic: Topic,
    *,
    page: Any,
    reply_form: ReplyForm | None = None,
    unsent: str = "",
    status: int = 200,
    pii: Any = None,
) -> HttpResponse:
    viewer = request.user
    posts = queries.posts_for_page(viewer=viewer, topic=topic, page=page)
    can_reply = perms.can_reply(viewer, topic)
    quoting = None
    if can_reply and reply_form is None:
        quoting = queries.quotable_post(viewer=viewer, topic=topic, pk=request.GET.get("quote"))
        initial = {"body": quote_html(quoting), "quoted": quoting.pk} if quoting else {}
        reply_form = ReplyForm(initial=initial)
    moderator = perms.can_moderate_topic(viewer, topic)
    if request.method == "GET":
        numbers = [post.number for post in posts.object_list]
        if numbers:
            services.topic_mark_read(actor=viewer, topic=topic, number=max(numbers))
        services.topic_record_view(topic=topic)
    context = {
        "topic": topic,
        "page": posts,
        "post_ct": ContentType.objects.get_for_model(Post).pk,
        "can_reply": can_reply,
        "reply_refusal": perms.reply_refusal(viewer, topic),
        "reply_form": reply_form if can_reply else None,
        "quoting": quoting,
        "unsent": unsent,
        "moderator": moderator,
        "can_delete_topic": perms.can_delete_topic(viewer, topic),
        "network_url": _network_url(topic.network) if topic.network_id else "",
        "login_url": f"{reverse('account_login')}?next={topic.get_absolute_url()}",
        "pii": pii,
    }
    if moderator:
        context["move_form"] = (
            MoveForm(forums=queries.forum_choices(), initial={"forum": topic.forum_id})
            if topic.forum_id
            else None
        )
    return render(request, "community/topic.html", context, status=status)


def topic(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    topic = _topic_or_404(request, pk)
    if slug != topic.slug:
        query = request.META.get("QUERY_STRING", "")
        return redirect(topic.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)
    return _render_topic(request, topic, page=page_param(request.GET.get("page")))


def _last_page(topic: Topic) -> int:
    return max(1, (topic.last_post_number - 1) // queries.POSTS_PER_PAGE + 1)


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    topic = _topic_or_404(request, pk)
    form = ReplyForm(request.POST)
    status = 400
    pii = None
    if form.is_valid():
        if _rate_limited(request.user):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        else:
            quoted = None
            if form.cleaned_data.get("quoted"):
                quoted = queries.quotable_post(
                    viewer=request.user, topic=topic, pk=form.cleaned_data["quoted"]
                )
            try:
                post = services.post_reply(
                    actor=request.user,
                    topic=topic,
                    body=form.cleaned_data["body"],
                    anonymous=form.cleaned_data["anonymous"],
                    quoted=quoted,
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except PermissionDenied as error:
                messages.error(request, str(error) or "You cannot reply to this discussion.")
                topic.refresh_from_db()
                return _render_topic(
                    request,
                    topic,
                    page=_last_page(topic),
                    unsent=request.POST.get("body", ""),
                    status=403,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                if post.hidden_at is not None:
                    messages.success(request, HELD_MESSAGE)
                else:
                    messages.success(request, "Your reply is posted.")
                post.topic = topic
                return redirect(_post_url(post))
    elif not perms.can_reply(request.user, topic):
        messages.error(request, perms.reply_refusal(request.user, topic))
        return _render_topic(
            request,
            topic,
            page=_last_page(topic),
            unsent=request.POST.get("body", ""),
            status=403,
        )
    return _render_topic(
        request, topic, page=_last_page(topic), reply_form=form, status=status, pii=pii
    )


TOPIC_ACTIONS = {
    "pin": (services.topic_pin, "The discussion is pinned to the top of its forum."),
    "unpin": (services.topic_unpin, "The discussion is no longer pinned."),
    "lock": (services.topic_lock, "The discussion is locked: nobody can reply."),
    "unlock": (services.topic_unlock, "The discussion is open for replies again."),
    "hide": (services.topic_hide, "The discussion is hidden from everyone but moderators."),
    "unhide": (services.topic_unhide, "The discussion is shown again."),
    "delete": (services.topic_delete, "The discussion is deleted."),
}


@login_required
@require_POST
def topic_moderate(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    topic = _topic_or_404(request, pk)
    if action == "move":
        form = MoveForm(request.POST, forums=queries.forum_choices())
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect(topic)
        try:
            services.topic_move(
                actor=request.user,
                topic=topic,
                forum=form.cleaned_data["forum"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The discussion is moved to “{topic.forum.name}”.")
        return redirect(topic)
    if action not in TOPIC_ACTIONS:
        raise Http404("No such action")
    service, done = TOPIC_ACTIONS[action]
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        service(actor=request.user, topic=topic, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(topic)
    messages.success(request, done)
    if action == "delete":
        return redirect(_topic_home_url(topic))
    return redirect(topic)


# Posts ------------------------------------------------------------------------------------


def post(request: HttpRequest, pk: int) -> HttpResponse:
    """The permalink: the topic page the post is on, at the post."""
    post = _post_or_404(request, pk)
    return redirect(_post_url(post))


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post_or_404(request, pk)
    if post.author_id != request.user.pk:
        raise Http404("No such post")
    refusal = services.edit_refusal(request.user, post)
    if refusal:
        messages.error(request, refusal)
        return redirect(_post_url(post))
    status = 200
    pii = None
    if request.method == "POST":
        form = PostEditForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.post_edit(
                    actor=request.user,
                    post=post,
                    body=form.cleaned_data["body"],
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except PermissionDenied as error:
                messages.error(request, str(error))
                return redirect(_post_url(post))
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "Your post is updated.")
                return redirect(_post_url(post))
    else:
        form = PostEditForm(initial={"body": post.body})
    return render(
        request,
        "community/post_edit.html",
        {
            "form": form,
            "post": post,
            "topic": post.topic,
            "back": _post_url(post),
            "edit_minutes": settings.COMMENT_EDIT_WINDOW_MINUTES,
            "pii": pii,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post_or_404(request, pk)
    if not perms.can_delete_post(request.user, post):
        raise Http404("No such post")
    if request.method == "POST":
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.post_delete(actor=request.user, post=post, reason=reason)
        messages.success(request, "The post is deleted.")
        return redirect(_post_url(post))
    return render(
        request,
        "community/post_delete.html",
        {
            "post": post,
            "topic": post.topic,
            "back": _post_url(post),
            "moderating": post.author_id != request.user.pk,
        },
    )


@login_required
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post_or_404(request, pk)
    revisions = queries.post_history(viewer=request.user, post=post)
    if revisions is None:
        raise Http404("No such post")
    return render(
        request,
        "community/post_history.html",
        {"post": post, "topic": post.topic, "revisions": revisions, "back": _post_url(post)},
    )


POST_ACTIONS = {
    "hide": (services.post_hide, "The post is hidden behind a placeholder."),
    "unhide": (services.post_unhide, "The post is shown again."),
    "delete": (services.post_delete, "The post is deleted."),
}


@login_required
@require_POST
def post_moderate(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    post = _post_or_404(request, pk)
    if action not in POST_ACTIONS:
        raise Http404("No such action")
    if not perms.can_moderate_topic(request.user, post.topic):
        raise PermissionDenied("Only moderators of this discussion can do that.")
    service, done = POST_ACTIONS[action]
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        service(actor=request.user, post=post, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(_post_url(post))
