"""notify() and marking notifications read, through hub.notifications.services."""

import pytest
from django.core.exceptions import PermissionDenied

from hub.notifications import queries, services
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_notify_creates_one_notification_per_recipient(member, other_member):
    created = services.notify(
        recipients=[member, other_member], kind="test:hello", title="Hello", body="Hi", url="/x/"
    )

    assert {n.recipient for n in created} == {member, other_member}
    assert Notification.objects.count() == 2
    row = Notification.objects.get(recipient=member)
    assert (row.kind, row.title, row.body, row.url) == ("test:hello", "Hello", "Hi", "/x/")
    assert row.read_at is None


def test_notify_never_tells_the_actor_about_their_own_action(member, other_member):
    created = services.notify(
        recipients=[member, other_member], kind="test", title="Hello", actor=member
    )

    assert [n.recipient for n in created] == [other_member]


def test_notify_skips_inactive_members(member, other_member):
    other_member.is_active = False
    other_member.save()

    services.notify(recipients=[member, other_member], kind="test", title="Hello")

    assert list(Notification.objects.values_list("recipient", flat=True)) == [member.pk]


def test_notify_tells_each_person_once_whether_given_as_users_or_ids(member):
    services.notify(recipients=[member, member.pk, member], kind="test", title="Hello")

    assert Notification.objects.count() == 1


def test_notify_with_nobody_to_tell_does_nothing(member):
    assert services.notify(recipients=[member], kind="test", title="x", actor=member) == []
    assert services.notify(recipients=[], kind="test", title="x") == []

    assert not Notification.objects.exists()


def test_a_long_title_is_cut_to_fit(member):
    services.notify(recipients=[member], kind="test", title="x" * 400)

    assert len(Notification.objects.get().title) == 250


def test_emails_go_only_once_the_transaction_commits(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(recipients=[member], kind="test", title="Hello")
    assert mailoutbox == []

    for callback in callbacks:
        callback()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    assert Notification.objects.get().emailed_at is not None


def test_no_email_when_none_is_wanted(member, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipients=[member], kind="test", title="Quiet", email=False)

    assert mailoutbox == []
    assert Notification.objects.get().email_wanted is False


def test_a_member_marks_their_own_notification_read(member):
    (notification,) = services.notify(recipients=[member], kind="test", title="Hello")

    services.notification_mark_read(actor=member, notification=notification)

    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_else_can_mark_a_notification_read(member, other_member):
    (notification,) = services.notify(recipients=[member], kind="test", title="Hello")

    with pytest.raises(PermissionDenied):
        services.notification_mark_read(actor=other_member, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_touches_only_the_actors_notifications(member, other_member):
    services.notify(recipients=[member, other_member], kind="test", title="One")
    services.notify(recipients=[member], kind="test", title="Two")

    assert services.notifications_mark_all_read(actor=member) == 2

    assert queries.unread_count(user=member) == 0
    assert queries.unread_count(user=other_member) == 1


def test_unread_count_is_one_query(member, django_assert_num_queries):
    services.notify(recipients=[member, MemberFactory()], kind="test", title="One")

    with django_assert_num_queries(1):
        assert queries.unread_count(user=member) == 1


def test_notifications_for_lists_newest_first_and_only_the_users_own(member, other_member):
    services.notify(recipients=[member], kind="test", title="Old")
    services.notify(recipients=[other_member], kind="test", title="Not yours")
    services.notify(recipients=[member], kind="test", title="New")

    titles = [n.title for n in queries.notifications_for(user=member)]

    assert titles == ["New", "Old"]
