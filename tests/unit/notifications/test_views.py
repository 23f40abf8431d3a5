"""The /notifications/ pages and the unread count in the header."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.notifications import services
from hub.notifications.context_processors import notifications as notifications_context
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return member


def tell(user, title="Hello", url="/library/", **kwargs) -> Notification:
    (notification,) = services.notify(
        recipients=[user], kind="test", title=title, url=url, **kwargs
    )
    return notification


def test_the_notifications_page_asks_visitors_to_sign_in(client):
    response = client.get("/notifications/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/notifications/")


def test_the_page_lists_only_my_notifications_newest_first_and_marks_new_ones(
    client, signed_in, other_member
):
    old = tell(signed_in, "Older news")
    services.notification_mark_read(actor=signed_in, notification=old)
    tell(signed_in, "Fresh news")
    tell(other_member, "Someone else's news")

    html = client.get("/notifications/").content.decode()

    assert html.index("Fresh news") < html.index("Older news")
    assert "Someone else&#x27;s news" not in html and "Someone else's news" not in html
    assert html.count(">New<") == 1
    assert html.count("notification-unread") == 1


def test_an_empty_page_says_so(client, signed_in):
    assert "You have no notifications yet." in client.get("/notifications/").content.decode()


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, signed_in):
    notification = tell(signed_in, url="/library/item/x/#comment-3")

    response = client.get(f"/notifications/{notification.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == "/library/item/x/#comment-3"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_someone_elses_notification_is_a_404(client, signed_in, other_member):
    notification = tell(other_member)

    assert client.get(f"/notifications/{notification.pk}/open/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:x", ""]
)
def test_opening_never_redirects_off_the_site(client, signed_in, url):
    notification = tell(signed_in, url=url)

    response = client.get(f"/notifications/{notification.pk}/open/")

    assert response["Location"] == "/notifications/"


def test_mark_all_as_read(client, signed_in, other_member):
    tell(signed_in)
    tell(signed_in)
    theirs = tell(other_member)

    response = client.post("/notifications/read-all/")

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=signed_in, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_only_takes_posts(client, signed_in):
    assert client.get("/notifications/read-all/").status_code == 405


def test_the_list_shows_thirty_a_page(client, signed_in):
    for n in range(35):
        tell(signed_in, f"Note {n}")

    first = client.get("/notifications/").content.decode()
    second = client.get("/notifications/?page=2").content.decode()

    assert first.count('<li class="notification') == 30
    assert second.count('<li class="notification') == 5
    assert "Page 2 of 2" in second


def test_the_list_runs_the_same_number_of_queries_for_5_or_40(
    client, signed_in, django_assert_max_num_queries
):
    for n in range(5):
        tell(signed_in, f"Note {n}")
    with django_assert_max_num_queries(6):
        client.get("/notifications/")
    for n in range(35):
        tell(signed_in, f"More {n}")
    with django_assert_max_num_queries(6):
        client.get("/notifications/")


def test_the_header_shows_the_unread_count(client, signed_in):
    tell(signed_in)
    tell(signed_in)
    tell(signed_in)

    html = client.get("/").content.decode()

    assert 'Notifications <span class="badge">3<span class="visually-hidden"> unread</span>' in html


def test_the_header_shows_no_badge_without_unread_notifications(client, signed_in):
    html = client.get("/").content.decode()

    assert ">Notifications</a>" in html
    assert 'class="badge"' not in html


def test_visitors_see_no_notifications_link(client):
    assert "/notifications/" not in client.get("/").content.decode()


def test_the_context_processor_counts_in_one_query(rf, member, django_assert_num_queries):
    tell(member)
    tell(MemberFactory())
    request = rf.get("/")
    request.user = member

    with django_assert_num_queries(1):
        context = notifications_context(request)
        assert str(context["unread_notifications"]) == "1"
        assert bool(context["unread_notifications"])


def test_the_context_processor_gives_visitors_nothing(rf, django_assert_num_queries):
    request = rf.get("/")
    request.user = AnonymousUser()

    with django_assert_num_queries(0):
        assert notifications_context(request) == {}


# Filters and marking several at once ---------------------------------------------------------


def tell_kind(user, kind, title):
    (notification,) = services.notify(recipients=[user], kind=kind, title=title, email=False)
    return notification


def test_the_list_filters_by_group_and_by_unread(client, signed_in):
    mention = tell_kind(signed_in, "community:mention", "Ada mentioned you")
    tell_kind(signed_in, "library:new_item", "New in Falls: Safer nights")
    tell_kind(signed_in, "events:reminder", "Drop-in tomorrow at 12:30")
    tell_kind(signed_in, "made:up", "Something else")
    services.notification_mark_read(actor=signed_in, notification=mention)

    def titles(query):
        html = client.get(f"/notifications/?{query}").content.decode()
        return [
            t
            for t in ("Ada mentioned", "Safer nights", "Drop-in tomorrow", "Something else")
            if t in html
        ]

    assert titles("group=you") == ["Ada mentioned"]
    assert titles("group=following") == ["Safer nights"]
    assert titles("group=events") == ["Drop-in tomorrow"]
    assert titles("group=other") == ["Something else"]
    assert titles("show=unread") == ["Safer nights", "Drop-in tomorrow", "Something else"]
    assert titles("group=you&show=unread") == []
    assert titles("group=nonsense") == titles("")  # an unknown filter shows everything
    html = client.get("/notifications/?group=you&show=unread").content.decode()
    assert "Nothing here with these filters." in html


def test_ticked_notifications_are_marked_read_then_unread(client, signed_in, other_member):
    a = tell(signed_in, "A")
    b = tell(signed_in, "B")
    c = tell(signed_in, "C")
    theirs = tell(other_member, "Theirs")

    response = client.post(
        "/notifications/mark/",
        {"ids": [a.pk, b.pk, theirs.pk], "action": "read", "next": "/notifications/?show=unread"},
    )

    assert response["Location"] == "/notifications/?show=unread"
    assert set(Notification.objects.filter(read_at__isnull=False).values_list("pk", flat=True)) == {
        a.pk,
        b.pk,
    }
    client.post("/notifications/mark/", {"ids": [a.pk], "action": "unread"})
    assert Notification.objects.get(pk=a.pk).read_at is None
    assert Notification.objects.get(pk=c.pk).read_at is None


def test_one_notification_is_marked_read_with_its_own_button(client, signed_in):
    a = tell(signed_in, "A")
    b = tell(signed_in, "B")

    client.post("/notifications/mark/", {"only": str(a.pk), "ids": [b.pk]})

    assert Notification.objects.get(pk=a.pk).read_at is not None
    assert Notification.objects.get(pk=b.pk).read_at is None


def test_marking_nothing_or_rubbish_says_so_and_never_leaves_the_site(client, signed_in):
    response = client.post(
        "/notifications/mark/", {"ids": ["x", ""], "next": "https://evil.example/"}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/notifications/"
    assert "Tick the notifications you want to mark first." in response.content.decode()


def test_the_filtered_list_stays_bounded_in_queries(
    client, signed_in, django_assert_max_num_queries
):
    for i in range(40):
        tell_kind(signed_in, "library:new_item", f"Item {i}")

    with django_assert_max_num_queries(6):
        response = client.get("/notifications/?group=following&show=unread&page=2")
    assert response.status_code == 200


# What the member may no longer see -----------------------------------------------------------


def test_the_list_leaves_out_what_the_member_may_no_longer_see(client, signed_in, editor):
    from hub.library import services as library
    from tests.unit.library.helpers import published

    kept = published(MemberFactory(), editor, title="Still public")
    gone = published(MemberFactory(), editor, title="Withdrawn later")
    for item in (kept, gone):
        services.notify(
            recipients=[signed_in],
            kind="library:new_item",
            title=f"New: {item.title}",
            target=item,
        )
    library.item_unpublish(actor=editor, item=gone, reason="Out of date")

    html = client.get("/notifications/").content.decode()

    assert "New: Still public" in html and "Withdrawn later" not in html


def test_a_page_of_notifications_about_items_posts_and_comments_has_bounded_queries(
    client, signed_in, editor, django_assert_max_num_queries
):
    from hub.community import services as community
    from hub.community.models import Forum
    from hub.engagement import services as engagement
    from tests.unit.library.helpers import published

    forum = Forum.objects.order_by("position").first()
    for i in range(10):
        item = published(MemberFactory(), editor, title=f"Item {i}")
        comment = engagement.comment_add(actor=editor, target=item, body="<p>Thanks</p>")
        topic = community.topic_start(
            actor=editor, title=f"Topic {i}", body="<p>Hi</p>", forum=forum
        )
        for kind, target in (
            ("library:new_item", item),
            ("engagement:comment", comment),
            ("community:topic", topic.posts.get()),
        ):
            services.notify(recipients=[signed_in], kind=kind, title=f"{kind} {i}", target=target)

    with django_assert_max_num_queries(12):
        html = client.get("/notifications/").content.decode()
    assert html.count('class="notification notification-unread"') == 30
