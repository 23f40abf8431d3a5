"""Comments, reactions and follows through hub.engagement.services."""

import dataclasses
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.core.models import AuditEntry
from hub.engagement import registry, services
from hub.engagement.models import Comment, Follow, Reaction
from hub.engagement.queries import followers_of
from hub.engagement.tasks import notify_about_comment
from hub.library.models import Item
from hub.notifications import outbox
from hub.notifications.models import Notification
from hub.taxonomy.models import Category, Tag
from tests.factories import MemberFactory

from .conftest import make_item

pytestmark = pytest.mark.django_db


def backdate(comment: Comment, minutes: int) -> Comment:
    Comment.objects.filter(pk=comment.pk).update(
        created=timezone.now() - timedelta(minutes=minutes)
    )
    comment.refresh_from_db()
    return comment


# Adding comments --------------------------------------------------------------------------


def test_a_member_can_comment_on_a_published_item(member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Very useful.</p>")

    assert comment.target == item
    assert comment.author == member
    assert comment.body == "<p>Very useful.</p>"
    item.refresh_from_db()
    assert item.comment_count == 1


def test_the_comment_body_is_sanitised_again_by_the_service(member, item):
    comment = services.comment_add(
        actor=member, target=item, body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
    )

    assert "script" not in comment.body
    assert "onclick" not in comment.body
    assert "Hi" in comment.body


@pytest.mark.parametrize("body", ["", "   ", "<p> </p>", "<script>alert(1)</script>"])
def test_an_empty_comment_is_refused(member, item, body):
    with pytest.raises(ValidationError):
        services.comment_add(actor=member, target=item, body=body)

    assert not Comment.objects.exists()


def test_a_visitor_who_is_not_signed_in_cannot_comment(item):
    with pytest.raises(PermissionDenied):
        services.comment_add(actor=AnonymousUser(), target=item, body="<p>Hello</p>")


def test_an_inactive_member_cannot_comment(member, item):
    member.is_active = False
    member.save()

    with pytest.raises(PermissionDenied):
        services.comment_add(actor=member, target=item, body="<p>Hello</p>")


def test_nobody_can_comment_on_an_unpublished_item_not_even_its_author(author, draft_item):
    with pytest.raises(PermissionDenied):
        services.comment_add(actor=author, target=draft_item, body="<p>Hello</p>")


def test_nobody_can_comment_on_a_category(member):
    category = Category.objects.first()

    with pytest.raises(PermissionDenied):
        services.comment_add(actor=member, target=category, body="<p>Hello</p>")


def test_adding_a_comment_is_audited(member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Noted.</p>")

    entry = AuditEntry.objects.get(action="engagement:comment:add")
    assert entry.actor == member
    assert entry.target_id == str(comment.pk)
    assert entry.new_values["body"] == "<p>Noted.</p>"


def test_the_commenter_starts_following_the_item(member, item):
    services.comment_add(actor=member, target=item, body="<p>Noted.</p>")
    services.comment_add(actor=member, target=item, body="<p>Noted again.</p>")

    assert followers_of(targets=[item]) == {member.pk}


def test_a_reply_to_a_reply_attaches_to_the_top_level_comment(member, other_member, item):
    top = services.comment_add(actor=member, target=item, body="<p>Top</p>")
    reply = services.comment_add(actor=other_member, target=item, body="<p>R1</p>", parent=top)

    deeper = services.comment_add(actor=member, target=item, body="<p>R2</p>", parent=reply)

    assert reply.parent == top
    assert deeper.parent == top


def test_a_reply_must_be_to_a_comment_on_the_same_target(member, item, author):
    elsewhere = make_item(author)
    comment = services.comment_add(actor=member, target=elsewhere, body="<p>There</p>")

    with pytest.raises(ValidationError):
        services.comment_add(actor=member, target=item, body="<p>Here</p>", parent=comment)


def test_a_reply_to_a_deleted_comment_is_refused(member, other_member, item):
    top = services.comment_add(actor=member, target=item, body="<p>Top</p>")
    services.comment_delete(actor=member, comment=top)

    with pytest.raises(ValidationError):
        services.comment_add(actor=other_member, target=item, body="<p>Hi</p>", parent=top)


def test_anonymous_comments_are_refused_where_the_kind_does_not_allow_them(
    monkeypatch, member, item
):
    kind = registry.kind_for(Item)
    monkeypatch.setitem(registry._kinds, Item, dataclasses.replace(kind, allows_anonymous=False))

    with pytest.raises(PermissionDenied):
        services.comment_add(actor=member, target=item, body="<p>Hi</p>", anonymous=True)
    assert not Comment.objects.exists()


# Notifications about comments -------------------------------------------------------------


def test_followers_hear_about_a_new_comment_but_not_the_commenter(
    member, other_member, item, django_capture_on_commit_callbacks
):
    services.follow_set(actor=other_member, target=item, following=True)
    services.follow_set(actor=member, target=item, following=True)

    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_add(actor=member, target=item, body="<p>First!</p>")

    notification = Notification.objects.get()
    assert notification.recipient == other_member
    assert notification.kind == "engagement:comment"
    assert item.title in notification.title
    assert member.public_name in notification.title
    assert notification.url == f"{item.get_absolute_url()}#comment-{comment.pk}"


def test_the_author_of_the_parent_hears_about_a_reply(
    member, other_member, item, django_capture_on_commit_callbacks
):
    top = services.comment_add(actor=member, target=item, body="<p>Top</p>")
    services.follow_set(actor=member, target=item, following=False)

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(actor=other_member, target=item, body="<p>Reply</p>", parent=top)

    notification = Notification.objects.get(recipient=member)
    assert "replied to your comment" in notification.title


def test_notifications_wait_until_the_comment_is_committed(
    member, other_member, item, django_capture_on_commit_callbacks
):
    services.follow_set(actor=other_member, target=item, following=True)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.comment_add(actor=member, target=item, body="<p>Hello</p>")
    assert not Notification.objects.exists()

    for callback in callbacks:
        callback()
    assert Notification.objects.get().recipient == other_member


def test_followers_who_have_left_are_not_told(
    member, other_member, item, django_capture_on_commit_callbacks
):
    third = MemberFactory()
    services.follow_set(actor=other_member, target=item, following=True)
    services.follow_set(actor=third, target=item, following=True)
    other_member.is_active = False
    other_member.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(actor=member, target=item, body="<p>Hello</p>")

    assert [n.recipient for n in Notification.objects.all()] == [third]


def test_followers_who_can_no_longer_see_the_target_are_not_told(
    member, other_member, author, item
):
    services.follow_set(actor=other_member, target=item, following=True)
    services.follow_set(actor=author, target=item, following=True)
    comment = services.comment_add(actor=member, target=item, body="<p>Hello</p>")
    item.status = "draft"  # taken down before the notification task ran
    item.save()

    services.comment_notify(comment=comment)

    assert [n.recipient for n in Notification.objects.all()] == [author]


def test_a_comment_deleted_before_the_task_runs_is_not_announced(member, other_member, item):
    services.follow_set(actor=other_member, target=item, following=True)
    comment = services.comment_add(actor=member, target=item, body="<p>Oops</p>")
    services.comment_delete(actor=member, comment=comment)

    assert notify_about_comment.call(comment_id=comment.pk) == 0
    assert not Notification.objects.exists()


def test_an_anonymous_comment_never_reveals_its_author_in_notifications_or_emails(
    item, author, mailoutbox, django_capture_on_commit_callbacks
):
    secret = MemberFactory(
        username="secretsam", display_name="Samira Secret", first_name="Samira", last_name="Q"
    )
    top = services.comment_add(actor=author, target=item, body="<p>What do you think?</p>")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(
            actor=secret, target=item, body="<p>It happened to me.</p>", parent=top, anonymous=True
        )
    # About an anonymous comment, the email goes the next morning (issue 21).
    assert not mailoutbox
    later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        outbox.deliver_pending()

    notification = Notification.objects.get(recipient=author)
    assert notification.title.startswith("Anonymous replied")
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    html = email.alternatives[0].content
    for leak in ("Samira", "secretsam", secret.email, "Secret"):
        assert leak not in notification.title
        assert leak not in notification.body
        assert leak not in email.subject
        assert leak not in email.body
        assert leak not in html
    assert "Anonymous" in email.subject


# Editing ----------------------------------------------------------------------------------


def test_the_author_can_edit_a_comment_within_the_window(member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Teh typo</p>")

    services.comment_edit(actor=member, comment=comment, body="<p>The typo</p>")

    comment.refresh_from_db()
    assert comment.body == "<p>The typo</p>"
    assert comment.edited_at is not None
    entry = AuditEntry.objects.get(action="engagement:comment:edit")
    assert entry.old_values == {"body": "<p>Teh typo</p>"}
    assert entry.new_values == {"body": "<p>The typo</p>"}


def test_nobody_else_can_edit_a_comment(member, other_member, moderator, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Mine</p>")

    for someone in (other_member, moderator, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            services.comment_edit(actor=someone, comment=comment, body="<p>Theirs</p>")
    comment.refresh_from_db()
    assert comment.body == "<p>Mine</p>"


def test_editing_after_the_window_is_refused_with_a_clear_message(settings, member, item):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 30
    comment = backdate(services.comment_add(actor=member, target=item, body="<p>Old</p>"), 31)

    with pytest.raises(PermissionDenied, match="within 30 minutes"):
        services.comment_edit(actor=member, comment=comment, body="<p>New</p>")
    comment.refresh_from_db()
    assert comment.body == "<p>Old</p>"


def test_the_edit_window_follows_the_setting(settings, member, item):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 120
    comment = backdate(services.comment_add(actor=member, target=item, body="<p>Old</p>"), 90)

    services.comment_edit(actor=member, comment=comment, body="<p>New</p>")

    comment.refresh_from_db()
    assert comment.body == "<p>New</p>"


def test_an_edit_cannot_empty_a_comment(member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Keep</p>")

    with pytest.raises(ValidationError):
        services.comment_edit(actor=member, comment=comment, body="<p> </p>")


# Deleting ---------------------------------------------------------------------------------


def test_the_author_can_delete_their_comment_at_any_time(member, item):
    comment = backdate(services.comment_add(actor=member, target=item, body="<p>Oops</p>"), 9999)

    services.comment_delete(actor=member, comment=comment)

    comment.refresh_from_db()
    assert comment.deleted_at is not None
    item.refresh_from_db()
    assert item.comment_count == 0
    assert AuditEntry.objects.filter(action="engagement:comment:delete", actor=member).exists()


def test_a_moderator_can_delete_someone_elses_comment(member, moderator, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Rude</p>")

    services.comment_delete(actor=moderator, comment=comment, reason="Not kind")

    comment.refresh_from_db()
    assert comment.deleted_at is not None
    entry = AuditEntry.objects.get(action="engagement:comment:delete")
    assert entry.actor == moderator
    assert entry.reason == "Not kind"


def test_another_member_cannot_delete_a_comment(member, other_member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Mine</p>")

    with pytest.raises(PermissionDenied):
        services.comment_delete(actor=other_member, comment=comment)
    comment.refresh_from_db()
    assert comment.deleted_at is None


# Reactions --------------------------------------------------------------------------------


def test_a_reaction_toggles_on_and_off_and_the_item_counts_follow(member, other_member, item):
    assert services.reaction_toggle(actor=member, target=item, kind="helpful") is True
    assert services.reaction_toggle(actor=other_member, target=item, kind="helpful") is True
    assert services.reaction_toggle(actor=member, target=item, kind="thanks") is True
    item.refresh_from_db()
    assert item.reaction_count == 3

    assert services.reaction_toggle(actor=member, target=item, kind="helpful") is False

    item.refresh_from_db()
    assert item.reaction_count == 2
    assert set(Reaction.objects.filter(user=member).values_list("kind", flat=True)) == {"thanks"}


def test_counts_keep_comments_and_reactions_apart(member, item):
    services.comment_add(actor=member, target=item, body="<p>A</p>")
    services.comment_add(actor=member, target=item, body="<p>B</p>")
    services.reaction_toggle(actor=member, target=item, kind="like")

    item.refresh_from_db()
    assert (item.comment_count, item.reaction_count) == (2, 1)


def test_an_unknown_reaction_is_refused(member, item):
    with pytest.raises(ValidationError):
        services.reaction_toggle(actor=member, target=item, kind="angry")


def test_visitors_and_unpublished_items_take_no_reactions(member, author, draft_item, item):
    with pytest.raises(PermissionDenied):
        services.reaction_toggle(actor=AnonymousUser(), target=item, kind="like")
    with pytest.raises(PermissionDenied):
        services.reaction_toggle(actor=author, target=draft_item, kind="like")
    assert not Reaction.objects.exists()


# Follows ----------------------------------------------------------------------------------


def test_following_is_idempotent(member, item):
    assert services.follow_set(actor=member, target=item, following=True) is True
    assert services.follow_set(actor=member, target=item, following=True) is True
    assert Follow.objects.filter(user=member).count() == 1

    assert services.follow_set(actor=member, target=item, following=False) is False
    assert services.follow_set(actor=member, target=item, following=False) is False
    assert not Follow.objects.exists()


def test_a_member_can_follow_categories_and_tags(member, item):
    category = Category.objects.first()
    tag = Tag.objects.create(name="Handover", slug="handover")
    item.tags.add(tag)  # a tag exists for a member only while content they may see carries it

    services.follow_set(actor=member, target=category, following=True)
    services.follow_set(actor=member, target=tag, following=True)

    assert followers_of(targets=[category]) == {member.pk}
    assert followers_of(targets=[tag]) == {member.pk}


def test_a_visitor_cannot_follow(item):
    with pytest.raises(PermissionDenied):
        services.follow_set(actor=AnonymousUser(), target=item, following=True)


def test_nobody_can_follow_an_item_they_may_not_see(other_member, draft_item):
    with pytest.raises(PermissionDenied):
        services.follow_set(actor=other_member, target=draft_item, following=True)
    assert not Follow.objects.exists()


# Hiding (moderation) ----------------------------------------------------------------------


def hider():
    from django.contrib.auth.models import Permission

    user = MemberFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="engagement", codename="change_comment")
    )
    return user


def test_a_moderator_can_hide_and_show_a_comment_again(member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Hmm</p>")
    moderator = hider()

    services.comment_hide(actor=moderator, comment=comment, reason="Check facts")
    item.refresh_from_db()
    assert item.comment_count == 0
    assert AuditEntry.objects.get(action="engagement:comment:hide").reason == "Check facts"

    services.comment_unhide(actor=moderator, comment=comment)
    item.refresh_from_db()
    assert item.comment_count == 1
    assert AuditEntry.objects.filter(action="engagement:comment:unhide").exists()


def test_a_member_cannot_hide_comments(member, other_member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Hmm</p>")

    for someone in (member, other_member):
        with pytest.raises(PermissionDenied):
            services.comment_hide(actor=someone, comment=comment)
    comment.refresh_from_db()
    assert comment.hidden_at is None
