"""Every URL pattern of the hub, asked with malformed parameters, never answers a server error.

The crawl walks `get_resolver().url_patterns` recursively (so a new page is covered without
touching this file), fills each path converter with real objects from a seeded world and with
junk, and sends every query parameter name the views read with odd values: superscript and
Arabic-Indic digits (str.isdigit() is true, int() fails), huge and negative numbers, impossible
dates, unbalanced quotes, NUL bytes, very long strings. It does so as an anonymous visitor, as
a member and as a moderator who is also a site administrator, by GET and by POST. A 4xx or a
sensible default is fine; a 5xx (or an exception) is a defect.

The value matrix is sampled so the crawl stays quick: every pattern gets every value with every
name at once (a member and staff half the values each), every name with values taken in turn,
and POSTs of junk form data.
"""

import re
from datetime import timedelta
from itertools import cycle

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hub.community import services as community
from hub.community.models import Forum
from hub.engagement import services as engagement
from hub.events import services as events
from hub.library import services as library
from hub.moderation import services as moderation
from hub.networks import services as networks
from hub.notifications.models import Notification
from hub.notifications.services import unsubscribe_token
from hub.taxonomy.models import Category
from tests.factories import MemberFactory
from tests.unit.events.helpers import event_data
from tests.unit.gallery.helpers import published_trap
from tests.unit.library.helpers import item_data

pytestmark = pytest.mark.django_db

# Every query or form parameter name the views read (grep request.GET / request.POST and the
# filter forms), and a few more that people and robots try.
PARAM_NAMES = [
    "page", "q", "sort", "network", "tag", "tags", "tags_match", "area", "category", "kind",
    "from", "to", "date", "only", "ids", "format", "next", "type", "setting", "audience",
    "cursor", "month", "tz", "session", "what", "a", "b", "match", "in", "author", "forum",
    "created_after", "created_before", "updated_after", "updated_before", "min_comments",
    "min_reactions", "min_views", "prefix", "status", "source", "reason", "action", "actor",
    "since", "until", "name", "organisation", "country", "role", "member_type", "group",
    "joined_after", "joined_before", "show", "group", "start", "year", "id", "pk", "slug",
    "title", "body", "summary", "quote", "featured", "hidden", "answer", "decision", "who",
    "email", "username", "password", "email_paused", "scope", "token", "key", "width", "show",
]  # fmt: skip
JUNK = [
    "²",
    "³",
    "٣",
    "9" * 40,
    "-1",
    "0",
    "2024-13-45",
    '"unbalanced',
    "'",
    "\x00",
    "a" * 5000,
    "[]",
    "{}",
    "1e309",
    "𝟗",
]
# What a path converter is given besides a real value.
JUNK_PATH = ["²", "9" * 40, "-1", "a" * 300, "%00", "'"]
VISITORS = ["anonymous", "member", "staff"]


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


ROUTES = sorted(set(walk(get_resolver().url_patterns)))
PLACEHOLDER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")


