"""The demo's public forum discussions (content/forums/), started and answered through the
community's services; `post_thread` also writes the networks' discussions. Safe to run again: a
topic whose title already exists in its forum is skipped, with its replies and moderation."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from hub.community.models import Forum, Post, Topic
from hub.community.services import (
    ANONYMOUS_NAME,
    post_reply,
    topic_lock,
    topic_pin,
    topic_record_view,
    topic_start,
)
from hub.core.richtext import html_to_text

from .quiet import notifications_mark, quieten_demo_notifications
from .reader import Demo

DEFAULT_GAP_HOURS = 12
# The newest demo post is at least this old, so nothing looks as if it was written just now.
NEWEST_POST_AGE = timedelta(hours=2)


def line(value: str) -> str:
    """Demo text is wrapped freely in the content files; store it with single spaces."""
    return " ".join(value.split())


def text_to_html(text: str) -> str:
    """Paragraphs separated by blank lines; a paragraph of "- " lines becomes a list."""
    blocks = []
    for paragraph in text.strip().split("\n\n"):
        lines = [row.strip() for row in paragraph.strip().splitlines() if row.strip()]
        if not lines:
            continue
        if lines[0].startswith("- "):
            items, current = [], []
            for row in lines:
                if row.startswith("- ") and current:
                    items.append(" ".join(current))
                    current = []
                current.append(row[2:] if row.startswith("- ") else row)
            items.append(" ".join(current))
            blocks.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
        else:
            blocks.append(f"<p>{escape(line(paragraph))}</p>")
    return "".join(blocks)


def _quote_html(post: Post, words: str) -> str:
    """A reply's quotation of an earlier post, shaped like the reply form's quoting; words
    cut from the middle of the post get an ellipsis."""
    who = ANONYMOUS_NAME if post.is_anonymous else post.author.public_name
    words, whole = line(words), line(html_to_text(post.body))
    if not whole.startswith(words):
        words = "… " + words
    if not whole.endswith(words.removeprefix("… ")):
        words += " …"
    return f"<blockquote><p>{escape(who)} wrote:</p><p>{escape(words)}</p></blockquote>"


def thread_times(spec: dict, now: datetime) -> list[datetime]:
    """When the opening post and each reply were written: the topic starts `days_ago` days ago
    (in working hours) and each reply follows `hours` after the one before. Gaps shrink when
    needed so the newest post is still in the past."""
    start = timezone.localtime(now - timedelta(days=spec["days_ago"])).replace(
        hour=8 + len(spec["title"]) % 10, minute=(len(spec["title"]) * 7) % 60, second=0
    )
    gaps = [reply.get("hours", DEFAULT_GAP_HOURS) for reply in spec.get("replies", [])]
    room = (now - NEWEST_POST_AGE - start).total_seconds() / 3600
    scale = min(1.0, room / sum(gaps)) if gaps and room > 0 else 1.0
    times, moment = [start], start
    for gap in gaps:
        moment += timedelta(hours=gap * scale)
        times.append(moment)
    return times


def post_thread(
    spec: dict,
    users: dict[str, Any],
    *,
    forum: Forum | None = None,
    network: Any = None,
    may_post: Callable[[Any], bool] = lambda user: True,
    now: datetime | None = None,
) -> Topic | None:
    """Start one demo topic and add its replies through the services, then back-date it.

    Posts by members who are missing (or who `may_post` refuses) are left out; a topic whose
    author is missing is not started at all.
    """
    author = users.get(spec["by"])
    if author is None or not may_post(author):
        return None
    now = now or timezone.now()
    times = thread_times(spec, now)
    topic = topic_start(
        actor=author,
        title=spec["title"],
        body=text_to_html(spec["text"]),
        forum=forum,
        network=network,
        anonymous=spec.get("anonymous", False),
    )
    written = {1: (topic.posts.get(number=1), times[0])}
    for number, (reply, moment) in enumerate(
        zip(spec.get("replies", []), times[1:], strict=True), start=2
    ):
        user = users.get(reply["by"])
        if user is None or not may_post(user):
            continue
        body = text_to_html(reply["text"])
        quoted = written.get(reply.get("quote"), (None, None))[0]
        if quoted is not None and reply.get("quote_text"):
            body = _quote_html(quoted, reply["quote_text"]) + body
        post = post_reply(
            actor=user,
            topic=topic,
            body=body,
            anonymous=reply.get("anonymous", False),
            quoted=quoted,
        )
        written[number] = (post, moment)
    # Demo-only back-dating: the services stamp "now", and the demo's discussions are spread
    # over the last eighteen months. Timestamps are the only thing set directly.
    for post, moment in written.values():
        Post.objects.filter(pk=post.pk).update(created=moment)
    last = max(moment for _, moment in written.values())
    Topic.objects.filter(pk=topic.pk).update(created=times[0], last_post_at=last)
    topic.created, topic.last_post_at = times[0], last
    for _ in range(spec.get("views", 0)):
        topic_record_view(topic=topic)
    return topic


def _moderate(topic: Topic, spec: dict, moderator: Any) -> None:
    if moderator is None:
        return
    if spec.get("pinned"):
        topic_pin(actor=moderator, topic=topic, reason=line(spec["pinned"]))
    if spec.get("locked"):
        topic_lock(actor=moderator, topic=topic, reason=line(spec["locked"]))


def demo_users(names: set[str]) -> dict[str, Any]:
    """The active demo members by username, freshly loaded (no cached memberships)."""
    users = get_user_model().objects.filter(username__in=names, is_active=True)
    return {user.username: user for user in users}


@transaction.atomic
def load_forums(demo: Demo, stdout: Any = None) -> int:
    """Create the demo's public forum discussions through the services. Returns how many
    topics were added."""
    started = timezone.now()
    mark = notifications_mark()
    names = {demo.jobs["moderator"]}
    for spec in demo.topics:
        names |= {spec["by"], *(reply["by"] for reply in spec.get("replies", []))}
    users = demo_users(names)
    forums = {forum.name: forum for forum in Forum.objects.filter(parent=None)}
    existing = set(
        Topic.objects.filter(network=None, forum__isnull=False).values_list("forum_id", "title")
    )
    moderator = users.get(demo.jobs["moderator"])
    added = 0
    for spec in demo.topics:
        forum = forums.get(spec["forum"])
        if forum is None:
            raise LookupError(f"Demo topic {spec['title']!r}: no forum {spec['forum']!r}")
        if (forum.pk, spec["title"]) in existing:
            continue
        topic = post_thread(spec, users, forum=forum, now=started)
        if topic is None:
            continue
        _moderate(topic, spec, moderator)
        added += 1
    quieten_demo_notifications(after=mark)
    return added
