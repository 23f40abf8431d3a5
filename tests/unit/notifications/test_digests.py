"""Daily and weekly digests: when they are due, what they list, and what they never list."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from hub.community import services as community
from hub.community.models import Forum
from hub.engagement import services as engagement
from hub.library import services as library
from hub.networks import services as networks
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications import digests, services
from hub.notifications.models import Digest, Notification, NotificationPreference, OutboundEmail
from hub.notifications.tasks import send_digests
from tests.factories import MemberFactory
from tests.unit.library.helpers import a_category, item_data, published

pytestmark = pytest.mark.django_db

LOCAL = ZoneInfo(settings.TIME_ZONE)


def next_monday_morning(after: datetime | None = None) -> datetime:
    """08:00 local on the first Monday after `after`: a weekly digest is due then."""
    local = timezone.localtime(after or timezone.now())
    day = local.date() + timedelta(days=7 - local.weekday())
    return datetime(day.year, day.month, day.day, 8, tzinfo=LOCAL)


def weekly(user, key="library:new_item"):
    NotificationPreference.objects.update_or_create(
        user=user, kind=key, defaults={"delivery": "weekly"}
    )


def run_weekly(now: datetime) -> int:
    return send_digests.call(frequency="weekly", now=now.isoformat())


@pytest.fixture
def follower(member):
    engagement.follow_set(actor=member, target=a_category(), following=True)
    weekly(member)
    return member


def publish(author, editor, capture, title, **overrides):
    with capture(execute=True):
        return published(author, editor, title=title, **overrides)


def mail_to(user, mailoutbox) -> list:
    """The emails one member received (authors also hear about editors' decisions)."""
    return [m for m in mailoutbox if m.to == [user.email]]


def html_of(message) -> str:
    return message.alternatives[0].content


def test_period_start_is_the_digest_hour_each_day_and_monday_for_weekly(settings):
    settings.NOTIFICATIONS_DIGEST_HOUR = 7
    wednesday_9 = datetime(2026, 11, 25, 9, tzinfo=LOCAL)
    wednesday_6 = datetime(2026, 11, 25, 6, tzinfo=LOCAL)

    assert digests.period_start("daily", wednesday_9) == datetime(2026, 11, 25, 7, tzinfo=LOCAL)
    assert digests.period_start("daily", wednesday_6) == datetime(2026, 11, 24, 7, tzinfo=LOCAL)
    assert digests.period_start("weekly", wednesday_9) == datetime(2026, 11, 23, 7, tzinfo=LOCAL)
    monday_6 = datetime(2026, 11, 23, 6, tzinfo=LOCAL)
    assert digests.period_start("weekly", monday_6) == datetime(2026, 11, 16, 7, tzinfo=LOCAL)


def test_the_weekly_digest_waits_for_monday_then_lists_the_new_items_once(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks
):
    author = MemberFactory()
    first = publish(author, editor, django_capture_on_commit_callbacks, "Safer handover")
    second = publish(author, editor, django_capture_on_commit_callbacks, "Falls at night")
    assert mail_to(follower, mailoutbox) == []  # nothing straight away: it waits for the digest

    assert run_weekly(timezone.now()) == 0  # created in this period: not due yet
    assert run_weekly(next_monday_morning()) == 1

    (email,) = mail_to(follower, mailoutbox)
    assert email.subject == "[Safety Hub] Your weekly digest: 2 new things"
    for part in (email.body, html_of(email)):
        assert "New library items in categories, tags and networks you follow" in part
        assert first.title in part and second.title in part
        assert first.get_absolute_url() in part
    assert '<html lang="en-GB">' in html_of(email)
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0

    assert run_weekly(next_monday_morning() + timedelta(hours=3)) == 0
    assert len(mail_to(follower, mailoutbox)) == 1


def test_the_next_digest_lists_only_what_happened_since_the_last(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks
):
    author = MemberFactory()
    publish(author, editor, django_capture_on_commit_callbacks, "Safer handover")
    monday = next_monday_morning()
    run_weekly(monday)
    publish(author, editor, django_capture_on_commit_callbacks, "Falls at night")
    Notification.objects.filter(digest__isnull=True).update(created=monday + timedelta(days=1))

    assert run_weekly(monday + timedelta(days=7)) == 1

    latest = mail_to(follower, mailoutbox)[-1]
    assert "Falls at night" in latest.body and "Safer handover" not in latest.body
    assert "Since your last digest on" in latest.body
    assert Digest.objects.latest("created").since is not None


def test_a_daily_digest_is_due_each_morning(
    member, editor, mailoutbox, django_capture_on_commit_callbacks
):
    engagement.follow_set(actor=member, target=a_category(), following=True)
    publish(MemberFactory(), editor, django_capture_on_commit_callbacks, "Safer handover")
    tomorrow_9 = timezone.localtime() + timedelta(days=1)
    tomorrow_9 = tomorrow_9.replace(hour=9)

    assert send_digests.call(frequency="daily", now=tomorrow_9.isoformat()) == 1
    (email,) = mail_to(member, mailoutbox)
    assert email.subject == "[Safety Hub] Your daily digest: 1 new thing"


def test_an_item_in_a_network_the_member_left_is_not_in_their_digest(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks
):
    network = Network.objects.create(name="Patient Safety Managers", slug="psm", purpose="Peers")
    leader = MemberFactory()
    Membership.objects.create(network=network, user=leader, role=MemberRole.LEADER)
    Membership.objects.create(network=network, user=follower, role=MemberRole.MEMBER)
    data = item_data(title="Network secret slides")
    data.network = network
    author = MemberFactory()
    Membership.objects.create(network=network, user=author, role=MemberRole.MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        item = library.item_create(actor=author, data=data)
        library.item_submit(actor=author, item=item)
        library.item_publish(actor=leader, item=item)
    publish(MemberFactory(), editor, django_capture_on_commit_callbacks, "Public handover")
    assert Notification.objects.filter(recipient=follower).count() == 2

    networks.network_leave(actor=follower, network=network)
    run_weekly(next_monday_morning())

    (email,) = mail_to(follower, mailoutbox)
    assert "Public handover" in email.body
    for part in (email.subject, email.body, html_of(email)):
        assert "Network secret slides" not in part
    assert email.subject.endswith("1 new thing")


def test_an_item_unpublished_since_is_left_out_and_an_empty_digest_is_not_sent(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks
):
    item = publish(MemberFactory(), editor, django_capture_on_commit_callbacks, "Withdrawn one")
    library.item_unpublish(actor=editor, item=item, reason="Out of date")

    run_weekly(next_monday_morning())

    assert mail_to(follower, mailoutbox) == []
    assert OutboundEmail.objects.get(digest__isnull=False).status == "skipped"


def test_anonymous_authors_are_never_named_and_hidden_topics_left_out(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    forum = Forum.objects.order_by("position").first()
    engagement.follow_set(actor=member, target=forum, following=True)
    weekly(member, "community:topic")
    secret = MemberFactory(username="hiddenwriter", display_name="Hidden Writer")
    loud = MemberFactory(username="loudwriter", display_name="Loud Writer")
    moderator = MemberFactory(roles=["Moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        community.topic_start(
            actor=secret,
            title="A near miss I saw",
            body="<p>Story</p>",
            forum=forum,
            anonymous=True,
        )
        hidden = community.topic_start(
            actor=loud, title="Something removed later", body="<p>Rude</p>", forum=forum
        )
    community.topic_hide(actor=moderator, topic=hidden, reason="Breaks the rules")

    run_weekly(next_monday_morning())

    (email,) = mail_to(member, mailoutbox)
    text = email.subject + email.body + html_of(email)
    assert "Anonymous started “A near miss I saw”" in email.body
    assert "Hidden Writer" not in text and "hiddenwriter" not in text
    assert "Something removed later" not in text


def test_a_kind_turned_to_site_only_after_queueing_is_left_out_of_the_digest(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks
):
    publish(MemberFactory(), editor, django_capture_on_commit_callbacks, "Safer handover")
    services.preferences_set(actor=follower, choices={"library:new_item": "site"})

    run_weekly(next_monday_morning())

    assert mail_to(follower, mailoutbox) == []


def test_two_builders_for_the_same_period_make_one_digest(
    follower, editor, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    publish(MemberFactory(), editor, django_capture_on_commit_callbacks, "Safer handover")
    monday = next_monday_morning()
    # Another worker inserts the same digest between this one's check and its insert.
    original_create = Digest.objects.create

    def create_twice(**kwargs):
        original_create(**kwargs)
        return original_create(**kwargs)  # the second insert hits the unique constraint

    monkeypatch.setattr(Digest.objects, "create", create_twice)
    assert digests.build_due_digests(frequency="weekly", now=monday) == []
    monkeypatch.undo()

    assert not OutboundEmail.objects.filter(digest__isnull=False).exists()
    assert Notification.objects.filter(recipient=follower, digest__isnull=True).count() == 1