@pytest.fixture
def world(django_capture_on_commit_callbacks, tmp_path):
    member = MemberFactory(username="crawler", display_name="Crawling Member")
    staff = MemberFactory(
        username="crawlstaff",
        is_staff=True,
        is_superuser=True,
        roles=["Administrator", "Moderator", "Safeguarding lead", "Editor"],
    )
    leader = MemberFactory(username="crawlleader")
    with django_capture_on_commit_callbacks(execute=True):
        network = networks.network_create(
            actor=staff, name="Crawl network", purpose="Peer support", kind="request", leader=leader
        )
        networks.member_add(actor=staff, network=network, user=member, role="member")
        outsider = MemberFactory(username="outsider")
        join_request = networks.request_create(actor=outsider, network=network, answer="Me")
        invitation = networks.invitation_create(actor=leader, network=network, who="outsider")
        category = Category.objects.get(name="Medication")
        item = library.item_create(actor=member, data=item_data(categories=[category]))
        library.item_submit(actor=member, item=item)
        library.item_publish(actor=staff, item=item)
        library.item_update(actor=staff, item=item, data=item_data(title="Safer handover 2"))
        attachment = library.attachment_add(
            actor=staff, item=item, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")
        )
        forum = Forum.objects.order_by("position").first()
        topic = community.topic_start(
            actor=member, title="Night handover", body="<p>How?</p>", forum=forum
        )
        post = community.post_reply(actor=leader, topic=topic, body="<p>Like this.</p>")
        community.topic_start(
            actor=member, title="A worry", body="<p>Hm.</p>", forum=forum, anonymous=True
        )
        comment = engagement.comment_add(actor=leader, target=item, body="<p>Thanks</p>")
        event = events.event_create(actor=staff, data=event_data())
        events.registration_create(
            actor=member, event=event, start=event.start, now=event.start - timedelta(days=1)
        )
        trap = published_trap(member, staff)
        report = moderation.report_content(actor=member, target=post, reason="spam")
        feed_token = events.feed_token_ensure(actor=member).feed_token
    notification = Notification.objects.filter(recipient=member).first()
    image = trap.image.name if hasattr(trap, "image") and trap.image else ""
    image_match = re.search(r"([0-9a-f]{32})", image)
    return {
        "member": member,
        "staff": staff,
        "leader": leader,
        "network": network,
        "join_request": join_request,
        "invitation": invitation,
        "category": category,
        "item": item,
        "attachment": attachment,
        "forum": forum,
        "topic": topic,
        "post": post,
        "comment": comment,
        "event": event,
        "trap": trap,
        "case_pk": report.case_id,
        "feed_token": feed_token,
        "notification": notification,
        "image_key": image_match.group(1) if image_match else "0" * 32,
    }


def real_value(route: str, name: str, w: dict) -> str | None:
    """A value that reaches the view's real work for this route's placeholder, if we have one."""
    item_ct = ContentType.objects.get_for_model(w["item"]).pk
    by_route = [
        ("library/item/", {"slug": w["item"].slug, "pk": w["attachment"].pk, "number": 1}),
        ("library/item/", {"decision": "publish"}),
        ("library/category/", {"slug": w["category"].slug}),
        ("library/tag/", {"slug": "handover"}),
        ("library/kind/", {"kind": "article"}),
        ("library/share/", {"kind": "article"}),
        ("community/forum/", {"slug": w["forum"].slug}),
        ("community/network/", {"network_slug": w["network"].slug}),
        ("community/topic/", {"pk": w["topic"].pk, "slug": w["topic"].slug, "action": "lock"}),
        ("community/post/", {"pk": w["post"].pk, "action": "hide"}),
        ("networks/invitations/", {"pk": w["invitation"].pk, "answer": "accept"}),
        ("networks/<slug:slug>/manage/invitations/", {"pk": w["invitation"].pk}),
        ("networks/<slug:slug>/manage/requests/", {"pk": w["join_request"].pk}),
        ("networks/", {"slug": w["network"].slug, "decision": "approve"}),
        ("networks/", {"user_id": w["member"].pk}),
        ("gallery/category/", {"slug": w["category"].slug}),
        ("gallery/tag/", {"slug": "insulin"}),
        ("gallery/share/", {"pk": w["trap"].pk}),
        ("gallery/^image/", {"key": w["image_key"], "width": "640", "ext": "jpg"}),
        ("gallery/", {"slug": w["trap"].slug}),
        ("engage/comment/<int:comment_id>", {"comment_id": w["comment"].pk}),
        ("engage/", {"ct": item_ct, "pk": w["item"].pk}),
        (
            "notifications/",
            {
                "notification_id": w["notification"].pk if w["notification"] else 1,
                "token": unsubscribe_token(user=w["member"], scope="all"),
            },
        ),
        ("events/category/", {"slug": w["category"].slug}),
        ("events/private/", {"token": w["feed_token"], "slug": w["network"].slug}),
        ("events/", {"pk": w["event"].pk, "slug": w["event"].slug}),
        ("moderation/report/member/", {"username": w["leader"].username}),
        ("moderation/", {"pk": w["case_pk"], "ct": item_ct}),
        ("moderation/report/", {"pk": w["item"].pk}),
        ("members/", {"username": w["leader"].username}),
        ("media/", {"path": w["attachment"].file.name}),
        ("admin/", {"object_id": w["member"].pk, "id": w["member"].pk, "app_label": "library"}),
        ("admin/", {"content_type_id": item_ct, "url": "library/item/"}),
    ]
    for prefix, values in by_route:
        if route.startswith(prefix) and name in values:
            return str(values[name])
    return None


