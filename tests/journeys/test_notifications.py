"""Staying informed in real Chromium, with axe-core on every page: a member follows a
category, chooses a weekly digest for new items there, items are published, the weekly digest
task runs, and they receive one email listing those items; its one-click link stops it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from hub.library import services as library
from hub.notifications.models import NotificationPreference
from hub.notifications.tasks import send_digests
from hub.taxonomy.models import Category
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory
from tests.unit.library.helpers import item_data
from tests.unit.notifications.test_digests import next_monday_morning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_ITEMS = "New library items in categories, tags and networks you follow"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def publish(author, editor, title: str, category: Category):
    item = library.item_create(actor=author, data=item_data(title=title, categories=[category]))
    library.item_submit(actor=author, item=item)
    return library.item_publish(actor=editor, item=item)


def test_a_member_sets_a_weekly_digest_and_receives_one_listing_the_new_items(page, live_server):
    fay = MemberFactory(username="fay", email="fay@example.org", display_name="Fay")
    author = MemberFactory(username="nadia", display_name="Nadia")
    editor = MemberFactory(username="edith", display_name="Edith", roles=["Editor"])
    category = Category.objects.get(name="Medication")

    # Fay follows the Medication category.
    sign_in(page, "fay@example.org")
    page.goto(f"/library/category/{category.slug}/")
    assert_accessible(page)
    page.get_by_role("button", name="Follow").click()
    expect(page.get_by_text("You follow this")).to_be_visible()

    # In her account settings she asks for new items in a weekly digest.
    page.goto("/profile/edit/")
    page.get_by_role("navigation", name="Account settings").get_by_role(
        "link", name="Notifications"
    ).click()
    expect(page.get_by_role("heading", name="How you hear about things")).to_be_visible()
    assert_accessible(page)
    choice = page.get_by_role("group", name=NEW_ITEMS)
    expect(choice.get_by_label("In a daily email digest (suggested)")).to_be_checked()
    choice.get_by_label("In a weekly email digest").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your notification choices are saved.")).to_be_visible()
    assert_accessible(page)
    expect(
        page.get_by_role("group", name=NEW_ITEMS).get_by_label("In a weekly email digest")
    ).to_be_checked()
    assert NotificationPreference.objects.get(user=fay).delivery == "weekly"

    # Over the week, two items are published in Medication (and one elsewhere).
    mail.outbox.clear()
    first = publish(author, editor, "Insulin given twice after a handover gap", category)
    second = publish(author, editor, "Checking allergies before antibiotics", category)
    publish(author, editor, "Bullying at handover", Category.objects.get(name="Bullying and fear"))
    assert [m for m in mail.outbox if "fay@example.org" in m.to] == []  # no email yet

    # They are in her notifications centre straight away, under "Things you follow".
    page.goto("/notifications/")
    page.get_by_role("navigation", name="Show notifications about").get_by_role(
        "link", name="Things you follow"
    ).click()
    expect(page.get_by_role("link", name=re.compile(first.title))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(second.title))).to_be_visible()
    expect(page.get_by_text("Bullying at handover")).to_have_count(0)
    assert_accessible(page)
    # She ticks the first and marks it read; "Unread only" then shows just the second.
    page.get_by_role("checkbox", name=re.compile(first.title)).check()
    page.get_by_role("group", name="With the notifications you tick").get_by_role(
        "button", name="Mark as read"
    ).click()
    expect(page.get_by_text("Marked 1 notification as read.")).to_be_visible()
    page.get_by_role("link", name="Unread only").click()
    expect(page.get_by_role("link", name=re.compile(second.title))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(first.title))).to_have_count(0)
    assert_accessible(page)

    # Monday morning: the weekly digest task runs, twice (a second worker) for good measure.
    monday = next_monday_morning().isoformat()
    assert send_digests.call(frequency="weekly", now=monday) == 1
    assert send_digests.call(frequency="weekly", now=monday) == 0

    (digest,) = [m for m in mail.outbox if "fay@example.org" in m.to]
    assert digest.subject == "[Safety Hub] Your weekly digest: 2 new things"
    html = digest.alternatives[0].content
    for part in (digest.body, html):
        assert first.title in part and second.title in part and NEW_ITEMS in part
        assert "Bullying at handover" not in part
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The email's HTML part is accessible too.
    page.set_content(html)
    assert_accessible(page)

    # Its link leads to the item; its one-click link stops the digest without signing in.
    item_link = re.search(r'href="(http://localhost:8000/library/[^"]+)"', html).group(1)
    page.goto(item_link.replace("http://localhost:8000", live_server.url))
    expect(page.get_by_role("heading", name=first.title, level=1)).to_be_visible()
    page.context.clear_cookies()
    unsubscribe = re.search(r"<(http://[^>]+)>", digest.extra_headers["List-Unsubscribe"])
    page.goto(unsubscribe.group(1).replace("http://localhost:8000", live_server.url))
    assert_accessible(page)
    page.get_by_role("button", name="Stop these emails").click()
    expect(
        page.get_by_role("heading", name="Done: we have stopped your weekly digest")
    ).to_be_visible()
    assert_accessible(page)
    assert NotificationPreference.objects.get(user=fay).delivery == "site"
