"""Content built through the real services, with their after-commit index updates run."""

import pytest

from hub.community.models import Forum
from hub.networks.models import Membership, Network
from tests.factories import MemberFactory


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
