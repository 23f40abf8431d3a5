"""Reads of the forums that pages share. Visibility is decided here, never in templates.

`topics_visible_to(viewer)` is the one filter every topic listing starts from: deleted topics
are gone, hidden ones are kept for the people who moderate them, and network topics only reach
the network's members (hub.networks.access.network_filter). Public listings, feeds, search and
the sitemap use `public_topics()` / `public_posts()`, which never include a network topic.
"""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from hub.accounts.queries import visibility_levels
from hub.engagement.queries import reaction_summaries
from hub.networks.access import network_filter

from . import permissions as perms
from .models import Forum, Post, PostRevision, Topic, TopicRead

TOPICS_PER_PAGE = 25
POSTS_PER_PAGE = 20

HIDDEN_PLACEHOLDER = "This post was hidden by a moderator."
DELETED_PLACEHOLDER = "This post was deleted."


# Visibility -------------------------------------------------------------------------------


def _public_q(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}forum__isnull": False,
            f"{prefix}network__isnull": True,
            f"{prefix}hidden_at__isnull": True,
            f"{prefix}deleted_at__isnull": True,
        }
    )


def topics_visible_to(viewer: Any) -> QuerySet[Topic]:
    """Every topic this viewer may open (agrees with permissions.can_view_topic)."""
    topics = Topic.objects.filter(deleted_at__isnull=True).filter(network_filter(viewer))
    if perms.is_moderator(viewer):
        return topics  # every hidden topic they can see at all
    shown = Q(hidden_at__isnull=True)
    if perms.is_site_admin(viewer):
        shown |= Q(network__isnull=False)
    moderated = perms.moderated_network_ids(viewer)
    if moderated:
        shown |= Q(network__in=moderated)
    return topics.filter(shown)


def public_topics() -> QuerySet[Topic]:
    """Topics anyone may read: in a forum, not in a network, not hidden or deleted."""
    return Topic.objects.filter(_public_q()).order_by("-last_post_at", "-id")


def public_posts() -> QuerySet[Post]:
    """Posts anyone may read: shown, in a public topic (for search and the sitemap)."""
    return Post.objects.filter(
        _public_q("topic__"), hidden_at__isnull=True, deleted_at__isnull=True
    ).order_by("topic_id", "number")


# Forums -----------------------------------------------------------------------------------


def forum_tree() -> list[Forum]:
    """Top-level forums with their sub-forums (as `sub_forums`), without figures."""
    return forum_index()


def forum_index() -> list[Forum]:
    """Top-level forums, each with `sub_forums`, `topic_count`, `reply_count` and `last_topic`.

    Counts only public topics (never network, hidden or deleted ones). Two queries in all.
    """
    counted = _public_q("topics__")
    last_topic = public_topics().filter(forum=OuterRef("pk")).values("pk")[:1]
    forums = list(
        Forum.objects.annotate(
            topic_count=Count("topics", filter=counted),
            replies=Sum("topics__reply_count", filter=counted),
            last_topic_id=Subquery(last_topic),
        ).order_by("position", "name")
    )
    ids = [f.last_topic_id for f in forums if f.last_topic_id]
    last_topics = (
        {
            t.pk: t
            for t in Topic.objects.filter(pk__in=ids).only("pk", "title", "slug", "last_post_at")
        }
        if ids
        else {}
    )
    by_parent: dict[int | None, list[Forum]] = {}
    for forum in forums:
        forum.reply_count = forum.replies or 0
        forum.last_topic = last_topics.get(forum.last_topic_id)
        by_parent.setdefault(forum.parent_id, []).append(forum)
    for forum in forums:
        forum.sub_forums = by_parent.get(forum.pk, [])
    return by_parent.get(None, [])


def forum_for_page(*, slug: str) -> Forum | None:
    return Forum.objects.select_related("parent").filter(slug=slug).first()


def forum_choices() -> QuerySet[Forum]:
    return Forum.objects.select_related("parent").order_by("position", "name")


# Topics -----------------------------------------------------------------------------------


