import pytest

from tests.factories import MemberFactory


@pytest.fixture
def moderator(db):
    return MemberFactory(
        username="gallerymod", display_name="Gallery Moderator", roles=["Moderator"]
    )


@pytest.fixture
def uploader(db):
    return MemberFactory(username="uploader", display_name="Una Uploader")