def fill(route: str, values: dict[str, str]) -> str:
    def swap(match):
        return values[match.group("name") or match.group("group")]

    path = PLACEHOLDER.sub(swap, route).replace("^", "").replace("$", "")
    return "/" + path.replace("\\.", ".")


def paths_for(route: str, w: dict) -> list[str]:
    names = [m.group("name") or m.group("group") for m in PLACEHOLDER.finditer(route)]
    if not names:
        return [fill(route, {})]
    # Without a real object for a placeholder, "1" is the likeliest value to reach the view.
    real = {n: real_value(route, n, w) or "1" for n in names}
    paths = [fill(route, real)]
    for junk in JUNK_PATH:
        paths.append(fill(route, {n: junk for n in names}))
    return paths


def client_for(visitor: str, w: dict) -> Client:
    client = Client()
    if visitor != "anonymous":
        client.force_login(w[visitor])
    return client


def ask(client, method, path, data, failures):
    try:
        response = getattr(client, method)(path, data)
    except Exception as error:  # noqa: BLE001 - the crawl reports every failure at once
        failures.append(f"{method.upper()} {path} {_short(data)}: {type(error).__name__}: {error}")
        return
    if response.status_code >= 500:
        failures.append(f"{method.upper()} {path} {_short(data)}: {response.status_code}")
    if response.streaming:
        # Reading it to the end closes the file the way the test client expects (calling
        # close() here would also close the database connection inside the test transaction).
        for _ in response.streaming_content:
            pass


def _short(data: dict) -> str:
    return str({k: (v[:20] + "…" if len(v) > 20 else v) for k, v in data.items()})[:200]


def chunks(names: list[str], size: int = 8) -> list[list[str]]:
    return [names[i : i + size] for i in range(0, len(names), size)]


@pytest.mark.parametrize("visitor", VISITORS)
def test_no_url_answers_a_server_error_to_malformed_parameters(world, visitor):
    failures: list[str] = []
    values = cycle(JUNK)
    # The visitor sees every value; a member and staff each half of them (not the same half).
    junk_values = JUNK if visitor == "anonymous" else JUNK[VISITORS.index(visitor) % 2 :: 2]
    client = client_for(visitor, world)
    for route in ROUTES:
        admin = route.startswith("admin/")
        if admin and visitor != "staff":
            # Anyone else is sent to the sign-in page before any parameter is read.
            ask(client, "get", paths_for(route, world)[0], {"next": "²"}, failures)
            continue
        real, *junk_paths = paths_for(route, world)
        for path in junk_paths[: 1 if admin else None]:
            ask(client, "get", path, {}, failures)
        ask(client, "get", real, {}, failures)
        # Every value with every name at once, then each name with a value taken in turn.
        for value in JUNK[::7] if admin else junk_values:
            ask(client, "get", real, dict.fromkeys(PARAM_NAMES, value), failures)
        for names in [] if admin else chunks(PARAM_NAMES, 12):
            ask(client, "get", real, {name: next(values) for name in names}, failures)
        for value in ["²"] if admin else ["²", "9" * 40, '"unbalanced']:
            ask(client, "post", real, dict.fromkeys(PARAM_NAMES, value), failures)
        if visitor != "anonymous" and not client.session.get("_auth_user_id"):
            client = client_for(visitor, world)  # a POST signed this visitor out
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures[:80])


def test_the_crawl_reaches_every_kind_of_page(world):
    """The crawl is worth something only if real values reach the views: spot-check a few."""
    client = client_for("member", world)
    for route in [
        "library/item/<slug:slug>/",
        "community/topic/<int:pk>-<slug:slug>/",
        "networks/<slug:slug>/",
        "events/<slug:slug>/",
        "events/<slug:slug>/event.ics",
        "gallery/<slug:slug>/",
        "members/<str:username>/",
    ]:
        assert route in ROUTES, route
        path = paths_for(route, world)[0]
        assert client.get(path).status_code == 200, path
