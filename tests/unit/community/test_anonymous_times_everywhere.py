"""The time of anything posted anonymously shows nowhere, only its day (issue 21, item 4):
notifications (the list, the email's Date: header, when the email leaves, digests), library
items (pages, lists, RSS/Atom feeds and their Last-Modified, the sitemap and its
Last-Modified, versions and history), comments, error traps, a post's edit history, the
moderation queue and the audit log (page and CSV).

Everything anonymous is posted at 14:37:21; no form of that time may appear to a visitor, a
member, the notified follower, an editor or a moderator.
"""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.test import Client
from django.utils import timezone

from hub.community.models import Forum
from hub.community.services import post_edit, post_reply, topic_start
from hub.engagement import services as engagement
from hub.gallery import services as gallery
from hub.library import services as library
from hub.moderation.guard import inspect
from hub.notifications import digests, outbox
from hub.notifications.models import Notification, NotificationPreference
from hub.taxonomy.models import Category
from tests.factories import MemberFactory
from tests.unit.community.test_anonymous_times import WHEN, at, exact_time_forms
from tests.unit.gallery.helpers import details, photo
from tests.unit.library.helpers import item_data

pytestmark = pytest.mark.django_db

LATER = datetime(2026, 3, 4, 16, 2, 9)
NEXT_MORNING = datetime(2026, 3, 5, 7, 0, 5)
ALL_TIMES = (WHEN, WHEN + timedelta(minutes=5), LATER)
KINDS = ("community:reply", "engagement:comment", "library:new_item", "gallery:new_trap")


def assert_no_time(text: str, where: str, *, moments=(WHEN, WHEN + timedelta(minutes=5))):
    for moment in moments:
        for exact in exact_time_forms(moment):
            assert exact not in text, f"{exact} shown in {where}"


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    body = b"".join(response) if response.streaming else response.content
    return headers + "\n" + body.decode()


@pytest.fixture
def people(db):
    return {
        "author": MemberFactory(),
        "follower": MemberFactory(),
        "member": MemberFactory(),
        "editor": MemberFactory(roles=["Editor"]),
        "moderator": MemberFactory(roles=["Moderator"]),
        "admin": MemberFactory(roles=["Administrator"]),
    }


@pytest.fixture
def posted(people, mailoutbox, django_capture_on_commit_callbacks):
    """A named topic, and at 14:37:21: an anonymous reply to it, an anonymous library item
    (submitted and published), an anonymous comment on it, an anonymous error trap and a held
    anonymous reply; the follower follows all of it and wants emails straight away."""
    author, follower, editor = people["author"], people["follower"], people["editor"]
    for key in KINDS:
        NotificationPreference.objects.create(user=follower, kind=key, delivery="immediate")
    forum = Forum.objects.order_by("position").first()
    category = Category.objects.get(name="Medication")
    run = django_capture_on_commit_callbacks
    with at(datetime(2026, 3, 4, 8, 5)), run(execute=True):
        topic = topic_start(
            actor=people["member"], title="Night handover", body="<p>How?</p>", forum=forum
        )
    for target in (topic, category):
        engagement.follow_set(actor=follower, target=target, following=True)
    with at(WHEN), run(execute=True):
        reply = post_reply(actor=author, topic=topic, body="<p>Ours is noisy.</p>", anonymous=True)
        item = library.item_create(
            actor=author,
            data=item_data(title="Insulin near miss", categories=[category], is_anonymous=True),
        )
        item = library.item_submit(actor=author, item=item)
        trap = gallery.trap_upload(
            actor=author, upload=photo(), alt_text="Two grey insulin pens", consent=True
        )
        trap = gallery.trap_submit(
            actor=author, trap=trap, data=details(categories=[category], is_anonymous=True)
        )
        body = "<p>Nurse Okafor was brilliant at the handover.</p>"
        token = inspect({"body": body}).flags[0].token
        held = post_reply(
            actor=author, topic=topic, body=body, anonymous=True, pii_false_alarms=[token]
        )
    # Editors and moderators act later; their acts on anonymous content are kept to the day too.
    with at(LATER), run(execute=True):
        item = library.item_publish(actor=editor, item=item)
        trap = gallery.trap_publish(actor=people["moderator"], trap=trap)
    engagement.follow_set(actor=follower, target=item, following=True)
    with at(WHEN + timedelta(minutes=5)), run(execute=True):
        comment = engagement.comment_add(
            actor=author, target=item, body="<p>It happened to us too.</p>", anonymous=True
        )
        post_edit(actor=author, post=reply, body="<p>Ours is very noisy.</p>")
    return {
        "topic": topic,
        "reply": reply,
        "item": item,
        "comment": comment,
        "trap": trap,
        "held": held,
    }


