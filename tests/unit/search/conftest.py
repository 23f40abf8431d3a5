"""Content built through the real services, with their after-commit index updates run."""

import pytest

from hub.community import services as community
from hub.community.models import Forum
from hub.networks.models import Membership, Network
from tests.factories import MemberFactory
from tests.unit.library.helpers import item_data


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Use as `with committed():` so index updates queued on commit run, as in production."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def author(db):
    return MemberFactory(username="nadia", display_name="Nadia Shah")


@pytest.fixture
def moderator(db):
    return MemberFactory(username="mod", display_name="Mo Derator", roles=["Moderator"])


@pytest.fixture
def network(db):
    return Network.objects.create(name="Theatre safety", slug="theatre", purpose="Peer support")


@pytest.fixture
def insider(network):
    user = MemberFactory(username="insider", display_name="Ina Sider")
    Membership.objects.create(network=network, user=user, role="leader")
    return user


@pytest.fixture
def forum(db):
    return Forum.objects.order_by("position").first()


def publish_item(author, editor, **overrides):
    from hub.library import services as library

    network = overrides.pop("network", None)
    data = item_data(**overrides)
    data.network = network
    item = library.item_create(actor=author, data=data)
    library.item_submit(actor=author, item=item)
    return library.item_publish(actor=editor, item=item)


def start_topic(author, *, title, body="<p>What do you think?</p>", forum=None, **kw):
    if forum is None and kw.get("network") is None:
        forum = Forum.objects.order_by("position").first()
    return community.topic_start(actor=author, title=title, body=body, forum=forum, **kw)
