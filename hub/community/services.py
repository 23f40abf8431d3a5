"""Every write to the forums: permission check, state change, audit, side effects on commit.

Posts keep their `number` for ever (hidden and deleted posts stay as placeholders), so a
permalink always finds its post. Notifications (new topics to forum followers, replies to
topic followers, @mentions) are worked out after commit by hub.community.tasks, and only
reach people who may see the topic.
"""

import re
from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from hub.core.queue import task_at
from hub.core.richtext import html_to_text, sanitize_html
from hub.core.services import audit_record
from hub.core.templatetags.safety import day_start, day_start_if_anonymous
from hub.moderation import guard as pii_guard
from hub.moderation.services import hold_for_review, require_can_post
from hub.networks import access
from hub.search.services import index_on_commit, record_view

from . import permissions as perms
from .models import Forum, Post, PostRevision, Topic, TopicRead

POST_MAX_LENGTH = 20_000  # visible characters
TITLE_MAX_LENGTH = Topic._meta.get_field("title").max_length
NOTIFICATION_EXCERPT = 300
ANONYMOUS_NAME = "Anonymous"
MAX_MENTIONS = 20

# "@name" not preceded by a word character (so e-mail addresses are not mentions). A name may
# contain dots, pluses and hyphens inside, but a sentence's full stop is not part of it.
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.+-]*[A-Za-z0-9_])?)")
# A complete tag, allowing ">" inside quoted attribute values.
_TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
_TAG_NAME = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_NO_MENTIONS_INSIDE = frozenset({"a", "code", "pre"})


# Helpers ----------------------------------------------------------------------------------


def _clean_body(body: str) -> str:
    clean = sanitize_html(body or "")
    text = html_to_text(clean)
    if not text:
        raise ValidationError({"body": "Please write something before posting."}, code="empty")
    if len(text) > POST_MAX_LENGTH:
        raise ValidationError(
            {"body": f"Please shorten your post to {POST_MAX_LENGTH} characters or fewer."},
            code="too_long",
        )
    return clean


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": "Please give your discussion a title."}, code="empty")
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(
            {"title": f"Please shorten the title to {TITLE_MAX_LENGTH} characters or fewer."},
            code="too_long",
        )
    return title


def _mention_segments(html: str) -> list[tuple[str, bool]]:
    """The HTML cut into (piece, is text where a mention may be linked)."""
    pieces: list[tuple[str, bool]] = []
    depth = 0
    for piece in _TAG.split(html):
        if not piece:
            continue
        if piece.startswith("<") and _TAG.fullmatch(piece):
            match = _TAG_NAME.match(piece)
            if match and match.group(2).lower() in _NO_MENTIONS_INSIDE:
                depth = max(0, depth - 1) if match.group(1) else depth + 1
            pieces.append((piece, False))
        else:
            pieces.append((piece, depth == 0))
    return pieces


def link_mentions(html: str) -> tuple[str, list[Any]]:
    """Turn "@username" into a link to the member's profile; return (html, members mentioned).

    Only active members are linked; text inside links and code is left alone. The result is
    sanitised again, so a crafted body cannot smuggle anything in.
    """
    pieces = _mention_segments(html)
    names: list[str] = []
    for piece, eligible in pieces:
        if eligible:
            for name in MENTION.findall(piece):
                if name.lower() not in names:
                    names.append(name.lower())
    names = names[:MAX_MENTIONS]
    if not names:
        return html, []
    User = get_user_model()
    found = User.objects.filter(
        reduce(or_, [Q(username__iexact=name) for name in names]), is_active=True
    )
    members = {user.username.lower(): user for user in found}
    if not members:
        return html, []
    mentioned: dict[int, Any] = {}

    def link(match: re.Match) -> str:
        user = members.get(match.group(1).lower())
        if user is None:
            return match.group(0)
        mentioned[user.pk] = user
        url = reverse("accounts:profile", kwargs={"username": user.username})
        return f'<a href="{url}">@{user.username}</a>'

    out = "".join(MENTION.sub(link, piece) if eligible else piece for piece, eligible in pieces)
    return sanitize_html(out), list(mentioned.values())


def _unique_slug(title: str) -> str:
    return slugify(title)[:200] or "discussion"


def _recount(topic: Topic) -> None:
    """Keep the topic's count of shown replies in step (forum figures add these up)."""
    replies = Post.objects.filter(
        topic=topic, number__gt=1, hidden_at__isnull=True, deleted_at__isnull=True
    ).count()
    topic.reply_count = replies
    Topic.objects.filter(pk=topic.pk).update(reply_count=replies)