def _with_read_state(topics: QuerySet[Topic], viewer: Any) -> QuerySet[Topic]:
    """Annotate `is_unread`: signed-in members who have not read the newest post."""
    if not perms.signed_in(viewer):
        return topics.annotate(is_unread=Value(False, output_field=BooleanField()))
    last_read = TopicRead.objects.filter(topic=OuterRef("pk"), user_id=viewer.pk).values(
        "last_read_number"
    )[:1]
    return topics.annotate(viewer_last_read=Subquery(last_read)).annotate(
        is_unread=Case(
            When(
                Q(viewer_last_read__isnull=True) | Q(viewer_last_read__lt=F("last_post_number")),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def topic_list(*, viewer: Any, forum: Forum | None = None, network: Any = None) -> QuerySet[Topic]:
    """Topics of a forum (never network ones) or of a network, pinned first, then by activity."""
    topics = topics_visible_to(viewer)
    if network is not None:
        if not perms.can_see_network(viewer, network.pk):
            return Topic.objects.none()
        topics = topics.filter(network=network)
    else:
        topics = topics.filter(network__isnull=True, forum__isnull=False)
        if forum is not None:
            topics = topics.filter(forum=forum)
    topics = topics.select_related("author", "forum").order_by("-pinned", "-last_post_at", "-id")
    return _with_read_state(topics, viewer)


def topic_page(*, viewer: Any, forum: Forum | None = None, network: Any = None, page: Any = 1):
    """One page (TOPICS_PER_PAGE) of topic_list."""
    topics = topic_list(viewer=viewer, forum=forum, network=network)
    return Paginator(topics, TOPICS_PER_PAGE).get_page(page)


def topic_for_page(*, viewer: Any, pk: int) -> Topic | None:
    """The topic if this viewer may open it, with its forum, network and author; else None."""
    return (
        topics_visible_to(viewer)
        .select_related("forum", "forum__parent", "network", "author")
        .filter(pk=pk)
        .first()
    )


def latest_topics(*, viewer: Any, network: Any, limit: int = 5) -> list[Topic]:
    """The network's most recently active discussions (for the network's overview page)."""
    if network is None or not perms.can_see_network(viewer, network.pk):
        return []
    return list(
        topics_visible_to(viewer)
        .filter(network=network)
        .select_related("author")
        .order_by("-last_post_at", "-id")[:limit]
    )


def network_for_viewer(*, viewer: Any, slug: str):
    """The network whose discussions this viewer may see, or None (members and site admins)."""
    from hub.networks.models import Network

    network = Network.objects.filter(slug=slug).first()
    if network is None or not perms.can_see_network(viewer, network.pk):
        return None
    return network


# Posts ------------------------------------------------------------------------------------


def page_of_post(*, post: Post) -> int:
    """The page of its topic a post is on: numbers never change, so neither do permalinks."""
    before = Post.objects.filter(topic_id=post.topic_id, number__lt=post.number).count()
    return before // POSTS_PER_PAGE + 1


def post_for_viewer(*, viewer: Any, pk: int) -> Post | None:
    """A post (any state) whose topic the viewer may open, with `.topic` loaded; else None."""
    post = Post.objects.select_related("author").filter(pk=pk).first()
    if post is None:
        return None
    topic = topic_for_page(viewer=viewer, pk=post.topic_id)
    if topic is None:
        return None
    post.topic = topic
    return post


def posts_for_page(*, viewer: Any, topic: Topic, page: Any = 1) -> Page:
    """One page (POSTS_PER_PAGE) of a topic's posts by number, ready for the template.

    Every post keeps its place: a hidden or deleted one comes with `placeholder` text instead
    of its content (moderators still see hidden content, marked). Each post gets `shown`,
    `placeholder`, `author_organisation`, `can_edit`, `can_delete`, `can_react` and
    `reactions`. Four queries, however many posts there are.
    """
    posts = (
        Post.objects.filter(topic=topic)
        .select_related("author", "author__organisation", "quoted")
        .order_by("number")
    )
    result = Paginator(posts, POSTS_PER_PAGE).get_page(page)
    rows = list(result.object_list)
    moderator = perms.can_moderate_topic(viewer, topic)
    levels = set(visibility_levels(viewer))
    now = timezone.now()
    visible_rows = [post for post in rows if perms.post_is_visible(post)]
    reactions = reaction_summaries(viewer=viewer, targets=visible_rows)
    may_react = perms.signed_in(viewer) and not topic.locked and topic.hidden_at is None
    for post in rows:
        post.topic = topic
        post.is_hidden = post.hidden_at is not None and post.deleted_at is None
        if post.deleted_at is not None:
            post.shown, post.placeholder = False, DELETED_PLACEHOLDER
        elif post.hidden_at is not None:
            post.shown, post.placeholder = moderator, HIDDEN_PLACEHOLDER
        else:
            post.shown, post.placeholder = True, ""
        author = post.author
        post.is_own = perms.signed_in(viewer) and author.pk == viewer.pk
        post.author_organisation = (
            author.organisation
            if not post.is_anonymous
            and author.organisation_id
            and (author.organisation_visibility in levels or post.is_own)
            else None
        )
        visible = perms.post_is_visible(post)
        post.can_edit = (
            post.is_own and visible and not topic.locked and now <= perms.edit_deadline(post)
        )
        post.can_delete = post.deleted_at is None and (post.is_own or moderator)
        post.can_react = may_react and visible
        post.reactions = reactions.get(post.pk)
    result.object_list = rows
    return result


def post_history(*, viewer: Any, post: Post) -> list[PostRevision] | None:
    """Earlier texts of a post, newest first: for the topic's moderators only (else None)."""
    if not perms.can_moderate_topic(viewer, post.topic):
        return None
    return list(post.revisions.select_related("edited_by").order_by("-created", "-id"))


def quotable_post(*, viewer: Any, topic: Topic, pk: Any) -> Post | None:
    """A shown post of this topic that a reply may quote."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        Post.objects.select_related("author")
        .filter(topic=topic, pk=pk, hidden_at__isnull=True, deleted_at__isnull=True)
        .first()
    )


def posts_written_by(*, author: Any, limit: int = 50) -> list[Post]:
    """The member's own posts, anonymous and hidden ones included, for their account page.

    Only ever shown to the author themselves: it is how they find their anonymous posts.
    """
    return list(
        Post.objects.filter(author=author, deleted_at__isnull=True, topic__deleted_at__isnull=True)
        .select_related("topic")
        .order_by("-created", "-id")[:limit]
    )


def authored_posts(*, member: Any, held: set[tuple[int, int]]) -> list[Post]:
    """The member's own posts for their "My posts" page (hub.accounts.authored), each marked
    `is_held` when it, or the topic it opened, waits for moderation."""
    from django.contrib.contenttypes.models import ContentType

    post_ct = ContentType.objects.get_for_model(Post).pk
    topic_ct = ContentType.objects.get_for_model(Topic).pk
    posts = posts_written_by(author=member)
    for post in posts:
        post.is_held = (post_ct, post.pk) in held or (
            post.number == 1 and (topic_ct, post.topic_id) in held
        )
    return posts
