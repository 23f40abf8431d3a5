"""load_demo's quiet inbox: every notification the demo's services make is marked read and
emailed, including those about anonymous posts, which keep only their day."""

import pytest
from django.utils import timezone

from hub.community import services as community_services
from hub.community.models import Forum
from hub.demo.quiet import notifications_mark, settle, tasks_held
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_notifications_about_anonymous_posts_are_quietened_too(
    django_capture_on_commit_callbacks,
):
    author, replier = MemberFactory(), MemberFactory()
    forum = Forum.objects.order_by("position").first()
    earlier = MemberFactory()
    old = Notification.objects.create(recipient=earlier, kind="community:reply", title="Before")
    mark, began = notifications_mark(), timezone.now()
    with tasks_held() as held:
        with django_capture_on_commit_callbacks(execute=True):
            topic = community_services.topic_start(
                actor=author, title="Held", body="<p>Hello</p>", forum=forum
            )
            community_services.post_reply(
                actor=replier,
                topic=topic,
                body=f"<p>Hi @{author.username}</p>",
                anonymous=True,
            )
        later = settle(held, after=mark)
    assert later == []
    about_anonymous = Notification.objects.filter(recipient=author)
    assert about_anonymous.count() == 1
    # Kept to the day: earlier than the load began, so a time-based mark would miss it.
    assert about_anonymous.get().created <= began
    assert not about_anonymous.filter(read_at=None).exists()
    assert not about_anonymous.filter(emailed_at=None).exists()
    old.refresh_from_db()
    assert old.read_at is None and old.emailed_at is None  # what came before is untouched
