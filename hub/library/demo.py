"""Load the embedded demo's library (hub.library.demo_content) through the library's services.

Demo only: `manage.py load_demo` calls this after the demo members exist. Safe to run again:
items whose title already exists are skipped, and so are comments and reactions on items that
already have some.
"""

import random
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hub.engagement.models import Comment, Reaction, ReactionKind
from hub.engagement.queries import content_type_for
from hub.engagement.services import comment_add, reaction_toggle
from hub.taxonomy.models import Category, Series

from . import demo_content as content
from .models import Item, ItemStatus
from .services import (
    ItemData,
    SafetyActionData,
    item_create,
    item_feature,
    item_publish,
    item_return,
    item_submit,
)

EDITOR = "editor"
# How often each reaction is chosen (like, helpful, thanks, insightful).
REACTION_WEIGHTS = {
    ReactionKind.LIKE: 4,
    ReactionKind.HELPFUL: 3,
    ReactionKind.THANKS: 2,
    ReactionKind.INSIGHTFUL: 2,
}


def _text(value: str) -> str:
    """Demo text is wrapped freely in demo_content; store it with single spaces."""
    return " ".join(value.split())


def _say(stdout: Any, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


def _categories() -> dict[tuple[str, str | None], Category]:
    found: dict[tuple[str, str | None], Category] = {}
    for category in Category.objects.select_related("parent"):
        if category.parent_id is None:
            found[(category.name, None)] = category
        else:
            found[(category.parent.name, category.name)] = category
    return found


def _series() -> dict[str, Series]:
    # Series are reference data (a name and a description), not workflow rows.
    series = {}
    for key, (name, description) in content.SERIES.items():
        series[key], _ = Series.objects.get_or_create(
            name=name, defaults={"slug": slugify(name)[:120], "description": description}
        )
    return series


def _item_data(spec: dict, categories: dict, series: dict, today) -> ItemData:
    structured = {name: _text(text) for name, text in spec.get("gp", {}).items()}
    for name, text in spec.get("factors", {}).items():
        structured[f"factor_{name}"] = _text(text)
    for name, text in spec.get("aar", {}).items():
        structured[f"aar_{name}"] = _text(text)
    actions = None
    if spec.get("actions"):
        actions = [
            SafetyActionData(
                description=_text(description),
                owner_role=owner_role,
                measure=_text(measure),
                due_date=today + timedelta(days=due_in_days),
                strength=strength,
                status=status,
            )
            for description, owner_role, measure, due_in_days, strength, status in spec["actions"]
        ]
    try:
        chosen = [categories[(area, name)] for area, name in spec["categories"]]
    except KeyError as missing:
        raise LookupError(f"Demo item {spec['title']!r}: no category {missing}") from None
    return ItemData(
        kind=spec["kind"],
        title=spec["title"],
        summary=_text(spec["summary"]),
        body=_text(spec["body"]),
        categories=chosen,
        tags=list(spec.get("tags", [])),
        audiences=list(spec.get("audiences", [])),
        country=spec.get("country", ""),
        region=spec.get("region", ""),
        setting=spec.get("setting", "any"),
        is_anonymous=spec.get("anonymous", False),
        series=series[spec["series"]] if spec.get("series") else None,
        learning_response=spec.get("learning_response", ""),
        structured=structured,
        safety_actions=actions,
    )


def _add_item(spec: dict, owner, editor, categories: dict, series: dict) -> Item:
    now = timezone.now()
    data = _item_data(spec, categories, series, timezone.localdate())
    item = item_create(actor=owner, data=data)
    state = spec.get("state", content.PUBLISHED)
    if state == content.DRAFT:
        # Demo-only back-dating of the draft's creation time.
        Item.objects.filter(pk=item.pk).update(created=now - timedelta(days=spec["days_ago"]))
        return item
    item_submit(actor=owner, item=item)
    if state == content.RETURNED:
        item_return(actor=editor, item=item, note=_text(spec["return_note"]))
    elif state == content.PUBLISHED:
        item_publish(actor=editor, item=item)
        if spec.get("featured"):
            item_feature(actor=editor, item=item, featured=True)
    if state == content.PUBLISHED:
        # Demo-only back-dating and view-count seeding: item_publish stamps "now" and views are
        # counted one by one as people read, so the demo's history (spread over about three
        # years) and its popularity figures are set here, directly, and nowhere else.
        published_at = now - timedelta(days=spec["days_ago"], hours=len(spec["title"]) % 9)
        Item.objects.filter(pk=item.pk).update(
            published_at=published_at,
            submitted_at=published_at - timedelta(hours=20),
            created=published_at - timedelta(days=2 + spec["days_ago"] % 5),
            view_count=spec.get("views", 0),
        )
    else:
        # Demo-only back-dating, so the review queue shows items waiting for a few days.
        submitted_at = now - timedelta(days=spec["days_ago"])
        Item.objects.filter(pk=item.pk).update(
            submitted_at=submitted_at, created=submitted_at - timedelta(hours=3)
        )
    return item


def _where(item: Item) -> dict[str, Any]:
    return {"content_type": content_type_for(item), "object_id": item.pk}


def _add_comments(items: dict[str, Item], users: dict) -> int:
    added = 0
    for title, threads in content.COMMENTS.items():
        item = items.get(title)
        if item is None or Comment.objects.filter(**_where(item)).exists():
            continue
        for thread in threads:
            if thread["by"] not in users:
                continue
            top = comment_add(
                actor=users[thread["by"]],
                target=item,
                body=f"<p>{_text(thread['text'])}</p>",
                anonymous=thread.get("anonymous", False),
            )
            added += 1
            for reply in thread.get("replies", []):
                if reply["by"] not in users:
                    continue
                comment_add(
                    actor=users[reply["by"]],
                    target=item,
                    body=f"<p>{_text(reply['text'])}</p>",
                    parent=top,
                    anonymous=reply.get("anonymous", False),
                )
                added += 1
    return added


def _add_reactions(items: dict[str, Item], users: dict) -> int:
    added = 0
    kinds, weights = list(REACTION_WEIGHTS), list(REACTION_WEIGHTS.values())
    for title, item in items.items():
        if Reaction.objects.filter(**_where(item)).exists():
            continue  # reaction_toggle takes a reaction back when run twice: never repeat
        rng = random.Random(title)  # the same reactions on every fresh demo
        pool = [users[name] for name in content.REACTORS if name in users]
        pool = [user for user in pool if user.pk != item.owner_id]
        for user in rng.sample(pool, min(rng.randint(0, 8), len(pool))):
            kind = rng.choices(kinds, weights)[0]
            reaction_toggle(actor=user, target=item, kind=kind)
            added += 1
    return added


def _quieten_demo_notifications(*, since) -> None:
    """Demo-only: the services told everyone about the content just loaded. A fresh demo starts
    with a quiet inbox, so mark those notifications read and already emailed (the queued email
    tasks then skip them)."""
    from hub.notifications.models import Notification

    now = timezone.now()
    Notification.objects.filter(created__gte=since).update(read_at=now, emailed_at=now)


@transaction.atomic
def load_library_demo(stdout: Any = None) -> int:
    """Create the demo library through the services. Returns how many items were added."""
    started = timezone.now()
    names = {spec["owner"] for spec in content.ITEMS} | set(content.REACTORS) | {EDITOR}
    for threads in content.COMMENTS.values():
        names |= {c["by"] for t in threads for c in [t, *t.get("replies", [])]}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    users = {name: user for name, user in users.items() if user.is_active}
    editor = users.get(EDITOR)
    if editor is None:
        _say(stdout, "Demo library skipped: the demo editor account is missing.")
        return 0
    categories = _categories()
    series = _series()
    titles = [spec["title"] for spec in content.ITEMS]
    existing = set(Item.objects.filter(title__in=titles).values_list("title", flat=True))
    added = 0
    for spec in content.ITEMS:
        owner = users.get(spec["owner"])
        if spec["title"] in existing or owner is None:
            continue
        _add_item(spec, owner, editor, categories, series)
        added += 1
    published = {
        item.title: item
        for item in Item.objects.filter(title__in=titles, status=ItemStatus.PUBLISHED)
    }
    comments = _add_comments(published, users)
    reactions = _add_reactions(published, users)
    _quieten_demo_notifications(since=started)
    if comments or reactions:
        _say(stdout, f"Demo discussion: {comments} new comment(s), {reactions} new reaction(s).")
    return added
