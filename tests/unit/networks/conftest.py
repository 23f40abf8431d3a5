"""Networks built through the services, with a leader, for every kind the hub has."""

import pytest

from hub.networks import services
from tests.factories import MemberFactory


@pytest.fixture
def leader(db):
    return MemberFactory(username="lena", display_name="Lena")


@pytest.fixture
def make_network(admin_member, leader):
    def make(kind: str = "open", name: str | None = None, **options):
        return services.network_create(
            actor=admin_member,
            name=name or f"{kind.title()} network",
            purpose=f"A {kind} network for people who share safety learning.",
            kind=kind,
            leader=options.pop("leader", leader),
            **options,
        )

    return make


@pytest.fixture
def open_network(make_network):
    return make_network("open", "Patient safety managers")


@pytest.fixture
def request_network(make_network):
    return make_network(
        "request",
        "Patient Safety Partners",
        membership_criteria="Patient Safety Partners working with a care organisation.",
        criteria_question="Which organisation do you work with as a Patient Safety Partner?",
    )


@pytest.fixture
def listed_private(make_network):
    return make_network("private", "Board safety champions", listed=True)


@pytest.fixture
def unlisted_private(make_network):
    return make_network("private", "Investigation leads circle", listed=False)


@pytest.fixture
def add_member(admin_member):
    """Put someone in a network directly (the site administrator's service)."""

    def add(network, user=None, role: str = "member"):
        user = user or MemberFactory()
        services.member_add(actor=admin_member, network=network, user=user, role=role)
        return user

    return add
