import pytest

from tests.factories import MemberFactory


@pytest.fixture
def organiser(db):
    return MemberFactory(username="orla", display_name="Orla", roles=["Editor"])
