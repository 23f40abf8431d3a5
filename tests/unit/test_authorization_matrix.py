"""Who may see what, everywhere: every kind of guarded object × every kind of visitor × every
surface that exists today (object page, lists, feeds, sitemap, notifications and email,
attachment download, the leaders' request queue).

search (page, JSON, Atom feed: library, forums, events, error traps). The API does not exist
yet; when it lands, add it here.
"""

from dataclasses import dataclass
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from hub.community import services as community
from hub.community.models import Forum
from hub.engagement import services as engagement
from hub.library import services as library
from hub.networks import services as networks
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications import outbox
from hub.notifications.models import Notification
from hub.taxonomy.models import Category
from hub.taxonomy.services import tags_from_names
from tests.factories import MemberFactory
from tests.unit.library.helpers import item_data

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "member", "network_member", "network_leader", "moderator", "administrator"]
SECRET = "Zanzibar-penguin-4417"  # a word that must only ever appear where it is allowed


@dataclass
class World:
    people: dict
    network: Network
    public_topic: object
    hidden_post: object
    network_topic: object
    network_resource: object
    attachment: object
    join_request: object


@pytest.fixture
def world(django_capture_on_commit_callbacks) -> World:
    people = {
        "member": MemberFactory(username="plainmember"),
        "network_member": MemberFactory(username="insider"),
        "network_leader": MemberFactory(username="leader"),
        "moderator": MemberFactory(username="hubmoderator", roles=["Moderator"]),
        "administrator": MemberFactory(username="hubadmin", roles=["Administrator"]),
        "requester": MemberFactory(username="requester"),
    }
    network = Network.objects.create(
        name="Safety managers", slug="managers", purpose="Peer support", kind="request"
    )
    Membership.objects.create(
        network=network, user=people["network_leader"], role=MemberRole.LEADER
    )
    Membership.objects.create(network=network, user=people["network_member"])
    category = Category.objects.get(name="Medication")
    # Everyone who can follow follows the category the network's resource goes into.
    for name in VISITORS[1:]:
        engagement.follow_set(actor=people[name], target=category, following=True)

    forum = Forum.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        public_topic = community.topic_start(
            actor=people["member"], title="Handover tools", body="<p>What works?</p>", forum=forum
        )
        hidden = community.post_reply(
            actor=people["network_member"], topic=public_topic, body=f"<p>{SECRET} hidden</p>"
        )
        community.post_hide(actor=people["moderator"], post=hidden, reason="Personal details")
        network_topic = community.topic_start(
            actor=people["network_member"],
            title=f"{SECRET} topic",
            body=f"<p>{SECRET} network talk</p>",
            network=network,
        )
        data = item_data(title=f"{SECRET} resource", categories=[category])
        data.network = network
        resource = library.item_create(actor=people["network_member"], data=data)
        library.item_submit(actor=people["network_member"], item=resource)
        library.item_publish(actor=people["network_leader"], item=resource)
        attachment = library.attachment_add(
            actor=people["network_leader"],
            item=resource,
            upload=SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n%%EOF\n"),
        )
        join_request = networks.request_create(
            actor=people["requester"], network=network, answer=f"{SECRET} answer"
        )
    return World(
        people, network, public_topic, hidden, network_topic, resource, attachment, join_request
    )


def client_for(world: World, visitor: str) -> Client:
    client = Client()
    if visitor != "anonymous":
        client.force_login(world.people[visitor])
    return client


INSIDERS = {"network_member", "network_leader", "administrator"}
EVERYONE = set(VISITORS)


def get(client, url):
    response = client.get(url, follow=True)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("visitor", VISITORS)
def test_public_topic_is_visible_to_everyone_in_its_forum_and_the_sitemap(world, visitor):
    client = client_for(world, visitor)
    status, html = get(client, world.public_topic.get_absolute_url())
    assert status == 200 and "Handover tools" in html
    assert "Handover tools" in get(client, world.public_topic.forum.get_absolute_url())[1]
    assert world.public_topic.get_absolute_url() in get(client, "/sitemap.xml")[1]


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_hidden_post_is_shown_only_to_moderators(world, visitor):
    allowed = visitor in {"moderator", "administrator"}
    status, html = get(client_for(world, visitor), world.public_topic.get_absolute_url())
    assert status == 200
    assert (SECRET in html) is allowed


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_network_topic_is_seen_by_network_insiders_only_on_every_surface(world, visitor):
    client = client_for(world, visitor)
    allowed = visitor in INSIDERS
    status, html = get(client, world.network_topic.get_absolute_url())
    assert (status == 200 and SECRET in html) is allowed
    if not allowed:
        assert SECRET not in html
    for url in ["/community/", "/sitemap.xml", "/library/feed/atom/"]:
        assert SECRET not in get(client, url)[1], url
    discussions = get(client, f"/networks/{world.network.slug}/discussions/")[1]
    assert (SECRET in discussions) is allowed


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_network_resource_is_seen_by_network_insiders_only_on_every_surface(world, visitor):
    client = client_for(world, visitor)
    allowed = visitor in INSIDERS
    status, html = get(client, world.network_resource.get_absolute_url())
    assert (status == 200 and SECRET in html) is allowed
    for url in [
        "/library/",
        "/library/feed/atom/",
        "/library/feed/rss/",
        "/sitemap.xml",
        "/library/category/medication/",
        "/library/category/medication/feed/atom/",
        "/library/tag/handover/",
    ]:
        assert SECRET not in get(client, url)[1], url
    resources = get(client, f"/networks/{world.network.slug}/resources/")[1]
    assert (SECRET in resources) is allowed


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_network_attachment_downloads_for_network_insiders_only(world, visitor):
    response = client_for(world, visitor).get(world.attachment.get_absolute_url())
    assert (response.status_code == 200) is (visitor in INSIDERS)
    response.close()


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_pending_join_request_is_seen_by_the_leader_and_administrators_only(world, visitor):
    allowed = visitor in {"network_leader", "administrator"}
    status, html = get(client_for(world, visitor), f"/networks/{world.network.slug}/manage/")
    assert (status == 200 and SECRET in html) is allowed
    if not allowed:
        assert SECRET not in html


