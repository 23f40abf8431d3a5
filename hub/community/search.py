"""Forum topics and replies as search sources (see hub/search/registry.py).

Registered from CommunityConfig.ready(). Hidden and deleted topics and replies are not rows
of the index; a network's topics carry its `network_id`.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from hub.core.richtext import html_to_text
from hub.search.registry import Document, SearchSource, register
from hub.search.trees import ancestors_and_self


def _author(obj_author: Any, anonymous: bool) -> tuple[int | None, str]:
    if anonymous:
        return None, ""
    return obj_author.pk, obj_author.public_name


def _reaction_count(model) -> Subquery:
    from hub.engagement.models import Reaction

    reactions = (
        Reaction.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(reactions, output_field=IntegerField()), Value(0))


# Forum topics and replies ------------------------------------------------------------------


def _topic_indexable():
    from .models import Post, Topic

    opening = Post.objects.filter(topic=OuterRef("pk"), number=1)
    return Topic.objects.filter(hidden_at__isnull=True, deleted_at__isnull=True).annotate(
        opening_body=Subquery(
            opening.filter(hidden_at__isnull=True, deleted_at__isnull=True).values("body")[:1]
        ),
        opening_reactions=_reaction_count_of_opening_post(),
    )


def _reaction_count_of_opening_post():
    from hub.engagement.models import Reaction

    from .models import Post

    opening_pk = Post.objects.filter(topic=OuterRef(OuterRef("pk")), number=1).values("pk")[:1]
    reactions = (
        Reaction.objects.filter(
            content_type=ContentType.objects.get_for_model(Post),
            object_id=Subquery(opening_pk),
        )
        .order_by()
        .values("content_type")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(reactions, output_field=IntegerField()), Value(0))


def _place_of_topic(topic) -> tuple[str, str]:
    if topic.network_id:
        return topic.network.name, topic.network.get_absolute_url()
    return topic.forum.name, topic.forum.get_absolute_url()


def _forum_facets(topic) -> dict[str, list[int]]:
    from .models import Forum

    if topic.forum_id is None:
        return {}
    return {"forum": sorted(ancestors_and_self(Forum, topic.forum_id))}


def _topic_document(topic) -> Document:
    author_id, author_name = _author(topic.author, topic.is_anonymous)
    place, place_url = _place_of_topic(topic)
    return Document(
        kind="topic",
        title=topic.title,
        body=html_to_text(topic.opening_body or ""),
        url=topic.get_absolute_url(),
        created=topic.created,
        updated=topic.last_post_at or topic.created,
        place=place,
        place_url=place_url,
        forum_id=topic.forum_id,
        network_id=topic.network_id,
        author_id=author_id,
        author_name=author_name,
        is_anonymous=topic.is_anonymous,
        comment_count=topic.reply_count,
        reaction_count=topic.opening_reactions,
        view_count=topic.view_count,
        facets=_forum_facets(topic),
    )


def _topic_replies(topic):
    return topic.posts.filter(number__gt=1)


def _opening_post_topic(post):
    """The opening post's text and reactions live on its topic's row."""
    from .models import Topic

    return Topic.objects.filter(posts__pk=post.pk, posts__number=1)


def _reply_indexable():
    from .models import Post

    return Post.objects.filter(
        Q(number__gt=1),
        hidden_at__isnull=True,
        deleted_at__isnull=True,
        topic__hidden_at__isnull=True,
        topic__deleted_at__isnull=True,
    ).annotate(reactions=_reaction_count(Post))


def _reply_document(post) -> Document:
    topic = post.topic
    author_id, author_name = _author(post.author, post.is_anonymous)
    place, place_url = _place_of_topic(topic)
    return Document(
        kind="reply",
        title=f"Re: {topic.title}",
        body=html_to_text(post.body),
        url=post.get_absolute_url(),
        created=post.created,
        updated=post.edited_at or post.created,
        place=place,
        place_url=place_url,
        forum_id=topic.forum_id,
        network_id=topic.network_id,
        author_id=author_id,
        author_name=author_name,
        is_anonymous=post.is_anonymous,
        reaction_count=post.reactions,
        facets=_forum_facets(topic),
    )


def register_forum_sources() -> None:
    from .models import Post, Topic

    register(
        SearchSource(
            key="community.topic",
            model=Topic,
            type_label={"topic": "Discussion"},
            indexable=_topic_indexable,
            document=_topic_document,
            select_related=("author", "forum", "network"),
            dependants=_topic_replies,
        )
    )
    register(
        SearchSource(
            key="community.post",
            model=Post,
            type_label={"reply": "Reply"},
            indexable=_reply_indexable,
            document=_reply_document,
            select_related=("author", "topic__forum", "topic__network"),
            dependants=_opening_post_topic,
        )
    )
