"""The admin for topics and posts: read-only rows, actions that go through the services."""

import pytest
from django.contrib import admin
from django.urls import reverse

from hub.community.models import Post, Topic
from hub.core.models import AuditEntry

from .conftest import reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, admin_member):
    client.force_login(admin_member)
    return client


def test_topic_and_post_pages_open_and_search(superuser_client, topic, member):
    post = reply(member, topic, body="<p>Findable words</p>")

    for url in [
        reverse("admin:community_topic_changelist") + "?q=insulin",
        reverse("admin:community_topic_change", args=[topic.pk]),
        reverse("admin:community_post_changelist") + "?q=findable",
        reverse("admin:community_post_change", args=[post.pk]),
    ]:
        assert superuser_client.get(url).status_code == 200, url


def test_topics_and_posts_cannot_be_added_or_deleted_by_hand(rf, admin_member):
    request = rf.get("/admin/")
    request.user = admin_member
    for model in (Topic, Post):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_delete_permission(request)
        readonly = model_admin.get_readonly_fields(request)
        assert ("title" if model is Topic else "body") in readonly


def test_the_lock_action_calls_the_service_and_is_audited(superuser_client, topic):
    response = superuser_client.post(
        reverse("admin:community_topic_changelist"),
        {"action": "lock_topics", "_selected_action": [topic.pk]},
        follow=True,
    )

    assert response.status_code == 200
    topic.refresh_from_db()
    assert topic.locked
    assert AuditEntry.objects.get(action="community:topic:lock").reason == "From the admin"


def test_the_hide_action_hides_posts_with_a_reason(superuser_client, topic, member):
    post = reply(member, topic)

    superuser_client.post(
        reverse("admin:community_post_changelist"),
        {"action": "hide_posts", "_selected_action": [post.pk]},
    )

    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_reason == "From the admin"


def test_actions_report_what_a_staff_member_may_not_do(client, topic):
    from django.contrib.auth.models import Permission

    from tests.factories import MemberFactory

    staff = MemberFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="community", codename__in=["view_topic", "change_topic"]
        )
    )
    client.force_login(staff)

    response = client.post(
        reverse("admin:community_topic_changelist"),
        {"action": "pin_topics", "_selected_action": [topic.pk]},
        follow=True,
    )

    assert "Only moderators" in response.content.decode()
    topic.refresh_from_db()
    assert not topic.pinned