SEARCHES = [
    "/search/?q=zanzibar+penguin",
    "/search/?q=zanzibar&format=json",
    "/search/feed/?q=zanzibar",
    "/search/?q=zanzibar&network=managers",
    "/search/?format=json",
]


@pytest.mark.parametrize("visitor", VISITORS)
def test_search_finds_network_content_for_insiders_only_and_hidden_posts_for_nobody(world, visitor):
    client = client_for(world, visitor)
    allowed = visitor in INSIDERS
    for url in SEARCHES[:2]:
        html = get(client, url)[1]
        assert (f"{SECRET} topic" in html and f"{SECRET} resource" in html) is allowed, url
        assert f"{SECRET} hidden" not in html, url  # a hidden post is never a search result
    for url in SEARCHES[2:]:
        assert (SECRET in get(client, url)[1]) is allowed, url
    count = client.get("/search/?q=zanzibar&format=json").json()["count"]
    assert count == (2 if allowed else 0)


def test_notifications_and_emails_about_network_content_reach_insiders_only(world):
    outsiders = [world.people[name] for name in ("member", "moderator", "requester")]
    for person in outsiders:
        texts = Notification.objects.filter(recipient=person).values_list("title", "body")
        assert all(SECRET not in title + body for title, body in texts), person
        emails = [m for m in mail.outbox if person.email in m.to]
        assert all(SECRET not in m.subject + m.body for m in emails), person
    insider = world.people["network_member"]
    assert Notification.objects.filter(recipient=insider, title__contains=SECRET).exists()


def test_the_administrator_role_is_a_real_group_membership(world):
    assert world.people["administrator"].groups.filter(name="Administrator").exists()
    assert Group.objects.get(name="Moderator").permissions.filter(codename="moderate_topic")


# Anonymous authors ---------------------------------------------------------------------------
# An anonymous library item (with a file), discussion, reply and comment by one author whose
# name, username and email must never appear to anyone else, on any surface.

AUTHOR_NAME = "Quentin Marlowe-Trask"
AUTHOR_USERNAME = "qmarlowetrask"
ANON_VISITORS = [*VISITORS, "editor"]


@dataclass
class AnonymousWorld:
    people: dict
    item: object
    topic: object
    reply: object
    comment: object


@pytest.fixture
def anonymous_world(django_capture_on_commit_callbacks) -> AnonymousWorld:
    people = {
        "author": MemberFactory(username=AUTHOR_USERNAME, display_name=AUTHOR_NAME),
        "member": MemberFactory(username="plainmember"),
        "network_member": MemberFactory(username="insider"),
        "network_leader": MemberFactory(username="leader"),
        "moderator": MemberFactory(username="hubmoderator", roles=["Moderator"]),
        "administrator": MemberFactory(username="hubadmin", roles=["Administrator"]),
        "editor": MemberFactory(username="hubeditor", roles=["Editor"]),
    }
    category = Category.objects.get(name="Medication")
    for name in ("member", "moderator", "administrator", "editor"):
        engagement.follow_set(actor=people[name], target=category, following=True)
    forum = Forum.objects.first()
    for name in ("member", "moderator"):
        engagement.follow_set(actor=people[name], target=forum, following=True)
    author = people["author"]
    with django_capture_on_commit_callbacks(execute=True):
        data = item_data(
            title="A wrong-patient near miss", categories=[category], is_anonymous=True
        )
        item = library.item_create(actor=author, data=data)
        library.attachment_add(
            actor=author,
            item=item,
            upload=SimpleUploadedFile(f"{AUTHOR_USERNAME}-notes.pdf", b"%PDF-1.4\n%%EOF\n"),
        )
        library.item_submit(actor=author, item=item)
        library.item_publish(actor=people["editor"], item=item)
        topic = community.topic_start(
            actor=author,
            title="Speaking up after a near miss",
            body="<p>I was scared to say.</p>",
            forum=forum,
            anonymous=True,
        )
        community.post_reply(actor=people["member"], topic=topic, body="<p>Thank you.</p>")
        reply = community.post_reply(
            actor=author, topic=topic, body="<p>It helped to share.</p>", anonymous=True
        )
        engagement.follow_set(actor=people["member"], target=item, following=True)
        comment = engagement.comment_add(
            actor=author, target=item, body="<p>One more thing.</p>", anonymous=True
        )
    return AnonymousWorld(people, item, topic, reply, comment)