def _follow(actor: Any, topic: Topic) -> None:
    from hub.engagement.services import follow_set

    follow_set(actor=actor, target=topic, following=True)


def _queue_notifications(post: Post, mentioned: list[Any], announce: bool) -> None:
    post_id = post.pk
    mentioned_ids = [user.pk for user in mentioned]

    def enqueue() -> None:
        task_at("hub.community.tasks.notify_about_post").enqueue(
            post_id=post_id, mentioned_ids=mentioned_ids, announce=announce
        )

    transaction.on_commit(enqueue)


def _topic_home(topic: Topic) -> str:
    if topic.network_id:
        return f"network:{topic.network_id}"
    return f"forum:{topic.forum.slug}" if topic.forum_id else ""


# Writing ----------------------------------------------------------------------------------


@transaction.atomic
def topic_start(
    *,
    actor: Any,
    title: str,
    body: str,
    forum: Forum | None = None,
    network: Any = None,
    anonymous: bool = False,
    pii_false_alarms: Iterable[str] = (),
) -> Topic:
    """Start a discussion in a public forum, or (members only) in a network.

    The patient-data guard runs first (hub.moderation.guard): findings raise
    PersonalDataFound; findings all marked as false alarms start the discussion held for a
    moderator's review.
    """
    perms.require(perms.signed_in(actor), "Sign in to start a discussion.")
    require_can_post(actor)
    if (forum is None) == (network is None):
        raise ValidationError("A discussion belongs to one forum or to one network.")
    if network is not None:
        perms.require(
            perms.can_start_topic_in_network(actor, network.pk),
            "Only members of this network can start discussions in it.",
        )
    errors: dict[str, list[str]] = {}
    clean_title = clean_body = ""
    try:
        clean_title = _clean_title(title)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        clean_body = _clean_body(body)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    guard = pii_guard.require_clean(
        {"title": clean_title, "body": clean_body},
        false_alarms=pii_false_alarms,
        labels={"title": "Title", "body": "Your message"},
    )
    clean_body, mentioned = link_mentions(clean_body)
    now = timezone.now()
    topic = Topic.objects.create(
        forum=forum,
        network=network,
        title=clean_title,
        slug=_unique_slug(clean_title),
        author=actor,
        is_anonymous=anonymous,
        last_post_number=1,
        # An anonymous post's time is kept to the day wherever it shows (issue 21).
        last_post_at=day_start_if_anonymous(now, anonymous),
    )
    post = Post.objects.create(
        topic=topic, number=1, author=actor, is_anonymous=anonymous, body=clean_body
    )
    audit_record(
        action="community:topic:start",
        actor=actor,
        target=topic,
        new={
            "where": _topic_home(topic),
            "title": clean_title,
            "anonymous": anonymous,
            "body": clean_body,
        },
    )
    TopicRead.objects.create(user=actor, topic=topic, last_read_number=1)
    index_on_commit(topic)
    _follow(actor, topic)
    if guard.held:
        hold_for_review(actor=actor, target=topic, findings=guard.findings_by_field())
    _queue_notifications(post, mentioned, announce=True)
    return topic


