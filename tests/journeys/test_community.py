"""The forums in real Chromium, with axe-core on every page: start, quote, mention, moderate."""

import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from hub.community.models import Forum, Post, Topic
from hub.notifications.models import Notification
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "How do you make handover safer at night?"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def type_into(page, name: str, text: str) -> None:
    """Type at the end of a rich text editor (the contenteditable is labelled by the field)."""
    box = page.get_by_role("textbox", name=name)
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_a_discussion_is_started_quoted_mentioned_then_locked_moved_and_closed(page):
    MemberFactory(username="nadia", email="nadia@example.org", display_name="Nadia")
    MemberFactory(username="omar", email="omar@example.org", display_name="Omar")
    moderator = MemberFactory(username="maya", email="maya@example.org", display_name="Maya")
    moderator.user_permissions.add(
        Permission.objects.get(content_type__app_label="community", codename="moderate_topic")
    )
    home = Forum.objects.get(name="Patient engagement")
    better = Forum.objects.get(name="Culture")

    # A member starts a discussion in a public forum.
    sign_in(page, "nadia@example.org")
    page.goto("/community/")
    assert_accessible(page)
    page.get_by_role("link", name="Patient engagement", exact=True).click()
    expect(page.get_by_role("heading", name="Patient engagement", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Start a discussion").click()
    assert_accessible(page)
    page.get_by_label("Title").fill(TITLE)
    type_into(page, "Your message", "Our night handovers keep missing insulin doses.")
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.get_by_text("Your discussion is started.")).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert_accessible(page)
    topic = Topic.objects.get(title=TITLE)
    assert topic.forum == home
    sign_out(page)

    # Another member finds it, quotes the opening post and mentions its author.
    sign_in(page, "omar@example.org")
    page.goto(home.get_absolute_url())
    expect(page.locator(".topic-unread .badge-new")).to_contain_text("New")  # not read yet
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Quote post #1").click()
    expect(page.get_by_text("You are quoting post #1.")).to_be_visible()
    reply_box = page.get_by_role("textbox", name="Your reply")
    expect(reply_box.locator("blockquote")).to_contain_text("Nadia wrote:")
    assert_accessible(page)
    type_into(page, "Your reply", "@nadia we fixed this with a bedside checklist.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply is posted.")).to_be_visible()
    second = page.locator("#post-2")
    expect(second.get_by_role("link", name="@nadia")).to_be_visible()
    expect(second.locator("blockquote")).to_contain_text("Nadia wrote:")
    expect(second.get_by_role("link", name="post #1")).to_be_visible()
    assert_accessible(page)
    reply_post = Post.objects.get(topic=topic, number=2)
    assert reply_post.quoted.number == 1
    sign_out(page)

    # The first member sees that she was mentioned and follows the notification to the reply.
    sign_in(page, "nadia@example.org")
    expect(page.get_by_role("link", name=re.compile("Notifications"))).to_contain_text("1")
    page.get_by_role("link", name=re.compile("Notifications")).click()
    notice = page.get_by_role("link", name=f"Omar mentioned you in “{TITLE}”")
    expect(notice).to_be_visible()
    assert_accessible(page)
    notice.click()
    page.wait_for_url(re.compile(r".*#post-2$"))
    expect(page.locator("#post-2")).to_contain_text("bedside checklist")
    assert Notification.objects.filter(kind="community:mention").count() == 1
    sign_out(page)

    # A moderator locks the discussion and moves it to a better forum.
    sign_in(page, "maya@example.org")
    page.goto(topic.get_absolute_url())
    expect(page.get_by_role("heading", name="Moderator tools")).to_be_visible()
    assert_accessible(page)
    page.locator("#lock-reason").fill("Answered; keeping it as a reference")
    page.get_by_role("button", name="Lock the discussion").click()
    expect(page.get_by_text("The discussion is locked: nobody can reply.")).to_be_visible()
    page.get_by_label("Move to forum").select_option(label="Culture")
    page.get_by_role("button", name="Move the discussion").click()
    expect(page.get_by_text("The discussion is moved to “Culture”.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Culture")
    assert_accessible(page)
    topic.refresh_from_db()
    assert topic.locked and topic.forum == better
    sign_out(page)

    # A reply is now refused: no reply box, and a hand-made POST stores nothing.
    sign_in(page, "omar@example.org")
    page.goto(better.get_absolute_url())
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_text("This discussion is locked, so no new replies")).to_be_visible()
    expect(page.get_by_role("textbox", name="Your reply")).to_have_count(0)
    assert_accessible(page)
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post(
        f"/community/topic/{topic.pk}/reply/",
        form={"csrfmiddlewaretoken": token, "body": "One more thing"},
    )
    assert response.status == 403
    assert "This discussion is locked" in response.text()
    assert Post.objects.filter(topic=topic).count() == 2


def test_forum_pages_are_accessible_on_a_phone(browser, live_server):
    from hub.community import services

    author = MemberFactory(username="ravi", email="ravi@example.org")
    forum = Forum.objects.get(name="Culture")
    topic = services.topic_start(
        actor=author, title="Speaking up at 3am", body="<p>Who do you call?</p>", forum=forum
    )
    services.post_reply(actor=author, topic=topic, body="<p>A long reply " + "x" * 200 + "</p>")

    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    try:
        for path in ["/community/", forum.get_absolute_url(), topic.get_absolute_url()]:
            page.goto(path)
            assert_accessible(page)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 380, f"{path} is {width}px wide on a 375px screen"
    finally:
        context.close()