def assert_no_author(text: str, where: str) -> None:
    for secret in (AUTHOR_NAME, AUTHOR_USERNAME, f"{AUTHOR_USERNAME}@example.org"):
        assert secret not in text, f"{secret!r} leaked on {where}"


@pytest.mark.parametrize("visitor", ANON_VISITORS)
def test_anonymous_authors_never_appear_on_any_page_feed_or_sitemap(anonymous_world, visitor):
    world = anonymous_world
    client = Client()
    if visitor != "anonymous":
        client.force_login(world.people[visitor])
    surfaces = [
        world.item.get_absolute_url(),
        world.topic.get_absolute_url(),
        world.topic.forum.get_absolute_url(),
        "/community/",
        "/library/",
        "/library/feed/atom/",
        "/library/feed/rss/",
        "/library/category/medication/",
        "/library/category/medication/feed/atom/",
        "/library/tag/handover/",
        "/library/tag/handover/feed/rss/",
        "/sitemap.xml",
    ]
    shown = {}
    for url in surfaces:
        status, html = get(client, url)
        assert_no_author(html, url)
        shown[url] = (status, html)
    # The author's own profile and the member directory list none of their anonymous posts.
    for url in (f"/members/{AUTHOR_USERNAME}/", "/members/", "/members/?q=Quentin"):
        html = get(client, url)[1]
        for title in (world.item.title, world.topic.title, "It helped to share", "One more"):
            assert title not in html, f"{title!r} listed on {url}"
    item_html = shown[world.item.get_absolute_url()][1]
    assert "Anonymous" in item_html and '<meta name="author" content="Anonymous">' in item_html
    assert "attachment-" in item_html and "notes.pdf" not in item_html
    topic_html = shown[world.topic.get_absolute_url()][1]
    assert "Anonymous" in topic_html
    # Times of anonymous posts are shown to the day only.
    start = topic_html.index(f'id="post-{world.reply.number}"')
    article = topic_html[start : topic_html.index("</article>", start)]
    day = timezone.localtime(world.reply.created).date().isoformat()
    assert f'<time datetime="{day}">' in article
    assert timezone.localtime(world.reply.created).strftime("%H:%M") not in article


@pytest.mark.parametrize("visitor", ANON_VISITORS)
def test_anonymous_attachment_downloads_under_a_neutral_name(anonymous_world, visitor):
    world = anonymous_world
    client = Client()
    if visitor != "anonymous":
        client.force_login(world.people[visitor])
    attachment = world.item.attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert AUTHOR_USERNAME not in response["Content-Disposition"]
    response.close()


def test_notifications_and_emails_about_anonymous_posts_never_name_the_author(anonymous_world):
    world = anonymous_world
    author = world.people["author"]
    others = Notification.objects.exclude(recipient=author)
    texts = list(others.values_list("title", "body", "url"))
    assert len(texts) >= 3, "followers were told about the anonymous item, reply and comment"
    for title, body, url in texts:
        assert_no_author(title + body + url, "a notification")
    # Emails about anonymous content go the next morning (the day only, issue 21): send them.
    later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        outbox.deliver_pending()
    to_others = [m for m in mail.outbox if author.email not in m.to]
    assert to_others
    for message in to_others:
        assert_no_author(message.subject + message.body, f"an email to {message.to}")


def test_moderators_and_administrators_see_anonymous_on_the_queue_case_and_audit_log(
    anonymous_world,
):
    from hub.moderation import services as moderation

    world = anonymous_world
    moderation.report_content(actor=world.people["member"], target=world.comment, reason="spam")
    from hub.moderation.models import Case

    case = Case.objects.get()
    for who in ("moderator", "administrator"):
        client = Client()
        client.force_login(world.people[who])
        for url in ("/moderation/", f"/moderation/{case.pk}/"):
            status, html = get(client, url)
            assert status == 200
            assert_no_author(html, url)
    client = Client()
    client.force_login(world.people["administrator"])
    status, html = get(client, "/moderation/audit/")
    assert status == 200 and "Anonymous (the author)" in html
    assert_no_author(html, "the audit log")
    response = client.get("/moderation/audit/export.csv")
    assert_no_author(b"".join(response.streaming_content).decode(), "the audit CSV")


def test_the_author_finds_their_anonymous_posts_in_their_account(anonymous_world):
    world = anonymous_world
    client = Client()
    client.force_login(world.people["author"])
    status, html = get(client, "/profile/posts/")
    assert status == 200
    assert "A wrong-patient near miss" in html and "Speaking up after a near miss" in html
    assert html.count("· posted anonymously") == 4  # the item, topic, reply and comment
    for visitor in ("member", "moderator"):
        other = Client()
        other.force_login(world.people[visitor])
        html = get(other, "/profile/posts/")[1]
        assert "A wrong-patient near miss" not in html and "· posted anonymously" not in html


# Notifications centre and digests (hub.notifications) -------------------------------------