@transaction.atomic
def post_reply(
    *,
    actor: Any,
    topic: Topic,
    body: str,
    anonymous: bool = False,
    quoted: Post | None = None,
    pii_false_alarms: Iterable[str] = (),
) -> Post:
    """Add a reply at the end of the topic. Refused when the topic is locked or hidden."""
    # Lock the topic row: the next number is taken by one reply at a time, and a topic locked
    # after the page was loaded refuses the reply.
    fresh = Topic.objects.select_for_update().filter(pk=topic.pk).first()
    if fresh is None:
        perms.require(False, "This discussion is no longer available.")
    perms.require(perms.can_reply(actor, fresh), perms.reply_refusal(actor, fresh))
    require_can_post(actor)
    clean = _clean_body(body)
    guard = pii_guard.require_clean(
        {"body": clean}, false_alarms=pii_false_alarms, labels={"body": "Your reply"}
    )
    clean, mentioned = link_mentions(clean)
    if quoted is not None and (quoted.topic_id != fresh.pk or not perms.post_is_visible(quoted)):
        quoted = None
    now = timezone.now()
    number = fresh.last_post_number + 1
    post = Post.objects.create(
        topic=fresh,
        number=number,
        author=actor,
        is_anonymous=anonymous,
        body=clean,
        quoted=quoted,
    )
    fresh.last_post_number = number
    # The topic's last activity is shown in lists, feeds, search and the sitemap: an anonymous
    # reply moves it to its day only (never back before a named reply's time).
    if anonymous:
        fresh.last_post_at = max(filter(None, (fresh.last_post_at, day_start(now))))
    else:
        fresh.last_post_at = now
    fresh.save(update_fields=["last_post_number", "last_post_at"])
    _recount(fresh)
    for name in ("last_post_number", "last_post_at", "reply_count"):
        setattr(topic, name, getattr(fresh, name))
    audit_record(
        action="community:post:reply",
        actor=actor,
        target=post,
        new={
            "topic": fresh.pk,
            "number": number,
            "quoted": quoted.pk if quoted else None,
            "anonymous": anonymous,
            "body": clean,
        },
    )
    topic_mark_read(actor=actor, topic=fresh, number=number)
    index_on_commit(post)
    index_on_commit(fresh)
    _follow(actor, fresh)
    if guard.held:
        hold_for_review(actor=actor, target=post, findings=guard.findings_by_field())
    _queue_notifications(post, mentioned, announce=True)
    return post


def edit_refusal(actor: Any, post: Post) -> str:
    """Why this person may not change the post now ("" when they may)."""
    if not perms.signed_in(actor) or post.author_id != actor.pk:
        return "Only the person who wrote a post can change it."
    if not perms.post_is_visible(post):
        return "This post can no longer be changed."
    if post.topic.locked:
        return "This discussion is locked, so its posts can no longer be changed."
    if timezone.now() > perms.edit_deadline(post):
        return (
            f"Posts can only be changed within {settings.COMMENT_EDIT_WINDOW_MINUTES} minutes "
            "of posting. You can delete it and write a new reply."
        )
    if not perms.can_edit_post(actor, post):
        return "You cannot change this post."
    return ""


@transaction.atomic
def post_edit(*, actor: Any, post: Post, body: str, pii_false_alarms: Iterable[str] = ()) -> Post:
    """The author changes their post within the edit window; the earlier text is kept.

    The patient-data guard runs as when posting; false alarms hold the post for review."""
    post.topic = Topic.objects.select_for_update().get(pk=post.topic_id)  # locked meanwhile?
    refusal = edit_refusal(actor, post)
    perms.require(not refusal, refusal)
    clean = _clean_body(body)
    guard = pii_guard.require_clean(
        {"body": clean}, false_alarms=pii_false_alarms, labels={"body": "Your post"}
    )
    clean, mentioned = link_mentions(clean)
    if clean == post.body:
        return post
    old = post.body
    PostRevision.objects.create(post=post, body=old, edited_by=actor)
    post.body = clean
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    index_on_commit(post, with_dependants=True)
    audit_record(
        action="community:post:edit",
        actor=actor,
        target=post,
        old={"body": old},
        new={"body": clean},
    )
    if guard.held:
        hold_for_review(
            actor=actor,
            target=post.topic if post.number == 1 else post,
            findings=guard.findings_by_field(),
        )
    if mentioned:
        _queue_notifications(post, mentioned, announce=False)
    return post


@transaction.atomic
def post_delete(*, actor: Any, post: Post, reason: str = "") -> Post:
    """Soft-delete a post: its number stays, shown as "This post was deleted."."""
    perms.require(perms.can_delete_post(actor, post), "You can only delete your own posts.")
    if post.deleted_at is not None:
        return post
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    _recount(post.topic)
    index_on_commit(post, with_dependants=True)
    audit_record(
        action="community:post:delete",
        actor=actor,
        target=post,
        reason=reason,
        old={"body": post.body},
        new={"deleted_at": post.deleted_at, "by_author": actor.pk == post.author_id},
    )
    return post


# Moderation -------------------------------------------------------------------------------


def _require_moderator(actor: Any, topic: Topic) -> None:
    perms.require(
        perms.can_moderate_topic(actor, topic),
        "Only moderators of this discussion can do that.",
    )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Please give a reason (the audit log keeps it)."})
    return reason


