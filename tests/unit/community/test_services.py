"""Writing to the forums through hub.community.services: rules, audit and notifications."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.community import queries, services
from hub.community.models import Post, PostRevision, Topic, TopicRead
from hub.core.models import AuditEntry
from hub.engagement import services as engagement
from hub.engagement.queries import is_following
from hub.moderation.guard import inspect
from hub.notifications import outbox
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .conftest import join, reply, start

pytestmark = pytest.mark.django_db


def backdate(post: Post, minutes: int) -> Post:
    Post.objects.filter(pk=post.pk).update(created=timezone.now() - timedelta(minutes=minutes))
    post.refresh_from_db()
    return post


# Starting topics and replying -------------------------------------------------------------


def test_starting_a_topic_creates_the_opening_post_as_number_one(author, forum):
    topic = services.topic_start(
        actor=author, title="  Insulin   at handover ", body="<p>Hello</p>", forum=forum
    )

    assert topic.title == "Insulin at handover"
    assert topic.slug == "insulin-at-handover"
    assert topic.forum == forum and topic.network is None
    assert list(topic.posts.values_list("number", "body")) == [(1, "<p>Hello</p>")]
    assert topic.last_post_number == 1 and topic.reply_count == 0
    assert AuditEntry.objects.filter(action="community:topic:start", target_id=topic.pk).exists()


def test_the_opening_post_is_sanitised_by_the_service(author, forum):
    topic = start(author, forum=forum, body='<p onclick="x()">Hi<script>alert(1)</script></p>')

    assert topic.posts.get().body == "<p>Hi</p>"


def test_a_topic_needs_a_title_and_a_body_and_says_which_is_missing(author, forum):
    with pytest.raises(ValidationError) as error:
        services.topic_start(actor=author, title=" ", body="<p> </p>", forum=forum)

    assert set(error.value.message_dict) == {"title", "body"}
    assert not Topic.objects.exists()


def test_signed_out_visitors_cannot_start_a_topic(forum):
    with pytest.raises(PermissionDenied):
        services.topic_start(actor=AnonymousUser(), title="Hi", body="<p>x</p>", forum=forum)


def test_only_members_of_a_network_can_start_a_topic_in_it(network, network_member, author):
    with pytest.raises(PermissionDenied, match="Only members of this network"):
        start(author, network=network)

    topic = start(network_member, network=network)
    assert topic.network == network and topic.forum is None


def test_replies_take_the_next_number_and_keep_the_topic_figures(topic, other_member):
    first = reply(other_member, topic)
    second = reply(other_member, topic)

    topic.refresh_from_db()
    assert (first.number, second.number) == (2, 3)
    assert topic.last_post_number == 3
    assert topic.reply_count == 2
    assert topic.last_post_at >= second.created - timedelta(seconds=1)


def test_a_reply_to_a_locked_topic_is_refused_and_nothing_is_stored(topic, moderator, member):
    services.topic_lock(actor=moderator, topic=topic)

    with pytest.raises(PermissionDenied, match="locked"):
        reply(member, topic)

    assert topic.posts.count() == 1


def test_a_reply_is_refused_when_the_topic_was_locked_after_the_page_was_loaded(
    topic, moderator, member
):
    stale = Topic.objects.get(pk=topic.pk)
    services.topic_lock(actor=moderator, topic=topic)

    with pytest.raises(PermissionDenied):
        reply(member, stale)

    assert topic.posts.count() == 1


def test_a_hidden_topic_takes_no_replies(topic, moderator, member):
    services.topic_hide(actor=moderator, topic=topic, reason="Spam")

    with pytest.raises(PermissionDenied):
        reply(moderator, topic)


def test_signed_out_visitors_cannot_reply(topic):
    with pytest.raises(PermissionDenied, match="Sign in"):
        reply(AnonymousUser(), topic)


def test_an_empty_reply_is_refused(topic, member):
    with pytest.raises(ValidationError) as error:
        reply(member, topic, body="<p><br></p>")

    assert "body" in error.value.message_dict
    assert topic.posts.count() == 1


def test_a_quote_of_a_post_in_another_topic_is_not_kept(topic, author, member, forum):
    elsewhere = start(author, forum=forum).posts.get()

    post = reply(member, topic, quoted=elsewhere)

    assert post.quoted is None


def test_a_reply_can_quote_a_post_of_the_same_topic(topic, member):
    opening = topic.posts.get(number=1)

    assert reply(member, topic, quoted=opening).quoted == opening


def test_posting_marks_the_topic_read_and_follows_it(topic, member):
    reply(member, topic)

    assert TopicRead.objects.get(user=member, topic=topic).last_read_number == 2
    assert is_following(viewer=member, target=topic)


# Editing and deleting ---------------------------------------------------------------------


def test_the_author_can_edit_within_the_window_and_the_earlier_text_is_kept(topic, member):
    post = reply(member, topic, body="<p>First try</p>")

    services.post_edit(actor=member, post=post, body="<p>Second try</p>")

    post.refresh_from_db()
    assert post.body == "<p>Second try</p>"
    assert post.edited_at is not None
    revision = PostRevision.objects.get(post=post)
    assert (revision.body, revision.edited_by) == ("<p>First try</p>", member)
    assert AuditEntry.objects.filter(action="community:post:edit", target_id=post.pk).exists()


def test_editing_after_the_window_is_refused(topic, member, settings):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 30
    post = backdate(reply(member, topic), minutes=31)

    with pytest.raises(PermissionDenied, match="within 30 minutes"):
        services.post_edit(actor=member, post=post, body="<p>Too late</p>")

    assert not PostRevision.objects.exists()


def test_only_the_author_can_edit_a_post(topic, member, moderator):
    post = reply(member, topic)

    with pytest.raises(PermissionDenied, match="Only the person who wrote"):
        services.post_edit(actor=moderator, post=post, body="<p>Changed by someone else</p>")


def test_posts_in_a_locked_topic_cannot_be_edited(topic, member, moderator):
    post = reply(member, topic)
    services.topic_lock(actor=moderator, topic=topic)

    with pytest.raises(PermissionDenied, match="locked"):
        services.post_edit(actor=member, post=post, body="<p>Changed</p>")


def test_saving_the_same_text_keeps_no_revision(topic, member):
    post = reply(member, topic, body="<p>Same</p>")

    services.post_edit(actor=member, post=post, body="<p>Same</p>")

    assert not PostRevision.objects.exists()


def test_deleting_a_post_is_soft_and_keeps_its_number(topic, member):
    post = reply(member, topic)
    later = reply(member, topic)

    services.post_delete(actor=member, post=post)

    post.refresh_from_db()
    assert post.deleted_at is not None
    assert list(topic.posts.values_list("number", flat=True)) == [1, 2, 3]
    assert queries.page_of_post(post=later) == 1
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_members_cannot_delete_other_peoples_posts(topic, member, other_member):
    post = reply(member, topic)

    with pytest.raises(PermissionDenied):
        services.post_delete(actor=other_member, post=post)


def test_the_author_can_delete_their_topic_only_until_someone_replies(author, forum, member):
    lonely = start(author, forum=forum)
    answered = start(author, forum=forum)
    reply(member, answered)

    services.topic_delete(actor=author, topic=lonely)
    with pytest.raises(PermissionDenied):
        services.topic_delete(actor=author, topic=answered)

    lonely.refresh_from_db()
    assert lonely.deleted_at is not None
    assert Topic.objects.filter(pk=lonely.pk).exists()


# Moderation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb", ["topic_pin", "topic_lock", "topic_hide", "topic_delete", "topic_unpin"]
)
def test_ordinary_members_cannot_moderate_topics(topic, other_member, verb):
    with pytest.raises(PermissionDenied):
        getattr(services, verb)(actor=other_member, topic=topic, reason="Because")


def test_ordinary_members_cannot_hide_posts(topic, other_member):
    with pytest.raises(PermissionDenied):
        services.post_hide(actor=other_member, post=topic.posts.get(), reason="Because")


@pytest.mark.parametrize(
    ("verb", "field", "value"),
    [
        ("pin", "pinned", True),
        ("lock", "locked", True),
    ],
)
def test_pinning_and_locking_are_audited_with_the_reason(topic, moderator, verb, field, value):
    getattr(services, f"topic_{verb}")(actor=moderator, topic=topic, reason="Important")

    topic.refresh_from_db()
    assert getattr(topic, field) is value
    entry = AuditEntry.objects.get(action=f"community:topic:{verb}")
    assert (entry.actor, entry.reason) == (moderator, "Important")
    assert entry.old_values == {field: False} and entry.new_values == {field: True}


def test_unlocking_and_unpinning_undo_and_are_audited(topic, moderator):
    services.topic_lock(actor=moderator, topic=topic)
    services.topic_pin(actor=moderator, topic=topic)

    services.topic_unlock(actor=moderator, topic=topic, reason="Calmer now")
    services.topic_unpin(actor=moderator, topic=topic)

    topic.refresh_from_db()
    assert not topic.locked and not topic.pinned
    assert AuditEntry.objects.get(action="community:topic:unlock").reason == "Calmer now"
    assert AuditEntry.objects.filter(action="community:topic:unpin").exists()


def test_moving_a_topic_changes_its_forum_and_is_audited(topic, moderator, other_forum, forum):
    services.topic_move(actor=moderator, topic=topic, forum=other_forum, reason="Better fit")

    topic.refresh_from_db()
    assert topic.forum == other_forum
    entry = AuditEntry.objects.get(action="community:topic:move")
    assert entry.old_values == {"forum": forum.slug}
    assert entry.new_values == {"forum": other_forum.slug}
    assert entry.reason == "Better fit"


def test_a_network_topic_is_never_moved_into_a_public_forum(network_topic, network, forum):
    leader = MemberFactory()
    join(leader, network, role="leader")

    with pytest.raises(ValidationError):
        services.topic_move(actor=leader, topic=network_topic, forum=forum)

    network_topic.refresh_from_db()
    assert network_topic.forum is None


def test_hiding_a_post_keeps_the_row_its_number_and_its_permalink(topic, member, moderator):
    replies = [reply(member, topic) for _ in range(3)]
    hidden = replies[1]

    services.post_hide(actor=moderator, post=hidden, reason="Identifies a patient")

    hidden.refresh_from_db()
    assert hidden.hidden_at is not None
    assert hidden.hidden_reason == "Identifies a patient"
    assert hidden.number == 3
    assert queries.page_of_post(post=hidden) == 1
    assert list(topic.posts.values_list("number", flat=True)) == [1, 2, 3, 4]
    topic.refresh_from_db()
    assert topic.reply_count == 2
    entry = AuditEntry.objects.get(action="community:post:hide")
    assert entry.reason == "Identifies a patient"


def test_hiding_needs_a_reason(topic, moderator):
    with pytest.raises(ValidationError):
        services.post_hide(actor=moderator, post=topic.posts.get(), reason="  ")
    with pytest.raises(ValidationError):
        services.topic_hide(actor=moderator, topic=topic, reason="")


def test_unhiding_a_post_shows_it_again(topic, member, moderator):
    post = reply(member, topic)
    services.post_hide(actor=moderator, post=post, reason="Check")

    services.post_unhide(actor=moderator, post=post)

    post.refresh_from_db()
    assert post.hidden_at is None and post.hidden_reason == ""
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_network_leaders_moderate_their_networks_topics_but_not_public_ones(
    network_topic, network_leader, topic
):
    services.topic_lock(actor=network_leader, topic=network_topic)

    with pytest.raises(PermissionDenied):
        services.topic_lock(actor=network_leader, topic=topic)
    network_topic.refresh_from_db()
    assert network_topic.locked


def test_plain_network_members_cannot_moderate_their_networks_topics(network_topic):
    member = MemberFactory()
    join(member, network_topic.network)

    with pytest.raises(PermissionDenied):
        services.topic_pin(actor=member, topic=network_topic)


def test_a_hub_moderator_outside_a_network_cannot_moderate_its_topics(network_topic, moderator):
    with pytest.raises(PermissionDenied):
        services.topic_hide(actor=moderator, topic=network_topic, reason="x")


def test_superusers_moderate_network_topics(network_topic, admin_member):
    services.topic_pin(actor=admin_member, topic=network_topic)

    network_topic.refresh_from_db()
    assert network_topic.pinned


# Reading state ----------------------------------------------------------------------------


def test_marking_read_never_goes_backwards(topic, member):
    services.topic_mark_read(actor=member, topic=topic, number=5)
    services.topic_mark_read(actor=member, topic=topic, number=2)

    assert TopicRead.objects.get(user=member, topic=topic).last_read_number == 5


def test_marking_read_does_nothing_for_signed_out_visitors(topic):
    services.topic_mark_read(actor=AnonymousUser(), topic=topic, number=1)

    assert not TopicRead.objects.exclude(user=topic.author).exists()


# Mentions and notifications ---------------------------------------------------------------


def test_a_mention_links_to_the_profile_and_notifies_the_member(
    topic, author, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(member, topic, body="<p>Thanks @Nadia, and @nobody-here.</p>")

    assert '<a href="/members/nadia/"' in post.body and ">@nadia</a>" in post.body
    assert "@nobody-here" in post.body and "/members/nobody-here/" not in post.body
    notification = Notification.objects.get(recipient=author, kind="community:mention")
    assert member.public_name in notification.title
    assert notification.url == post.get_absolute_url()


def test_mentions_inside_links_code_and_email_addresses_are_left_alone(topic, author, member):
    body = (
        '<p>Mail nadia@example.org or see <a href="https://example.org">@nadia</a> '
        "and <code>@nadia</code>.</p>"
    )

    # The email address is caught by the patient-data guard; the author says it is fine.
    false_alarms = [flag.token for flag in inspect({"body": body}).flags]
    post = reply(member, topic, body=body, pii_false_alarms=false_alarms)

    assert "/members/nadia/" not in post.body


def test_a_mention_in_a_network_topic_only_reaches_members_of_the_network(
    network, network_member, django_capture_on_commit_callbacks
):
    insider = MemberFactory(username="insider2")
    join(insider, network)
    outsider = MemberFactory(username="outsider")
    topic = start(network_member, network=network)

    with django_capture_on_commit_callbacks(execute=True):
        reply(network_member, topic, body="<p>@insider2 and @outsider, look.</p>")

    assert Notification.objects.filter(recipient=insider, kind="community:mention").exists()
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_editing_in_a_new_mention_notifies_only_the_newly_mentioned(
    topic, member, django_capture_on_commit_callbacks
):
    first = MemberFactory(username="first")
    second = MemberFactory(username="second")
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(member, topic, body="<p>@first</p>")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_edit(actor=member, post=post, body=post.body + "<p>@second</p>")

    assert Notification.objects.filter(recipient=first, kind="community:mention").count() == 1
    assert Notification.objects.filter(recipient=second, kind="community:mention").count() == 1


def test_followers_of_a_topic_hear_about_replies_but_never_about_their_own(
    topic, author, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply(member, topic)

    told = Notification.objects.get(kind="community:reply")
    assert told.recipient == author  # the starter follows their topic
    assert not Notification.objects.filter(recipient=member).exists()


def test_a_mentioned_follower_is_told_once(
    topic, author, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply(member, topic, body="<p>@nadia what do you think?</p>")

    assert list(Notification.objects.filter(recipient=author).values_list("kind", flat=True)) == [
        "community:mention"
    ]


def test_followers_of_a_forum_hear_about_new_topics(
    forum, author, member, django_capture_on_commit_callbacks
):
    engagement.follow_set(actor=member, target=forum, following=True)

    with django_capture_on_commit_callbacks(execute=True):
        topic = start(author, forum=forum, title="Falls at night")

    told = Notification.objects.get(recipient=member)
    assert told.kind == "community:topic"
    assert "Falls at night" in told.title and forum.name in told.title
    assert told.url == topic.posts.get().get_absolute_url()


def test_followers_who_left_a_network_hear_nothing_more_about_its_topics(
    network_topic, network, django_capture_on_commit_callbacks
):
    leaver = MemberFactory()
    membership = join(leaver, network)
    engagement.follow_set(actor=leaver, target=network_topic, following=True)
    membership.delete()
    writer = MemberFactory()
    join(writer, network)

    with django_capture_on_commit_callbacks(execute=True):
        reply(writer, network_topic)

    assert not Notification.objects.filter(recipient=leaver).exists()
    assert Notification.objects.filter(recipient=network_topic.author).exists()


def test_an_anonymous_reply_never_names_its_author_in_notifications_or_emails(
    topic, author, django_capture_on_commit_callbacks, mailoutbox
):
    secret = MemberFactory(username="secretwriter", display_name="Secret Writer")

    with django_capture_on_commit_callbacks(execute=True):
        reply(secret, topic, body="<p>@nadia this happened to me.</p>", anonymous=True)
    # About an anonymous post, the email goes the next morning (issue 21).
    assert not mailoutbox
    later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        outbox.deliver_pending()

    notifications = list(Notification.objects.all())
    assert notifications and all("Anonymous" in n.title for n in notifications)
    texts = [n.title + n.body for n in notifications]
    texts += [m.subject + m.body for m in mailoutbox]
    texts += [str(alt[0]) for m in mailoutbox for alt in getattr(m, "alternatives", [])]
    assert mailoutbox
    for text in texts:
        assert "Secret Writer" not in text and "secretwriter" not in text


def test_an_anonymous_topic_never_names_its_author_to_forum_followers(
    forum, member, django_capture_on_commit_callbacks, mailoutbox
):
    engagement.follow_set(actor=member, target=forum, following=True)
    secret = MemberFactory(username="hiddenname", display_name="Hidden Name")

    with django_capture_on_commit_callbacks(execute=True):
        start(secret, forum=forum, title="A near miss", anonymous=True)

    told = Notification.objects.get(recipient=member)
    assert told.title.startswith("Anonymous started")
    for text in [told.title, told.body, *[m.subject + m.body for m in mailoutbox]]:
        assert "Hidden Name" not in text and "hiddenname" not in text


def test_nobody_hears_about_a_post_that_was_hidden_before_the_notification_ran(
    topic, member, moderator
):
    post = reply(member, topic)
    services.post_hide(actor=moderator, post=post, reason="Spam")

    assert services.post_notify(post=post, mentioned_ids=[topic.author_id]) == []


def test_a_new_network_topic_notifies_no_forum_followers(
    forum, network, network_member, django_capture_on_commit_callbacks
):
    follower = MemberFactory()
    engagement.follow_set(actor=follower, target=forum, following=True)

    with django_capture_on_commit_callbacks(execute=True):
        start(network_member, network=network)

    assert not Notification.objects.filter(recipient=follower).exists()
