"""Reads of the forums: who sees which topics, forum figures, and bounded SQL on every page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.community import permissions as perms
from hub.community import queries, services
from hub.community.models import Forum, Topic
from hub.engagement import services as engagement
from tests.factories import MemberFactory

from .conftest import join, make_network, reply, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(author, forum, moderator, network, network_member, network_leader):
    """One topic of each kind, and one viewer of each kind."""
    other_network = make_network("Pharmacy leads")
    outsider_leader = MemberFactory(username="otherleader")
    join(outsider_leader, other_network, role="leader")
    topics = {
        "public": start(author, forum=forum, title="Public"),
        "hidden": start(author, forum=forum, title="Hidden"),
        "deleted": start(author, forum=forum, title="Deleted"),
        "network": start(network_member, network=network, title="Network"),
        "network hidden": start(network_member, network=network, title="Network hidden"),
        "other network": start(outsider_leader, network=other_network, title="Other network"),
    }
    services.topic_hide(actor=moderator, topic=topics["hidden"], reason="Off topic")
    services.topic_delete(actor=moderator, topic=topics["deleted"], reason="Spam")
    services.topic_hide(actor=network_leader, topic=topics["network hidden"], reason="Check")
    viewers = {
        "anonymous": AnonymousUser(),
        "member": MemberFactory(username="plain"),
        "network member": network_member,
        "network leader": network_leader,
        "moderator": moderator,
        "admin": MemberFactory(username="boss", is_staff=True, is_superuser=True),
    }
    return topics, viewers


EXPECTED = {
    "anonymous": {"public"},
    "member": {"public"},
    "network member": {"public", "network"},
    "network leader": {"public", "network", "network hidden"},
    "moderator": {"public", "hidden"},
    "admin": {"public", "hidden", "network", "network hidden", "other network"},
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_topics_visible_to_each_kind_of_viewer(world, who):
    topics, viewers = world
    names = {t.pk: name for name, t in topics.items()}

    visible = {
        names[pk] for pk in queries.topics_visible_to(viewers[who]).values_list("pk", flat=True)
    }

    assert visible == EXPECTED[who]


@pytest.mark.parametrize("who", list(EXPECTED))
def test_the_visibility_query_and_the_single_topic_check_agree(world, who):
    topics, viewers = world
    viewer = viewers[who]
    visible = set(queries.topics_visible_to(viewer).values_list("pk", flat=True))

    for topic in Topic.objects.all():
        assert perms.can_view_topic(viewer, topic) == (topic.pk in visible), topic.title


def test_deleted_topics_are_gone_even_for_admins(world):
    topics, viewers = world

    assert queries.topic_for_page(viewer=viewers["admin"], pk=topics["deleted"].pk) is None


def test_forum_pages_never_list_network_topics_even_for_members(world, forum):
    topics, viewers = world

    listed = set(queries.topic_list(viewer=viewers["network member"]).values_list("pk", flat=True))

    assert topics["network"].pk not in listed
    assert topics["public"].pk in listed


def test_public_topics_and_posts_leave_out_network_hidden_and_deleted_ones(world, member):
    topics, _ = world
    shown = reply(member, topics["public"])
    hidden = reply(member, topics["public"])
    services.post_hide(actor=MemberFactory(is_superuser=True), post=hidden, reason="x")

    assert list(queries.public_topics()) == [topics["public"]]
    posts = set(queries.public_posts())
    assert shown in posts and hidden not in posts
    assert {p.topic_id for p in posts} == {topics["public"].pk}


def test_latest_topics_of_a_network_are_for_its_members_only(world, network):
    topics, viewers = world

    assert queries.latest_topics(viewer=viewers["member"], network=network, limit=5) == []
    assert queries.latest_topics(viewer=viewers["network member"], network=network) == [
        topics["network"]
    ]
    assert len(queries.latest_topics(viewer=viewers["network leader"], network=network)) == 2


def test_topic_list_puts_pinned_topics_first_then_the_latest_activity(author, forum, moderator):
    old = start(author, forum=forum, title="Old")
    pinned_old = start(author, forum=forum, title="Pinned")
    new = start(author, forum=forum, title="New")
    reply(author, old)  # now the most recently active
    services.topic_pin(actor=moderator, topic=pinned_old)

    titles = [t.title for t in queries.topic_list(viewer=AnonymousUser(), forum=forum)]

    assert titles == ["Pinned", "Old", "New"]
    assert new  # listed last


def test_unread_markers_follow_what_a_member_has_read(author, forum, member):
    topic = start(author, forum=forum)

    def unread():
        return queries.topic_list(viewer=member, forum=forum).get(pk=topic.pk).is_unread

    assert unread() is True
    services.topic_mark_read(actor=member, topic=topic, number=1)
    assert unread() is False
    reply(author, topic)
    assert unread() is True
    assert queries.topic_list(viewer=author, forum=forum).get(pk=topic.pk).is_unread is False


def test_signed_out_visitors_see_no_unread_markers(topic, forum):
    assert queries.topic_list(viewer=AnonymousUser(), forum=forum).get().is_unread is False


def test_forum_index_counts_only_public_topics_and_shown_replies(world, forum, member):
    topics, viewers = world
    reply(member, topics["public"])
    reply(member, topics["public"])
    later_hidden = start(member, forum=forum, title="Later hidden")
    reply(member, later_hidden)
    services.topic_hide(actor=viewers["moderator"], topic=later_hidden, reason="Off topic")
    reply(topics["network"].author, topics["network"])

    row = next(f for f in queries.forum_index() if f.pk == forum.pk)

    assert row.topic_count == 1
    assert row.reply_count == 2
    assert row.last_topic == topics["public"]


def test_forum_index_shows_sub_forums_under_their_parent(forum, author):
    child = Forum.objects.create(name="Sepsis", slug="sepsis", parent=forum, description="x")
    start(author, forum=child)

    rows = queries.forum_index()

    assert child not in rows
    parent = next(f for f in rows if f.pk == forum.pk)
    assert parent.sub_forums == [child]
    assert parent.sub_forums[0].topic_count == 1


def test_forum_index_takes_two_queries_however_many_topics(author, django_assert_num_queries):
    with django_assert_num_queries(1):  # no topics: nothing more to fetch
        queries.forum_index()
    for forum_row in Forum.objects.all()[:5]:
        start(author, forum=forum_row)
    with django_assert_num_queries(2):
        queries.forum_index()


def test_posts_for_page_shows_placeholders_to_members_and_content_to_moderators(
    topic, member, moderator
):
    hidden = reply(member, topic, body="<p>Secret</p>")
    deleted = reply(member, topic, body="<p>Gone</p>")
    services.post_hide(actor=moderator, post=hidden, reason="Names a patient")
    services.post_delete(actor=member, post=deleted)

    seen = {p.number: p for p in queries.posts_for_page(viewer=member, topic=topic)}
    modded = {p.number: p for p in queries.posts_for_page(viewer=moderator, topic=topic)}

    assert [n for n in seen] == [1, 2, 3]
    assert (seen[2].shown, seen[2].placeholder) == (False, queries.HIDDEN_PLACEHOLDER)
    assert (seen[3].shown, seen[3].placeholder) == (False, queries.DELETED_PLACEHOLDER)
    assert modded[2].shown is True and modded[2].is_hidden
    assert modded[3].shown is False


def test_reaction_summaries_of_a_page_count_each_post_separately(topic, member, other_member):
    second = reply(member, topic)
    engagement.reaction_toggle(actor=other_member, target=second, kind="helpful")
    engagement.reaction_toggle(actor=member, target=second, kind="helpful")

    posts = {p.number: p for p in queries.posts_for_page(viewer=member, topic=topic)}

    assert posts[1].reactions["total"] == 0
    helpful = next(k for k in posts[2].reactions["kinds"] if k["value"] == "helpful")
    assert (helpful["count"], helpful["chosen"]) == (2, True)


# Bounded SQL on every page ----------------------------------------------------------------


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_forum_index_page_runs_the_same_queries_for_few_and_many_topics(
    client, author, django_assert_max_num_queries
):
    forums = list(Forum.objects.all())
    start(author, forum=forums[0])
    few = _count_queries(client, "/community/")
    for forum in forums:
        for _ in range(3):
            reply(author, start(author, forum=forum))
    with django_assert_max_num_queries(few):
        client.get("/community/")
    assert few <= 6


@pytest.mark.parametrize("signed_in", [False, True])
def test_forum_page_runs_the_same_queries_for_few_and_many_topics(
    client, author, forum, member, signed_in, django_assert_max_num_queries
):
    if signed_in:
        client.force_login(member)
    start(author, forum=forum)
    few = _count_queries(client, forum.get_absolute_url())
    for _ in range(30):
        start(author, forum=forum, anonymous=True)
    with django_assert_max_num_queries(few):
        client.get(forum.get_absolute_url())
    with django_assert_max_num_queries(few):
        client.get(forum.get_absolute_url() + "?page=2")
    assert few <= 16


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_topic_page_runs_the_same_queries_for_few_and_many_posts(
    client, topic, member, other_member, moderator, who, django_assert_max_num_queries
):
    viewer = {"anonymous": None, "member": member, "moderator": moderator}[who]
    if viewer:
        client.force_login(viewer)
    reply(other_member, topic)
    few = _count_queries(client, topic.get_absolute_url())
    for n in range(25):
        post = reply(other_member if n % 2 else member, topic, quoted=topic.posts.first())
        engagement.reaction_toggle(actor=other_member, target=post, kind="like")
    services.post_hide(actor=moderator, post=post, reason="x")
    with django_assert_max_num_queries(few):
        client.get(topic.get_absolute_url())
    with django_assert_max_num_queries(few):
        client.get(topic.get_absolute_url() + "?page=2")
    assert few <= 26


def test_network_topic_page_queries_are_bounded_too(
    client, network_topic, network_member, django_assert_max_num_queries
):
    client.force_login(network_member)
    few = _count_queries(client, network_topic.get_absolute_url())
    for _ in range(22):
        reply(network_member, network_topic)
    with django_assert_max_num_queries(few):
        client.get(network_topic.get_absolute_url() + "?page=2")


def test_the_topic_sitemap_lists_only_public_topics(world):
    from hub.community.sitemaps import TopicSitemap

    topics, _ = world

    assert list(TopicSitemap().items()) == [topics["public"]]