def weekly_digests_for_everyone(world: World) -> dict:
    """Everyone takes followed things weekly; the weekly digest runs on the next Monday."""
    from hub.notifications.models import NotificationPreference
    from hub.notifications.tasks import send_digests
    from tests.unit.notifications.test_digests import next_monday_morning

    kinds = ["library:new_item", "community:topic", "community:reply", "engagement:comment"]
    for person in world.people.values():
        for kind in kinds:
            NotificationPreference.objects.update_or_create(
                user=person, kind=kind, defaults={"delivery": "weekly"}
            )
    Notification.objects.filter(kind__in=kinds).update(delivery="weekly", email_wanted=True)
    mail.outbox.clear()
    send_digests.call(frequency="weekly", now=next_monday_morning().isoformat())
    return {
        name: "".join(
            m.subject + m.body + m.alternatives[0].content
            for m in mail.outbox
            if person.email in m.to
        )
        for name, person in world.people.items()
    }


def test_weekly_digests_carry_network_content_to_insiders_only(world):
    texts = weekly_digests_for_everyone(world)

    for name in ("member", "moderator", "requester"):
        assert SECRET not in texts[name], name
    # The leader follows the category the network's resource went into.
    assert SECRET in texts["network_leader"]


def test_a_member_who_left_the_network_gets_none_of_its_content_in_their_digest(world):
    stand_in = MemberFactory()
    Membership.objects.create(network=world.network, user=stand_in, role=MemberRole.LEADER)
    networks.network_leave(actor=world.people["network_leader"], network=world.network)

    texts = weekly_digests_for_everyone(world)

    assert SECRET not in texts["network_leader"]


@pytest.mark.parametrize("visitor", VISITORS[1:])
def test_the_notifications_centre_shows_network_content_to_insiders_only(world, visitor):
    html = get(client_for(world, visitor), "/notifications/")[1]

    if visitor not in INSIDERS:
        assert SECRET not in html


@pytest.mark.parametrize("visitor", VISITORS)
def test_only_insiders_may_follow_a_network(world, visitor):
    from django.contrib.auth.models import AnonymousUser

    from hub.engagement.queries import may_follow

    person = world.people.get(visitor) or AnonymousUser()
    assert may_follow(person, world.network) is (visitor in INSIDERS)
    html = get(client_for(world, visitor), world.network.get_absolute_url())[1]
    assert ('name="following"' in html) is (visitor in INSIDERS)


# Events ------------------------------------------------------------------------------------


@pytest.fixture
def network_event(world):
    from datetime import datetime

    from hub.events import recurrence
    from hub.events import services as events
    from hub.events.models import Repeat

    event = events.event_create(
        actor=world.people["network_leader"],
        data=events.EventData(
            title=f"{SECRET} drop-in",
            summary=f"{SECRET} summary",
            description=f"<p>{SECRET} agenda</p>",
            format="drop_in",
            local_start=datetime(2030, 1, 4, 12, 30),
            local_end=datetime(2030, 1, 4, 13, 30),
            time_zone="Europe/London",
            online_url="https://meet.example.org/network-room",
            repeat=Repeat.WEEKLY,
            repeat_count=8,
            network=world.network,
        ),
    )
    start = recurrence.occurrence_starts(event)[0]
    events.registration_create(actor=world.people["network_member"], event=event, start=start)
    return event


@pytest.fixture
def public_draft_event(world):
    from datetime import datetime

    from hub.events import services as events

    editor = MemberFactory(username="eventeditor", roles=["Editor"])
    return events.event_create(
        actor=editor,
        data=events.EventData(
            title=f"{SECRET} unannounced",
            summary="Draft",
            description="<p>Draft</p>",
            format="webinar",
            local_start=datetime(2030, 2, 1, 10, 0),
            local_end=datetime(2030, 2, 1, 11, 0),
            time_zone="Europe/London",
            venue="Town hall",
            status="draft",
        ),
    )


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_network_event_is_seen_by_network_insiders_only_on_every_surface(
    world, network_event, visitor
):
    client = client_for(world, visitor)
    allowed = visitor in INSIDERS
    status, html = get(client, network_event.get_absolute_url())
    assert (status == 200 and SECRET in html) is allowed
    if not allowed:
        assert SECRET not in html
    assert (client.get(f"/events/{network_event.slug}/event.ics").status_code == 200) is allowed
    assert (client.get(f"/events/{network_event.pk}/", follow=True).status_code == 200) is allowed
    # Lists that show it to insiders; public feeds and the sitemap never carry it.
    for url, shown_to_insiders in [
        ("/events/", True),
        ("/events/calendar/?month=2030-01", True),
        ("/events/past/", False),
        ("/events/feed.ics", False),
        ("/events/category/medication/feed.ics", False),
        ("/sitemap.xml", False),
    ]:
        assert (SECRET in get(client, url)[1]) is (allowed and shown_to_insiders), url


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_networks_page_lists_its_upcoming_events_to_insiders_only(world, network_event, visitor):
    status, html = get(client_for(world, visitor), world.network.get_absolute_url())
    allowed = visitor in INSIDERS
    assert status == 200  # a by-request network's page is open to all; its events are not
    assert (network_event.get_absolute_url() in html) is allowed
    assert ('id="events-heading"' in html) is allowed
    if not allowed:
        assert "meet.example.org" not in html