def test_notifications_about_anonymous_posts_keep_only_the_day(
    people, posted, mailoutbox, django_capture_on_commit_callbacks
):
    follower = people["follower"]
    told = Notification.objects.filter(recipient=follower)
    assert set(told.values_list("kind", flat=True)) == set(KINDS)
    for notification in told:
        assert notification.anonymous_source
        created = timezone.localtime(notification.created)
        assert (created.date(), created.time()) == (WHEN.date(), datetime.min.time())

    client = Client()
    client.force_login(follower)
    assert_no_time(page(client, "/notifications/"), "the notification list", moments=ALL_TIMES)

    # Nothing was emailed when it was posted: the arrival would tell the minute.
    assert [m for m in mailoutbox if m.to == [follower.email]] == []
    with at(WHEN + timedelta(hours=3)):
        outbox.deliver_pending()
    assert [m for m in mailoutbox if m.to == [follower.email]] == []
    with at(NEXT_MORNING):
        outbox.deliver_pending()
    emails = [m for m in mailoutbox if m.to == [follower.email]]
    assert len(emails) == len(KINDS)
    for email in emails:
        message = email.message()
        dated = timezone.localtime(parsedate_to_datetime(message["Date"]))
        assert (dated.date(), dated.time()) == (WHEN.date(), datetime.min.time())
        assert_no_time(message.as_string(), f"the email “{email.subject}”", moments=ALL_TIMES)


def test_a_digest_does_not_tell_whether_an_anonymous_post_came_before_the_digest_hour(
    people, django_capture_on_commit_callbacks
):
    forum = Forum.objects.order_by("position").first()
    follower = people["follower"]
    NotificationPreference.objects.create(user=follower, kind="community:reply", delivery="daily")
    with at(datetime(2026, 3, 4, 6, 10)), django_capture_on_commit_callbacks(execute=True):
        topic = topic_start(actor=people["member"], title="Falls", body="<p>?</p>", forum=forum)
        engagement.follow_set(actor=follower, target=topic, following=True)
        post_reply(actor=people["author"], topic=topic, body="<p>Early</p>", anonymous=True)
    # 6:10 is before the 7:00 digest: taken at 7:00 it would say "before seven".
    assert (
        digests.build_due_digests(
            frequency="daily", now=timezone.make_aware(datetime(2026, 3, 4, 7, 0, 30))
        )
        == []
    )
    (digest,) = digests.build_due_digests(frequency="daily", now=timezone.make_aware(NEXT_MORNING))
    assert digest.notifications.get().anonymous_source


def test_an_anonymous_library_item_shows_only_its_day_in_pages_feeds_and_sitemap(people, posted):
    item = posted["item"]
    urls = [
        item.get_absolute_url(),
        "/library/",
        "/library/feed/rss/",
        "/library/feed/atom/",
        "/library/category/medication/feed/atom/",
        "/library/tag/handover/feed/atom/",
        "/sitemap.xml",
    ]
    for who in (None, people["member"], people["follower"], people["editor"], people["author"]):
        client = Client()
        if who is not None:
            client.force_login(who)
        for url in urls:
            assert_no_time(page(client, url), url, moments=ALL_TIMES)
    editor = Client()
    editor.force_login(people["editor"])
    versions = page(editor, f"{item.get_absolute_url()}revisions/")
    assert_no_time(versions, "the item's versions", moments=ALL_TIMES)
    atom = page(Client(), "/library/feed/atom/")
    assert "2026-03-04T00:00:00" in atom  # the day is still given


def test_anonymous_comments_and_error_traps_show_only_their_day(people, posted):
    trap = posted["trap"]
    for who in (None, people["member"], people["follower"], people["author"]):
        client = Client()
        if who is not None:
            client.force_login(who)
        for url in (posted["item"].get_absolute_url(), "/gallery/", trap.get_absolute_url()):
            assert_no_time(page(client, url), url, moments=ALL_TIMES)


def test_moderators_see_only_the_day_of_anonymous_posts(people, posted):
    moderator, admin = Client(), Client()
    moderator.force_login(people["moderator"])
    admin.force_login(people["admin"])
    reply = posted["reply"]
    for client in (moderator, admin):
        assert_no_time(page(client, "/moderation/"), "the moderation queue")
        assert_no_time(page(client, f"/community/post/{reply.pk}/history/"), "the post history")
    assert_no_time(page(admin, "/moderation/audit/"), "the audit log")
    assert_no_time(page(admin, "/moderation/audit/export.csv"), "the audit log's CSV")
    # The moderators' own notification of the held post is kept to the day too.
    held = Notification.objects.filter(recipient=people["moderator"], kind="moderation:held")
    assert held.exists() and all(n.anonymous_source for n in held)
    assert_no_time(page(moderator, "/notifications/"), "the moderator's notifications")
