"""The embedded demo's networks and forums: loaded through the services, private where they should
be, lively, safe to share, and loaded once however often `load_demo` runs."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from hub.community import queries as community_queries
from hub.community import services as community_services
from hub.community.models import Forum, Post, Topic
from hub.core.models import AuditEntry
from hub.core.richtext import html_to_text
from hub.demo.community import text_to_html
from hub.demo.quiet import notifications_mark
from hub.demo.quiet import settle as _settle
from hub.demo.quiet import tasks_held as _tasks_held
from hub.demo.reader import read_demo
from hub.library import queries as library_queries
from hub.library.models import Item, ItemStatus
from hub.networks.models import (
    Invitation,
    InvitationStatus,
    JoinRequest,
    Membership,
    Network,
    NetworkKind,
    RequestStatus,
)
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# An NHS-number-like run of ten digits, with or without the usual spaces or dashes.
TEN_DIGITS = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
TITLES_WITH_INITIAL = re.compile(r"\b(Mr|Mrs|Ms|Miss|Patient)\s+[A-Z]\b")


def _counts() -> dict[str, int]:
    return {
        "networks": Network.objects.count(),
        "memberships": Membership.objects.count(),
        "requests": JoinRequest.objects.count(),
        "invitations": Invitation.objects.count(),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
        "items": Item.objects.count(),
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run `load_demo` twice for the whole module, then roll everything back."""
    # The demo's pictures (error traps) go to a throwaway folder, not the worktree's var/.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        first_run, second_run = StringIO(), StringIO()
        call_command("load_demo", stdout=first_run)
        first = _counts()
        call_command("load_demo", stdout=second_run)
        yield {
            "first": first,
            "second": _counts(),
            "first_output": first_run.getvalue(),
            "second_output": second_run.getvalue(),
        }
        transaction.set_rollback(True)


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _outsider(network: Network):
    """A demo member who is neither in the network nor a site administrator."""
    members = Membership.objects.filter(network=network).values_list("user_id", flat=True)
    return (
        get_user_model()
        .objects.filter(is_superuser=False)
        .exclude(groups__name="Administrator")
        .exclude(pk__in=members)
        .order_by("username")
        .first()
    )


def test_loading_twice_adds_nothing_the_second_time(loaded):
    assert loaded["first"] == loaded["second"]
    assert (
        f"Demo networks ready: {len(read_demo().networks)} new network(s)."
        in (loaded["first_output"])
    )
    assert (
        f"Demo forums ready: {len(read_demo().topics)} new discussion(s)."
        in (loaded["first_output"])
    )
    assert "Demo networks ready: 0 new network(s)." in loaded["second_output"]
    assert "Demo forums ready: 0 new discussion(s)." in loaded["second_output"]
    assert "new discussion(s), " not in loaded["second_output"]


def test_networks_of_every_kind_with_a_sub_network(loaded):
    networks = Network.objects.all()
    assert networks.count() >= 5
    assert set(networks.values_list("kind", flat=True)) == set(NetworkKind.values)
    assert networks.filter(kind=NetworkKind.PRIVATE, listed=True).exists()
    assert networks.filter(kind=NetworkKind.PRIVATE, listed=False).exists()
    child = Network.objects.get(name="PSMN Education and Training")
    assert child.parent.name == "Patient Safety Management Network"
    assert child.kind == NetworkKind.OPEN
    for network in networks:
        assert network.memberships.filter(role="leader").count() == 1, network.name
        assert network.created < timezone.now() - timedelta(days=30), network.name


def test_the_patient_safety_management_network(loaded):
    network = Network.objects.get(name="Patient Safety Management Network")
    assert network.kind == NetworkKind.BY_REQUEST
    assert network.criteria_question == "What is your role in patient safety?"
    assert "patient safety managers" in network.membership_criteria.lower()
    roles = dict(network.memberships.values_list("user__username", "role"))
    assert roles["claire"] == "leader"
    assert roles["niamh"] == "moderator"
    assert 8 <= len(roles) <= 10


def test_requests_and_invitations_wait_for_a_decision(loaded):
    pending = JoinRequest.objects.filter(status=RequestStatus.PENDING)
    assert 2 <= pending.count() <= 3
    assert all(request.answer.strip() for request in pending)
    declined = JoinRequest.objects.get(status=RequestStatus.DECLINED)
    assert declined.reason and declined.decided_by is not None
    assert not Membership.objects.filter(network=declined.network, user=declined.user).exists()
    invitation = Invitation.objects.get(status=InvitationStatus.PENDING)
    assert not Membership.objects.filter(
        network=invitation.network, user=invitation.invited_user
    ).exists()
    # Everyone else who asked or was invited was let in by the network's leader.
    for request in JoinRequest.objects.filter(status=RequestStatus.APPROVED):
        assert Membership.objects.filter(network=request.network, user=request.user).exists()
        assert request.decided_by.network_memberships.get(network=request.network).role == (
            "leader"
        )