@pytest.mark.parametrize("visitor", VISITORS)
def test_the_online_link_of_a_network_event_is_shown_to_registered_insiders_only(
    world, network_event, visitor
):
    client = client_for(world, visitor)
    link = "meet.example.org/network-room"
    html = get(client, network_event.get_absolute_url())[1]
    ics = client.get(f"/events/{network_event.slug}/event.ics").content.decode()
    # The leader organises it; the member registered; the administrator sees it to manage it.
    allowed = visitor in {"network_member", "network_leader", "administrator"}
    assert (link in html) is allowed
    assert (link in ics) is allowed
    assert link not in get(client, "/events/feed.ics")[1]


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_draft_event_is_seen_by_its_organisers_only(world, public_draft_event, visitor):
    client = client_for(world, visitor)
    allowed = visitor == "administrator"
    status, html = get(client, public_draft_event.get_absolute_url())
    assert (status == 200 and SECRET in html) is allowed
    for url in ["/events/", "/events/calendar/?month=2030-02", "/events/feed.ics", "/sitemap.xml"]:
        assert SECRET not in get(client, url)[1], url


def test_a_network_events_private_feed_opens_for_its_members_only(world, network_event):
    from hub.events import services as events

    for name in VISITORS[1:]:
        token = events.feed_token_ensure(actor=world.people[name]).feed_token
        response = Client().get(f"/events/private/{token}/network/{world.network.slug}.ics")
        assert (response.status_code == 200) is (name in INSIDERS), name
        if response.status_code == 200:
            assert SECRET in response.content.decode()


