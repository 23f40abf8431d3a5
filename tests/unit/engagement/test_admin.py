"""Comments in the admin: read-only rows, moderation through actions that call the services."""

import pytest

from hub.core.models import AuditEntry
from hub.engagement import services
from hub.engagement.models import Comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/engagement/comment/"


@pytest.fixture
def comment(member, item):
    return services.comment_add(actor=member, target=item, body="<p>Look here</p>")


def test_the_comment_list_opens_and_searches(client, admin_member, comment):
    client.force_login(admin_member)

    assert client.get(CHANGELIST).status_code == 200
    assert client.get(CHANGELIST, {"q": "look"}).status_code == 200
    assert client.get(f"{CHANGELIST}{comment.pk}/change/").status_code == 200


def test_comments_cannot_be_added_or_hard_deleted_in_the_admin(client, admin_member, comment):
    client.force_login(admin_member)

    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.post(f"{CHANGELIST}{comment.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.parametrize(
    ("action", "field", "audit"),
    [
        ("hide_comments", "hidden_at", "engagement:comment:hide"),
        ("delete_comments", "deleted_at", "engagement:comment:delete"),
    ],
)
def test_admin_actions_moderate_through_the_services(
    client, admin_member, comment, action, field, audit
):
    client.force_login(admin_member)

    response = client.post(CHANGELIST, {"action": action, "_selected_action": [comment.pk]})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert getattr(comment, field) is not None
    assert AuditEntry.objects.filter(action=audit, actor=admin_member).exists()
