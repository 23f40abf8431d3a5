"""Forums, networks and members for the community tests. Topics and posts go through services."""

import itertools

import pytest
from django.contrib.auth.models import Permission

from hub.community import services
from hub.community.models import Forum
from hub.networks.models import Membership, Network
from tests.factories import MemberFactory

_numbers = itertools.count(1)


def start(author, *, forum=None, network=None, title=None, body="<p>What do you think?</p>", **kw):
    """A topic started through the service (a forum's, unless a network is given)."""
    if forum is None and network is None:
        forum = Forum.objects.order_by("position").first()
    return services.topic_start(
        actor=author,
        title=title or f"Handover at night {next(_numbers)}",
        body=body,
        forum=forum,
        network=network,
        **kw,
    )


def reply(author, topic, body="<p>Same here.</p>", **kw):
    return services.post_reply(actor=author, topic=topic, body=body, **kw)


def make_network(name="Maternity safety champions", **kw) -> Network:
    slug = name.lower().replace(" ", "-")
    return Network.objects.create(name=name, slug=slug, purpose="Sharing learning.", **kw)


def join(user, network, role="member") -> Membership:
    return Membership.objects.create(user=user, network=network, role=role)


@pytest.fixture
def forum(db):
    return Forum.objects.order_by("position").first()


@pytest.fixture
def other_forum(db):
    return Forum.objects.order_by("position")[1]


@pytest.fixture
def author(db):
    return MemberFactory(username="nadia", display_name="Nadia Shah")


@pytest.fixture
def moderator(db):
    user = MemberFactory(username="mod", display_name="Mo Derator")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="community", codename="moderate_topic")
    )
    return user


@pytest.fixture
def network(db):
    return make_network()


@pytest.fixture
def network_member(network):
    user = MemberFactory(username="insider", display_name="In Sider")
    join(user, network)
    return user


@pytest.fixture
def network_leader(network):
    user = MemberFactory(username="leader", display_name="Lea Der")
    join(user, network, role="leader")
    return user


@pytest.fixture
def topic(author, forum):
    return start(author, forum=forum, title="Insulin at handover")


@pytest.fixture
def network_topic(network, network_member):
    return start(network_member, network=network, title="Our private audit results")