def test_reminders_and_changes_of_a_network_event_reach_insiders_only(
    world, network_event, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from hub.engagement import services as engagement_services
    from hub.events import recurrence
    from hub.events import services as events

    start = recurrence.occurrence_starts(network_event)[0]
    with django_capture_on_commit_callbacks(execute=True):
        events.reminders_send(now=start - timedelta(hours=1))
        events.event_cancel(actor=world.people["network_leader"], event=network_event, reason="x")
    for name in ("member", "moderator", "requester"):
        person = world.people[name]
        assert not Notification.objects.filter(recipient=person, title__contains=SECRET).exists()
        assert all(SECRET not in m.subject + m.body for m in mail.outbox if person.email in m.to)
    insider = world.people["network_member"]
    kinds = set(Notification.objects.filter(recipient=insider).values_list("kind", flat=True))
    assert {"events:reminder", "events:change"} <= kinds
    # Outsiders cannot even follow it.
    with pytest.raises(Exception):
        engagement_services.follow_set(
            actor=world.people["member"], target=network_event, following=True
        )


def test_the_notifications_centre_drops_network_content_once_the_member_has_left(world):
    leader = world.people["network_leader"]
    client = client_for(world, "network_leader")
    assert SECRET in get(client, "/notifications/")[1]
    stand_in = MemberFactory()
    Membership.objects.create(network=world.network, user=stand_in, role=MemberRole.LEADER)
    networks.network_leave(actor=leader, network=world.network)

    assert SECRET not in get(client, "/notifications/")[1]


# The error traps gallery -------------------------------------------------------------------


@dataclass
class Gallery:
    pending: object
    declined: object
    hidden: object
    anonymous: object


@pytest.fixture
def gallery(world, django_capture_on_commit_callbacks) -> Gallery:
    from hub.gallery import services as traps
    from tests.unit.gallery.helpers import pending_trap, photo, published_trap

    member, moderator = world.people["member"], world.people["moderator"]
    with django_capture_on_commit_callbacks(execute=True):
        pending = pending_trap(member, photo(size=(300, 200)), title=f"{SECRET} pending")
        declined = traps.trap_decline(
            actor=moderator,
            trap=pending_trap(member, photo(size=(300, 200)), title=f"{SECRET} declined"),
            reason="A badge shows",
        )
        hidden = published_trap(member, moderator, photo(size=(300, 200)), title=f"{SECRET} hid")
        traps.trap_set_hidden(actor=moderator, trap=hidden, hidden=True, reason="Reported")
        anonymous = published_trap(
            world.people["network_member"],
            moderator,
            photo(size=(300, 200)),
            title="Anonymous trap",
            is_anonymous=True,
        )
    return Gallery(pending, declined, hidden, anonymous)


GALLERY_LISTS = [
    "/gallery/",
    "/gallery/category/medication/",
    "/gallery/tag/insulin/",
    "/sitemap.xml",
    "/gallery/review/",
]


@pytest.mark.parametrize("visitor", VISITORS)
def test_unpublished_error_traps_are_seen_by_their_uploader_and_moderators_only(
    world, gallery, visitor
):
    client = client_for(world, visitor)
    allowed = visitor in {"member", "moderator", "administrator"}
    unpublished = (gallery.pending, gallery.declined, gallery.hidden)
    for trap in unpublished:
        status, html = get(client, trap.get_absolute_url())
        assert (status == 200 and SECRET in html) is allowed, trap
    for url in GALLERY_LISTS:
        html = get(client, url)[1]
        # Only moderators see what waits for review, in their queue.
        assert (f"{SECRET} pending" in html) is (
            url == "/gallery/review/" and visitor in {"moderator", "administrator"}
        ), url
        assert f"{SECRET} declined" not in html and f"{SECRET} hid" not in html, url
    mine = get(client, "/gallery/mine/")[1]
    assert (SECRET in mine) is (visitor == "member")
    # Pictures last: closing a file response ends the request, and with it the connection.
    pictures = [client.get(trap.image_url()) for trap in unpublished]
    assert [p.status_code == 200 for p in pictures] == [allowed] * 3
    for picture in pictures:
        picture.close()


@pytest.mark.parametrize("visitor", VISITORS)
def test_an_anonymous_error_traps_author_is_shown_to_nobody(world, gallery, visitor):
    author = world.people["network_member"]
    client = client_for(world, visitor)
    for url in [gallery.anonymous.get_absolute_url(), *GALLERY_LISTS]:
        html = get(client, url)[1]
        assert author.get_absolute_url() not in html, url
        if visitor != "network_member":  # the author sees their own name in the header
            assert author.public_name not in html, url
    assert "Anonymous" in get(client, gallery.anonymous.get_absolute_url())[1]


# Search: events and error traps ------------------------------------------------------------


@pytest.fixture
def indexed(world, network_event, public_draft_event, gallery):
    """The events and error traps above, as rows of the search index (as `reindex` builds them)."""
    from django.core.management import call_command

    call_command("reindex")


@pytest.mark.parametrize("visitor", VISITORS)
def test_search_finds_a_network_event_for_insiders_only_and_no_draft_event(world, indexed, visitor):
    client = client_for(world, visitor)
    allowed = visitor in INSIDERS
    for url in [*SEARCHES[:3], "/search/?type=event", "/search/?type=event&format=json"]:
        html = get(client, url)[1]
        assert (f"{SECRET} drop-in" in html) is allowed, url
        assert f"{SECRET} unannounced" not in html, url  # a draft event is never a result


@pytest.mark.parametrize("visitor", VISITORS)
def test_search_never_finds_unpublished_traps_nor_the_author_of_an_anonymous_one(
    world, indexed, visitor
):
    client = client_for(world, visitor)
    author = world.people["network_member"]
    for url in [*SEARCHES[:3], "/search/?type=error_trap", "/search/feed/?type=error_trap"]:
        html = get(client, url)[1]
        for state in ("pending", "declined", "hid"):
            assert f"{SECRET} {state}" not in html, url
    for url in [
        "/search/?q=anonymous+trap",
        "/search/?q=anonymous+trap&format=json",
        "/search/feed/?q=anonymous+trap",
    ]:
        html = get(client, url)[1]
        assert "Anonymous trap" in html, url
        assert author.get_absolute_url() not in html, url
        if visitor != "network_member":  # the author sees their own name in the header
            assert author.public_name not in html, url
    by_author = client.get(f"/search/?author={author.username}&type=error_trap&format=json")
    assert by_author.json()["count"] == 0


# The moderation queue and its cases (issue 21) ----------------------------------------------
# A case says what kind of thing was reported, why and when: it is listed, counted, opened and
# notified only to those who may see its content. Safeguarding leads see every case.

QUEUE_SECRET = "Quokka-lighthouse-2291"


@pytest.fixture
def moderation_cases(world, django_capture_on_commit_callbacks):
    from hub.moderation import services as moderation
    from hub.moderation.guard import inspect

    people = world.people
    people["safeguarding_lead"] = MemberFactory(
        username="hubsafeguard", roles=["Safeguarding lead"]
    )
    people["network_moderator"] = MemberFactory(username="netmoderator", roles=["Moderator"])
    Membership.objects.create(network=world.network, user=people["network_moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        public = moderation.report_content(
            actor=people["network_member"], target=world.public_topic, reason="spam"
        ).case
        private = moderation.report_content(
            actor=people["network_leader"],
            target=world.network_topic,
            reason="unsafe_advice",
            details=f"{QUEUE_SECRET} report",
        ).case
        body = f"Sister Okoro covered the {QUEUE_SECRET} shift."
        token = inspect({"body": body}).flags[0].token
        community.topic_start(
            actor=people["network_member"],
            title="Cover",
            body=body,
            network=world.network,
            pii_false_alarms=[token],
        )
    from hub.moderation.models import Case, Source

    held = Case.objects.get(source=Source.HELD)
    return {"public": public, "private": private, "held": held}


QUEUE_VISITORS = [*VISITORS, "safeguarding_lead", "network_moderator"]
# Who may see each case; moderators outside the network see only the public one.
SEES_PRIVATE_CASES = {"administrator", "safeguarding_lead", "network_moderator"}
QUEUE_USERS = {"moderator", *SEES_PRIVATE_CASES}


@pytest.mark.parametrize("visitor", QUEUE_VISITORS)
def test_the_moderation_queue_lists_and_counts_only_cases_the_visitor_may_see(
    world, moderation_cases, visitor
):
    client = client_for(world, visitor)
    private_ids = {moderation_cases["private"].pk, moderation_cases["held"].pk}
    for url in ("/moderation/", "/moderation/?status=all", "/moderation/?kind=community.topic"):
        response = client.get(url)
        if visitor not in QUEUE_USERS:
            assert response.status_code in (302, 403), url
            continue
        html = response.content.decode()
        assert response.status_code == 200, url
        assert f'href="/moderation/{moderation_cases["public"].pk}/"' in html, url
        for pk in private_ids:
            listed = f'href="/moderation/{pk}/"' in html
            assert listed == (visitor in SEES_PRIVATE_CASES), (url, pk)
        count = 3 if visitor in SEES_PRIVATE_CASES else 1
        assert f"{count} case{'s' if count > 1 else ''}." in html, url


@pytest.mark.parametrize("visitor", QUEUE_VISITORS)
def test_a_private_networks_case_page_opens_only_for_those_who_may_see_it(
    world, moderation_cases, visitor
):
    client = client_for(world, visitor)
    for name in ("private", "held"):
        url = f"/moderation/{moderation_cases[name].pk}/"
        response = client.get(url)
        html = response.content.decode()
        if visitor in SEES_PRIVATE_CASES:
            assert response.status_code == 200, url
            assert QUEUE_SECRET in html, url
        else:
            assert response.status_code in (302, 403, 404), url
            assert QUEUE_SECRET not in html and "misleading clinical advice" not in html, url
    # An outsider cannot tell a private case from one that does not exist.
    if visitor == "moderator":
        missing = client.get("/moderation/999999/")
        private = client.get(f"/moderation/{moderation_cases['private'].pk}/")
        assert missing.status_code == private.status_code == 404


def test_moderators_outside_a_network_cannot_decide_its_cases(world, moderation_cases):
    from django.core.exceptions import PermissionDenied

    from hub.moderation import services as moderation

    case = moderation_cases["private"]
    with pytest.raises(PermissionDenied):
        moderation.case_hide(actor=world.people["moderator"], case=case, note="Off topic")
    response = client_for(world, "moderator").post(
        f"/moderation/{case.pk}/", {"action": "hide", "note-note": "Off topic"}
    )
    assert response.status_code == 404
    world.network_topic.refresh_from_db()
    assert world.network_topic.hidden_at is None


def test_moderators_are_told_of_held_network_posts_only_if_they_may_see_them(
    world, moderation_cases
):
    held = Notification.objects.filter(kind="moderation:held")
    told = set(held.values_list("recipient__username", flat=True))
    assert told == {"hubadmin", "netmoderator"}
    assert QUEUE_SECRET not in "".join(n.title + n.body for n in held)
    for visitor in ("moderator", "network_moderator", "administrator", "safeguarding_lead"):
        html = get(client_for(world, visitor), "/notifications/")[1]
        shown = "waiting for review" in html
        assert shown == (visitor in {"network_moderator", "administrator"}), visitor


# Tags and organisation suggestions (issue 21) ------------------------------------------------
# A tag exists for a viewer only while content they may see carries it: suggestions (library
# and search), tag pages (library and gallery), tag feeds, search's tag filter, the sitemap and
# follows all answer as if there were no such tag otherwise. Each tag below is carried by one
# piece of content only; "zqpublic" (a published public item) is the control.

TAG_VISITORS = [*VISITORS, "editor", "author"]
# tag name -> who may know of it
TAG_SEEN_BY = {
    "zqpublic": set(TAG_VISITORS),
    "zqnetworkitem": INSIDERS,
    "zqdraftitem": {"author"},
    "zqreviewitem": {"author", "editor"},
    "zqnetworkevent": INSIDERS,
    "zqdraftevent": {"editor"},  # the draft's organiser
    "zqpendingtrap": {"author", "moderator", "administrator"},
    "zqhiddentrap": {"author", "moderator", "administrator"},
}


@pytest.fixture
def tag_world(world, network_event, django_capture_on_commit_callbacks) -> World:
    from datetime import datetime

    from hub.events import services as events
    from hub.gallery import services as traps
    from tests.unit.gallery.helpers import pending_trap, photo, published_trap

    people = world.people
    people["editor"] = editor = MemberFactory(username="tageditor", roles=["Editor"])
    people["author"] = author = MemberFactory(username="tagauthor")
    moderator = people["moderator"]
    with django_capture_on_commit_callbacks(execute=True):
        public = library.item_create(actor=author, data=item_data(tags=["zqpublic"]))
        library.item_submit(actor=author, item=public)
        library.item_publish(actor=editor, item=public)
        world.network_resource.tags.add(*tags_from_names(["zqnetworkitem"]))
        library.item_create(actor=author, data=item_data(title="Draft", tags=["zqdraftitem"]))
        review = library.item_create(actor=author, data=item_data(tags=["zqreviewitem"]))
        library.item_submit(actor=author, item=review)
        network_event.tags.add(*tags_from_names(["zqnetworkevent"]))
        events.event_create(
            actor=editor,
            data=events.EventData(
                title="Unannounced",
                summary="Draft",
                description="<p>Draft</p>",
                format="webinar",
                local_start=datetime(2030, 2, 1, 10, 0),
                local_end=datetime(2030, 2, 1, 11, 0),
                time_zone="Europe/London",
                venue="Town hall",
                status="draft",
                tag_names=["zqdraftevent"],
            ),
        )
        pending_trap(author, photo(size=(300, 200)), tags=["zqpendingtrap"])
        hidden = published_trap(author, moderator, photo(size=(300, 200)), tags=["zqhiddentrap"])
        traps.trap_set_hidden(actor=moderator, trap=hidden, hidden=True, reason="Reported")
    return world


def _tag_client(world: World, visitor: str) -> Client:
    client = Client()
    if visitor != "anonymous":
        client.force_login(world.people[visitor])
    return client


@pytest.mark.parametrize("visitor", TAG_VISITORS)
def test_tag_suggestions_name_only_tags_the_viewer_may_see(tag_world, visitor):
    client = _tag_client(tag_world, visitor)
    expected = sorted(name for name, seen in TAG_SEEN_BY.items() if visitor in seen)
    assert sorted(client.get("/library/tags/suggest/?q=zq").json()["tags"]) == expected
    assert sorted(client.get("/search/tags/?q=zq").json()["tags"]) == expected
    # Typed in the middle of a list, and found by "containing" rather than "starting with".
    assert sorted(client.get("/search/tags/?q=insulin, q").json()["tags"]) == expected
    # Lists of tags (popular tags, the gallery's tags) and the sitemap name public ones only.
    for url in ("/library/", "/gallery/", "/sitemap.xml"):
        html = get(client, url)[1]
        for name in TAG_SEEN_BY:
            assert (name in html) is (name == "zqpublic" and url != "/gallery/"), (name, url)


@pytest.mark.parametrize("visitor", TAG_VISITORS)
def test_tag_pages_exist_only_for_tags_the_viewer_may_see(tag_world, visitor):
    from hub.taxonomy.models import Tag

    client = _tag_client(tag_world, visitor)
    for name, seen in TAG_SEEN_BY.items():
        allowed = visitor in seen
        slug = Tag.objects.get(name=name).slug
        for url in (f"/library/tag/{slug}/", f"/gallery/tag/{slug}/"):
            response = client.get(url)
            assert response.status_code == (200 if allowed else 404), (name, url)
            # The page names the tag; a 404 names nothing (the address it echoes aside).
            html = response.content.decode().lower()
            assert (f"tagged “{name}”" in html) is allowed, (name, url)


@pytest.mark.parametrize("visitor", TAG_VISITORS)
def test_tag_feeds_exist_only_for_tags_that_public_content_carries(tag_world, visitor):
    """A feed is a public document (feed readers have no session): only public tags have one."""
    from hub.taxonomy.models import Tag

    client = _tag_client(tag_world, visitor)
    for name in TAG_SEEN_BY:
        slug = Tag.objects.get(name=name).slug
        for kind in ("atom", "rss"):
            response = client.get(f"/library/tag/{slug}/feed/{kind}/")
            assert response.status_code == (200 if name == "zqpublic" else 404), (name, kind)
            named = f"tagged “{name}”" in response.content.decode()
            assert named is (name == "zqpublic"), (name, kind)


@pytest.mark.parametrize("visitor", TAG_VISITORS)
def test_search_confirms_only_tags_the_viewer_may_see(tag_world, visitor):
    client = _tag_client(tag_world, visitor)
    for name, seen in TAG_SEEN_BY.items():
        html = client.get(f"/search/?tags={name}").content.decode()
        # An unknown tag and a tag the viewer may not see answer the same.
        assert ("No tag is called" not in html) is (visitor in seen), name
        unknown = client.get("/search/?tags=zqnosuchtag").content.decode()
        assert "No tag is called" in unknown


@pytest.mark.parametrize("visitor", [v for v in TAG_VISITORS if v != "anonymous"])
def test_only_tags_the_viewer_may_see_can_be_followed(tag_world, visitor):
    from django.contrib.contenttypes.models import ContentType

    from hub.engagement.models import Follow
    from hub.taxonomy.models import Tag

    client = _tag_client(tag_world, visitor)
    ct = ContentType.objects.get_for_model(Tag).pk
    for name, seen in TAG_SEEN_BY.items():
        tag = Tag.objects.get(name=name)
        response = client.post(f"/engage/follow/{ct}/{tag.pk}/", {"following": "1"})
        assert (response.status_code == 302) is (visitor in seen), name
        followed = Follow.objects.filter(user=tag_world.people[visitor], object_id=tag.pk)
        assert followed.filter(content_type_id=ct).exists() is (visitor in seen), name


ORG_VISITORS = ["member", "network_member", "moderator", "administrator", "editor", "hider"]


@pytest.fixture
def organisations(world) -> World:
    from hub.accounts.models import Organisation

    def org(name):
        return Organisation.objects.create(name=name)

    MemberFactory(organisation=org("Zq Public Trust"), organisation_visibility="public")
    MemberFactory(organisation=org("Zq Members Trust"), organisation_visibility="members")
    world.people["hider"] = MemberFactory(
        username="hider", organisation=org("Zq Hidden Trust"), organisation_visibility="only_me"
    )
    gone = MemberFactory(organisation=org("Zq Departed Trust"), organisation_visibility="public")
    gone.is_active = False
    gone.save()
    org("Zq Empty Trust")  # nobody belongs to it
    world.people["editor"] = MemberFactory(username="orgeditor", roles=["Editor"])
    return world


@pytest.mark.parametrize("visitor", ORG_VISITORS)
def test_organisation_suggestions_name_only_organisations_the_viewer_may_see(
    organisations, visitor
):
    def offered(visitor):
        html = get(_tag_client(organisations, visitor), "/profile/edit/")[1]
        return {
            name
            for name in ("Public", "Members", "Hidden", "Departed", "Empty")
            if f'<option value="Zq {name} Trust">' in html
        }

    if visitor == "hider":
        assert offered(visitor) == {"Public", "Members", "Hidden"}  # their own, though hidden
    else:
        assert offered(visitor) == {"Public", "Members"}
    assert offered("anonymous") == set()  # signed out: the sign-in page, no suggestions
