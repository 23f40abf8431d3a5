"""Members with moderation roles, and content made through the real services."""

import pytest

from hub.community.models import Forum
from hub.community.services import post_reply, topic_start
from hub.engagement.services import comment_add
from tests.factories import MemberFactory
from tests.unit.engagement.conftest import make_item


@pytest.fixture
def moderator(db):
    return MemberFactory(username="themoderator", roles=["Moderator"])


@pytest.fixture
def safeguarding_lead(db):
    return MemberFactory(username="safeguarding", roles=["Safeguarding lead"])


@pytest.fixture
def author(db):
    return MemberFactory(username="theauthor", display_name="Alex Author")


@pytest.fixture
def forum(db):
    return Forum.objects.order_by("position").first()


@pytest.fixture
def topic(author, forum):
    return topic_start(
        actor=author, title="Night handover", body="<p>How do you do it?</p>", forum=forum
    )


@pytest.fixture
def anonymous_topic(author, forum):
    return topic_start(
        actor=author,
        title="A near miss I want to share",
        body="<p>It nearly went wrong.</p>",
        forum=forum,
        anonymous=True,
    )


@pytest.fixture
def item(author):
    return make_item(author)


@pytest.fixture
def comment(item, other_member):
    return comment_add(actor=other_member, target=item, body="<p>Rude words</p>")


def reporters(n):
    return [MemberFactory() for _ in range(n)]


__all__ = ["post_reply", "reporters"]
