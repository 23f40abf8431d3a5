"""Who hears about what they follow: networks (new discussions and resources), and every
notification remembers what it is about so emails can check access again when sent."""

import pytest
from django.contrib.contenttypes.models import ContentType

from hub.community import services as community
from hub.community.models import Post
from hub.engagement import services as engagement
from hub.library import services as library
from hub.library.models import Item
from hub.networks import services as networks
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications.models import Notification
from tests.factories import MemberFactory
from tests.unit.library.helpers import item_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    return Network.objects.create(name="Drop-in friends", slug="drop-in", purpose="Peers")


def member_of(network, role=MemberRole.MEMBER):
    user = MemberFactory()
    Membership.objects.create(network=network, user=user, role=role)
    return user


def test_network_followers_hear_about_its_new_discussions(
    network, django_capture_on_commit_callbacks
):
    follower, author = member_of(network), member_of(network)
    engagement.follow_set(actor=follower, target=network, following=True)

    with django_capture_on_commit_callbacks(execute=True):
        topic = community.topic_start(
            actor=author, title="Friday agenda", body="<p>Ideas?</p>", network=network
        )

    (told,) = Notification.objects.filter(recipient=follower)
    assert told.kind == "community:topic"
    assert told.title.endswith("“Friday agenda” in Drop-in friends")
    assert told.target_type == ContentType.objects.get_for_model(Post)
    assert told.target_id == topic.posts.get(number=1).pk


def test_someone_who_left_the_network_hears_nothing_though_their_follow_remains(
    network, django_capture_on_commit_callbacks
):
    follower, author = member_of(network), member_of(network)
    engagement.follow_set(actor=follower, target=network, following=True)
    networks.network_leave(actor=follower, network=network)

    with django_capture_on_commit_callbacks(execute=True):
        community.topic_start(actor=author, title="Private", body="<p>x</p>", network=network)

    assert not Notification.objects.filter(recipient=follower).exists()


def test_network_followers_hear_about_its_new_resources(
    network, django_capture_on_commit_callbacks
):
    follower, author = member_of(network), member_of(network)
    leader = member_of(network, MemberRole.LEADER)
    engagement.follow_set(actor=follower, target=network, following=True)
    data = item_data(title="Drop-in slides")
    data.network = network

    with django_capture_on_commit_callbacks(execute=True):
        item = library.item_create(actor=author, data=data)
        library.item_submit(actor=author, item=item)
        library.item_publish(actor=leader, item=item)

    told = Notification.objects.get(recipient=follower, kind="library:new_item")
    assert told.title.startswith("New in ") and told.title.endswith(": Drop-in slides")
    assert (told.target_type.model_class(), told.target_id) == (Item, item.pk)


def test_an_outsider_cannot_follow_a_network(network, member):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        engagement.follow_set(actor=member, target=network, following=True)


def test_editorial_decisions_and_comments_remember_their_target(
    member, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = library.item_create(actor=member, data=item_data())
        library.item_submit(actor=member, item=item)
        library.item_publish(actor=editor, item=item)
        engagement.follow_set(actor=member, target=item, following=True)
        comment = engagement.comment_add(actor=editor, target=item, body="<p>Thank you</p>")

    decision = Notification.objects.get(recipient=member, kind="library:decision")
    assert decision.target_id == item.pk
    told = Notification.objects.get(recipient=member, kind="engagement:comment")
    assert told.target_id == comment.pk