def test_network_discussions_and_resources_are_for_members_only(loaded):
    for network in Network.objects.all():
        leader = network.memberships.get(role="leader").user
        member = network.memberships.exclude(role="leader").first().user
        outsider = _outsider(network)
        assert outsider is not None, network.name

        topics = community_queries.topic_list(viewer=member, network=network)
        assert 2 <= topics.count() <= 5, network.name
        assert all(topic.reply_count >= 1 for topic in topics), network.name
        resources = library_queries.network_resources(viewer=member, network=network)
        assert 1 <= resources.count() <= 3, network.name
        for item in resources:
            assert item.status == ItemStatus.PUBLISHED
            assert item.owner_id != leader.pk
            assert item.owner.network_memberships.filter(network=network).exists()
            assert item.transitions.filter(to_status="published", actor=leader).exists()

        assert not community_queries.topic_list(viewer=outsider, network=network).exists()
        assert not community_queries.topics_visible_to(outsider).filter(network=network).exists()
        assert not library_queries.network_resources(viewer=outsider, network=network).exists()
        assert not library_queries.items_visible_to(outsider).filter(network=network).exists()
        assert not community_queries.public_topics().filter(network=network).exists()
        assert not Item.objects.published().filter(network=network).exists()


def test_network_posts_come_from_members(loaded):
    for topic in Topic.objects.filter(network__isnull=False).prefetch_related("posts"):
        members = set(topic.network.memberships.values_list("user_id", flat=True))
        for post in topic.posts.all():
            assert post.author_id in members, (topic.title, post.number)


def test_public_forums_are_lively(loaded):
    topics = community_queries.public_topics()
    assert topics.count() >= 20
    assert topics.values("forum").distinct().count() >= 10
    assert Forum.objects.count() == 13
    for topic in topics:
        posts = list(topic.posts.all())
        assert 1 <= topic.reply_count <= 8, topic.title
        assert topic.reply_count == len(posts) - 1
        assert len({post.author_id for post in posts}) >= 2, topic.title
        assert [post.created for post in posts] == sorted(post.created for post in posts)
        assert topic.last_post_at == posts[-1].created
        assert topic.view_count > 0
    now = timezone.now()
    oldest = topics.order_by("created").first().created
    assert timedelta(days=450) < now - oldest < timedelta(days=600)
    assert topics.order_by("-last_post_at").first().last_post_at < now
    posts = Post.objects.filter(topic__network=None)
    assert 2 <= posts.filter(is_anonymous=True).count() <= 3
    assert posts.exclude(quoted=None).count() >= 5
    assert posts.filter(body__contains='href="/').filter(body__contains=">@").count() >= 3


def test_the_moderator_pinned_one_topic_and_locked_another(loaded):
    moderator = _user("moderator")
    pinned = Topic.objects.get(pinned=True)
    locked = Topic.objects.get(locked=True)
    assert pinned != locked
    for topic, verb in ((pinned, "pin"), (locked, "lock")):
        entry = AuditEntry.objects.get(action=f"community:topic:{verb}")
        assert entry.actor == moderator
        assert entry.target_id == str(topic.pk)


def test_nothing_identifies_a_patient(loaded):
    texts = []
    for topic in Topic.objects.all():
        texts.append(topic.title)
    texts += list(Post.objects.values_list("body", flat=True))
    for network in Network.objects.all():
        texts += [network.name, network.purpose, network.membership_criteria]
    for request in JoinRequest.objects.all():
        texts += [request.answer, request.reason]
    for item in Item.objects.filter(network__isnull=False):
        texts += [item.title, item.summary, item.body]
    assert len(texts) > 200
    for text in texts:
        assert not TEN_DIGITS.search(text), text
        assert not TITLES_WITH_INITIAL.search(text), text


def test_the_demo_starts_with_a_quiet_inbox(loaded):
    assert Notification.objects.exists()
    assert not Notification.objects.filter(read_at=None).exists()
    assert not Notification.objects.filter(emailed_at=None).exists()


def _threads():
    yield from read_demo().topics
    for network in read_demo().networks:
        yield from network["topics"]


def test_quotes_in_the_content_are_taken_from_the_post_they_quote():
    quoted = 0
    for thread in _threads():
        posts = [thread["text"], *(reply["text"] for reply in thread["replies"])]
        for number, reply in enumerate(thread["replies"], start=2):
            if "quote" in reply:
                assert 1 <= reply["quote"] < number, thread["title"]
                source = " ".join(posts[reply["quote"] - 1].split())
                assert " ".join(reply["quote_text"].split()) in source, thread["title"]
                quoted += 1
    assert quoted >= 10


def test_text_to_html_makes_paragraphs_and_lists():
    html = text_to_html("""
        First line
        carries on.

        - one
          wrapped
        - two & more
    """)
    assert html == (
        "<p>First line carries on.</p><ul><li>one wrapped</li><li>two &amp; more</li></ul>"
    )
    assert html_to_text(html).startswith("First line carries on.")


def test_held_notification_tasks_run_at_once_and_arrive_quietly(
    django_capture_on_commit_callbacks,
):
    """load_demo's machinery: tasks queued on commit are held, run, and their notifications
    quietened, so the worker finds nothing left to send."""
    author, replier = MemberFactory(), MemberFactory()
    forum = Forum.objects.order_by("position").first()
    mark = notifications_mark()
    with _tasks_held() as held:
        with django_capture_on_commit_callbacks(execute=True):
            topic = community_services.topic_start(
                actor=author, title="Held", body="<p>Hello</p>", forum=forum
            )
            community_services.post_reply(
                actor=replier, topic=topic, body=f"<p>Hi @{author.username}</p>"
            )
        assert {r.task.module_path for r in held.results} == {
            "hub.community.tasks.notify_about_post"
        }
        later = _settle(held, after=mark)
    assert later == []
    notifications = Notification.objects.filter(recipient=author)
    assert notifications.count() == 1  # the mention (the reply itself is not told twice)
    assert not notifications.filter(read_at=None).exists()
    assert not notifications.filter(emailed_at=None).exists()