def _set_topic_flag(
    *, actor: Any, topic: Topic, field: str, value: bool, verb: str, reason: str
) -> Topic:
    _require_moderator(actor, topic)
    old = getattr(topic, field)
    if old == value:
        return topic
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    audit_record(
        action=f"community:topic:{verb}",
        actor=actor,
        target=topic,
        reason=reason,
        old={field: old},
        new={field: value},
    )
    return topic


@transaction.atomic
def topic_pin(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    """Keep the topic at the top of its forum."""
    return _set_topic_flag(
        actor=actor, topic=topic, field="pinned", value=True, verb="pin", reason=reason
    )


@transaction.atomic
def topic_unpin(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    return _set_topic_flag(
        actor=actor, topic=topic, field="pinned", value=False, verb="unpin", reason=reason
    )


@transaction.atomic
def topic_lock(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    """No more replies, edits or reactions until a moderator unlocks it."""
    return _set_topic_flag(
        actor=actor, topic=topic, field="locked", value=True, verb="lock", reason=reason
    )


@transaction.atomic
def topic_unlock(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    return _set_topic_flag(
        actor=actor, topic=topic, field="locked", value=False, verb="unlock", reason=reason
    )


@transaction.atomic
def topic_move(*, actor: Any, topic: Topic, forum: Forum, reason: str = "") -> Topic:
    """Move a public topic to another forum (a network's topics stay in their network)."""
    _require_moderator(actor, topic)
    if topic.network_id is not None or topic.forum_id is None:
        raise ValidationError("Discussions in a network stay in their network.")
    if topic.forum_id == forum.pk:
        return topic
    old = topic.forum
    topic.forum = forum
    topic.save(update_fields=["forum"])
    index_on_commit(topic, with_dependants=True)
    audit_record(
        action="community:topic:move",
        actor=actor,
        target=topic,
        reason=reason,
        old={"forum": old.slug},
        new={"forum": forum.slug},
    )
    return topic


@transaction.atomic
def topic_hide(*, actor: Any, topic: Topic, reason: str) -> Topic:
    """Hide the whole topic from everyone but its moderators (it can be shown again)."""
    _require_moderator(actor, topic)
    reason = _require_reason(reason)
    if topic.hidden_at is not None:
        return topic
    topic.hidden_at = timezone.now()
    topic.hidden_reason = reason
    topic.save(update_fields=["hidden_at", "hidden_reason"])
    index_on_commit(topic, with_dependants=True)
    audit_record(
        action="community:topic:hide",
        actor=actor,
        target=topic,
        reason=reason,
        new={"hidden_at": topic.hidden_at},
    )
    return topic


@transaction.atomic
def topic_unhide(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    _require_moderator(actor, topic)
    if topic.hidden_at is None:
        return topic
    old = {"hidden_at": topic.hidden_at, "hidden_reason": topic.hidden_reason}
    topic.hidden_at = None
    topic.hidden_reason = ""
    topic.save(update_fields=["hidden_at", "hidden_reason"])
    index_on_commit(topic, with_dependants=True)
    audit_record(action="community:topic:unhide", actor=actor, target=topic, reason=reason, old=old)
    return topic


@transaction.atomic
def topic_delete(*, actor: Any, topic: Topic, reason: str = "") -> Topic:
    """Soft-delete a topic: moderators, or its author while nobody has replied."""
    perms.require(
        perms.can_delete_topic(actor, topic),
        "Only moderators can delete a discussion that has replies.",
    )
    if topic.deleted_at is not None:
        return topic
    topic.deleted_at = timezone.now()
    topic.save(update_fields=["deleted_at"])
    index_on_commit(topic, with_dependants=True)
    audit_record(
        action="community:topic:delete",
        actor=actor,
        target=topic,
        reason=reason,
        old={"title": topic.title},
        new={"deleted_at": topic.deleted_at, "by_author": actor.pk == topic.author_id},
    )
    return topic


@transaction.atomic
def post_hide(*, actor: Any, post: Post, reason: str) -> Post:
    """Hide a post behind a placeholder; the row and its number stay, with the reason."""
    _require_moderator(actor, post.topic)
    reason = _require_reason(reason)
    if post.hidden_at is not None:
        return post
    post.hidden_at = timezone.now()
    post.hidden_reason = reason
    post.save(update_fields=["hidden_at", "hidden_reason"])
    _recount(post.topic)
    index_on_commit(post, with_dependants=True)
    index_on_commit(post.topic)
    audit_record(
        action="community:post:hide",
        actor=actor,
        target=post,
        reason=reason,
        new={"hidden_at": post.hidden_at},
    )
    return post


@transaction.atomic
def post_unhide(*, actor: Any, post: Post, reason: str = "") -> Post:
    _require_moderator(actor, post.topic)
    if post.hidden_at is None:
        return post
    old = {"hidden_at": post.hidden_at, "hidden_reason": post.hidden_reason}
    post.hidden_at = None
    post.hidden_reason = ""
    post.save(update_fields=["hidden_at", "hidden_reason"])
    _recount(post.topic)
    index_on_commit(post, with_dependants=True)
    index_on_commit(post.topic)
    audit_record(action="community:post:unhide", actor=actor, target=post, reason=reason, old=old)
    return post


# Reading state ----------------------------------------------------------------------------


@transaction.atomic
def topic_mark_read(*, actor: Any, topic: Topic, number: int) -> None:
    """Remember that the member has read the topic up to post `number` (never backwards)."""
    if not perms.signed_in(actor):
        return
    now = timezone.now()
    updated = TopicRead.objects.filter(user=actor, topic=topic, last_read_number__lt=number).update(
        last_read_number=number, updated=now
    )
    if not updated:
        TopicRead.objects.get_or_create(
            user=actor, topic=topic, defaults={"last_read_number": number}
        )


def topic_record_view(*, topic: Topic) -> None:
    """Count a page view (one UPDATE; not audited)."""
    Topic.objects.filter(pk=topic.pk).update(view_count=F("view_count") + 1)
    record_view(topic)


# Notifications (run after commit by hub.community.tasks) ---------------------------------


def _who_can_see(topic: Topic, user_ids: Iterable[int]) -> list[int]:
    """The ids (of active members) that may see the topic: for a network, its members and the
    site administrators only."""
    ids = set(user_ids)
    if not ids:
        return []
    User = get_user_model()
    users = list(User.objects.filter(pk__in=ids, is_active=True))
    if topic.network_id is None:
        return [user.pk for user in users]
    from hub.networks.models import Membership

    members = set(
        Membership.objects.filter(network_id=topic.network_id, user_id__in=ids).values_list(
            "user_id", flat=True
        )
    )
    return [user.pk for user in users if user.pk in members or access.is_site_admin(user)]


def post_notify(*, post: Post, mentioned_ids: Iterable[int] = (), announce: bool = True) -> list:
    """Tell mentioned members, then followers, about a post. Returns the notifications.

    Mentioned members hear "… mentioned you". With `announce`, followers of the forum hear
    about a new topic (post number 1) and followers of the topic about a reply. Nobody hears
    about their own post, nobody hears twice, and only people who may see the topic hear at
    all. An anonymous post is announced as "Anonymous", never with a name.
    """
    from hub.engagement.queries import followers_of
    from hub.notifications.services import notify

    topic = post.topic
    if (
        topic.deleted_at is not None
        or topic.hidden_at is not None
        or not perms.post_is_visible(post)
    ):
        return []
    author = post.author
    who = ANONYMOUS_NAME if post.is_anonymous else author.public_name
    url = post.get_absolute_url()
    excerpt = html_to_text(post.body)
    if len(excerpt) > NOTIFICATION_EXCERPT:
        excerpt = excerpt[: NOTIFICATION_EXCERPT - 1].rstrip() + "…"
    body = f"{who} wrote:\n\n{excerpt}"

    mentioned = [pk for pk in _who_can_see(topic, mentioned_ids) if pk != author.pk]
    sent = []
    if mentioned:
        sent += notify(
            recipients=mentioned,
            kind="community:mention",
            title=f"{who} mentioned you in “{topic.title}”",
            body=body,
            url=url,
            actor=author,
            target=post,
        )
    if not announce:
        return sent
    if post.number == 1:
        # New discussions reach followers of the forum, or of the network they belong to.
        place = topic.forum if topic.forum_id else topic.network if topic.network_id else None
        if place is None:
            return sent
        wanted = followers_of(targets=[place])
        kind = "community:topic"
        title = f"{who} started “{topic.title}” in {place.name}"
    else:
        wanted = followers_of(targets=[topic])
        kind = "community:reply"
        title = f"{who} replied to “{topic.title}”"
    wanted -= {author.pk, *mentioned}
    people = _who_can_see(topic, wanted)
    if people:
        sent += notify(
            recipients=people,
            kind=kind,
            title=title,
            body=body,
            url=url,
            actor=author,
            target=post,
        )
    return sent
