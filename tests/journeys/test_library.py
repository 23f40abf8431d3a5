"""The library's editorial journey in real Chromium, with axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from hub.engagement import services as engagement
from hub.library.models import Item
from hub.notifications.models import Notification
from hub.taxonomy.models import Category
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_incident_learning_from_draft_to_published_then_read_discussed_and_followed(page):
    MemberFactory(username="nadia", email="nadia@example.org", display_name="Nadia")
    MemberFactory(
        username="edith", email="edith@example.org", display_name="Edith", roles=["Editor"]
    )
    MemberFactory(username="omar", email="omar@example.org", display_name="Omar")
    follower = MemberFactory(username="fay", email="fay@example.org", display_name="Fay")
    category = Category.objects.get(name="Medication")
    engagement.follow_set(actor=follower, target=category, following=True)

    # The author writes a learning-from-incident item with the formatting editor.
    sign_in(page, "nadia@example.org")
    page.goto("/library/")
    page.get_by_role("link", name="Share learning").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Learning from an incident").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Insulin given twice after a handover gap")
    page.get_by_label("Summary").fill("What a double dose of insulin taught our ward.")
    editor_box = page.get_by_role("textbox", name="Main text")
    editor_box.click()
    page.keyboard.type("Two nurses each gave the evening insulin dose.")
    page.get_by_role("button", name="Bold").click()
    page.keyboard.type(" Nobody was harmed.")
    page.get_by_label("Learning response used").select_option(label="After action review")
    page.get_by_label("Tasks").fill("Insulin was due during handover, so the task had no owner.")
    page.get_by_label("What was expected to happen?").fill("One nurse gives the dose.")
    page.get_by_label("What actually happened?").fill("Two nurses gave it.")
    page.get_by_label("Why was there a difference?").fill("The chart was signed late.")
    # The fourth answer is forgotten on purpose.
    page.locator("details", has_text="Patient safety in health and care").locator("summary").click()
    page.get_by_label("Medication", exact=True).check()
    page.get_by_label("Tags").fill("insulin, handover")
    page.get_by_label("Action", exact=True).first.fill("Sign the chart before leaving the bedside.")
    page.get_by_label("Owner (a role, not a name)").first.fill("Ward manager")
    page.get_by_label("How you will know it worked").first.fill("Audit of 20 charts a month")
    page.get_by_label("Due date").first.fill("2027-03-31")
    page.get_by_label("Action strength").first.select_option("intermediate")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("What has been learned?").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What has been learned?").fill("Sign the chart at the bedside.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("with our editors for review")).to_be_visible()
    item = Item.objects.get(title="Insulin given twice after a handover gap")
    assert item.status == "submitted" and "<strong>" in item.body
    sign_out(page)

    # The editor returns it with a note.
    sign_in(page, "edith@example.org")
    page.goto("/library/review/")
    assert_accessible(page)
    page.get_by_role("link", name=item.title).click()
    assert_accessible(page)
    page.get_by_label("What should the author change?").fill("Please add how you measured it.")
    page.get_by_role("button", name="Return with note").click()
    expect(page.get_by_text("Returned to the author with your note.")).to_be_visible()
    sign_out(page)

    # The author fixes it and resubmits.
    sign_in(page, "nadia@example.org")
    page.goto(f"/library/item/{item.slug}/")
    expect(page.get_by_text("Please add how you measured it.")).to_be_visible()
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Summary").fill(
        "What a double dose of insulin taught our ward, and how we measured it."
    )
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("with our editors for review")).to_be_visible()
    sign_out(page)

    # The editor publishes.
    sign_in(page, "edith@example.org")
    page.goto(f"/library/item/{item.slug}/")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Published.")).to_be_visible()
    sign_out(page)

    # A reader finds it under its category and tag, comments and reacts.
    sign_in(page, "omar@example.org")
    page.goto(category.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name=item.title).click()
    assert_accessible(page)
    page.get_by_role("link", name="insulin").first.click()
    expect(page.get_by_role("heading", name="Tagged “insulin”")).to_be_visible()
    page.get_by_role("link", name=item.title).click()
    page.get_by_role("textbox", name="Your comment").fill("We had the same gap at handover.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("We had the same gap at handover.")).to_be_visible()
    page.get_by_role("button", name=re.compile("Helpful")).click()
    expect(page.get_by_text("1 reaction so far")).to_be_visible()
    assert_accessible(page)

    # It is in the category's feed.
    feed = page.request.get(f"/library/category/{category.slug}/feed/atom/").text()
    assert item.title in feed

    # The follower of the category was told.
    assert Notification.objects.filter(recipient=follower, title__contains=item.title).exists()


def test_library_reading_pages_are_accessible_on_a_phone(browser, live_server):
    from hub.library import services
    from tests.unit.library.helpers import incident_data, published

    author = MemberFactory(username="ravi", email="ravi@example.org")
    editor = MemberFactory(username="ed2", email="ed2@example.org", roles=["Editor"])
    item = published(author, editor, title="Falls at night on a surgical ward")
    published(author, editor, title="Second story about falls", kind="story")
    incident = services.item_create(actor=author, data=incident_data())
    services.item_submit(actor=author, item=incident)
    services.item_publish(actor=editor, item=incident)

    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    try:
        for path in [
            "/library/",
            "/library/?kind=story&sort=views",
            item.get_absolute_url(),
            incident.get_absolute_url(),
            item.categories.first().get_absolute_url(),
            "/library/tag/handover/",
            "/library/kind/news/",
        ]:
            page.goto(path)
            assert_accessible(page)
            # Nothing should force sideways scrolling on a phone.
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 380, f"{path} is {width}px wide on a 375px screen"
    finally:
        context.close()
