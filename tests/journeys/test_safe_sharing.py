"""Safe sharing in real Chromium, with axe-core on every page: an anonymous story with an NHS
number is caught, edited, submitted, reviewed and published as Anonymous."""

import re

import pytest
from playwright.sync_api import expect

from hub.library.models import Item
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


TITLE = "The night my mother was given someone else's tablets"


def test_an_anonymous_story_with_an_nhs_number_is_caught_edited_reviewed_and_published(page):
    MemberFactory(username="carer", email="carer@example.org", display_name="Rosalind Carer")
    MemberFactory(
        username="edith", email="edith@example.org", display_name="Edith", roles=["Editor"]
    )

    # A carer writes a story, ticks "Post anonymously", and types her mother's NHS number.
    sign_in(page, "carer@example.org")
    page.goto("/library/share/story/")
    assert_accessible(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("A mix-up with tablets on a busy ward.")
    page.get_by_role("textbox", name="Your story").click()
    page.keyboard.type("Her NHS number 943 476 5919 was on another patient's tablets.")
    page.locator("details", has_text="Patient safety in health and care").locator("summary").click()
    page.get_by_label("Medication", exact=True).check()
    page.get_by_label("Post anonymously").check()
    page.get_by_role("button", name="Save and submit for review").click()

    # It is caught: saved as a private draft, not submitted, and the number is highlighted.
    expect(page.get_by_text("not submitted: it may contain patient information")).to_be_visible()
    findings = page.locator("#pii-findings")
    expect(findings).to_contain_text("NHS number")
    expect(findings.locator("mark")).to_have_text("943 476 5919")
    assert_accessible(page)
    item = Item.objects.get(title=TITLE)
    assert item.status == "draft" and item.is_anonymous

    # She edits it out and submits again.
    page.get_by_role("textbox", name="Your story").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Another patient's tablets were given to her by mistake.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("with our editors for review")).to_be_visible()
    assert_accessible(page)
    item.refresh_from_db()
    assert item.status == "submitted" and "943" not in item.body
    sign_out(page)

    # The editor reviews it: the author shows as Anonymous, and publishes.
    sign_in(page, "edith@example.org")
    page.goto("/library/review/")
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator(".info-panel")).to_contain_text("Anonymous")
    expect(page.locator("body")).not_to_contain_text("Rosalind Carer")
    assert_accessible(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Published.")).to_be_visible()
    sign_out(page)

    # Anyone reading it sees Anonymous, never her name.
    page.goto(item.get_absolute_url())
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.locator(".info-panel")).to_contain_text("Anonymous")
    expect(page.locator("body")).not_to_contain_text("Rosalind Carer")
    assert_accessible(page)
    item.refresh_from_db()
    assert item.status == "published"

    # She still finds it in her account.
    sign_in(page, "carer@example.org")
    page.goto("/profile/posts/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_text("posted anonymously").first).to_be_visible()
    assert_accessible(page)


def test_a_discussion_marked_not_patient_information_waits_for_a_moderator(page):
    MemberFactory(username="nurse", email="nurse@example.org", display_name="Nurse Member")
    MemberFactory(
        username="maya", email="maya@example.org", display_name="Maya", roles=["Moderator"]
    )
    sign_in(page, "nurse@example.org")
    page.goto("/community/forum/culture/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Thank you to the night team")
    page.get_by_role("textbox", name="Your message").click()
    page.keyboard.type("Sister Okoro stayed late to help us.")
    page.get_by_label("Post anonymously").check()
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.locator("#pii-findings mark")).to_have_text("Sister Okoro")
    assert_accessible(page)
    page.get_by_label("“Sister Okoro” is not patient information").check()
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.get_by_text("A moderator will check your post")).to_be_visible()
    expect(page.get_by_text("Waiting for a moderator to check it")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, "maya@example.org")
    page.goto("/moderation/?source=held")
    assert_accessible(page)
    page.get_by_role("link", name="Discussion").click()
    expect(page.locator("mark").first).to_have_text("Sister Okoro")
    expect(page.get_by_text("Anonymous").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Approve: show it").click()
    expect(page.get_by_text("Done.")).to_be_visible()
