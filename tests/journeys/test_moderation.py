"""Reporting and moderation in real Chromium, with axe-core on every page: a member reports a
comment, a moderator hides it, the reporter hears the outcome; an administrator reads the
audit log."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.engagement import services as engagement
from hub.engagement.models import Comment
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


def test_a_member_reports_a_comment_and_a_moderator_hides_it(page):
    author = MemberFactory(username="writer", email="writer@example.org", display_name="Writer")
    troll = MemberFactory(username="troll", email="troll@example.org", display_name="Troll")
    reporter = MemberFactory(username="rita", email="rita@example.org", display_name="Rita")
    MemberFactory(
        username="maya", email="maya@example.org", display_name="Maya", roles=["Moderator"]
    )
    MemberFactory(
        username="ada", email="ada@example.org", display_name="Ada", roles=["Administrator"]
    )
    item = Item.objects.create(
        kind="article",
        status="published",
        published_at=timezone.now(),
        title="Checklists that people use",
        slug="checklists-that-people-use",
        summary="Short and owned by the team.",
        body="<p>Keep it short.</p>",
        owner=author,
    )
    item.categories.add(Category.objects.get(name="Medication"))
    engagement.comment_add(actor=troll, target=item, body="<p>You are all useless idiots.</p>")

    # A member reports the comment.
    sign_in(page, "rita@example.org")
    page.goto(item.get_absolute_url())
    page.locator(".comment", has_text="useless idiots").get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Report this comment")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Choose a reason.").first).to_be_visible()  # forgot the reason
    assert_accessible(page)
    page.get_by_label("What is wrong?").select_option("abusive")
    page.get_by_label("Anything else a moderator should know?").fill("Insulting the team.")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("A moderator will look at it")).to_be_visible()
    sign_out(page)

    # A moderator finds it in the queue and hides it with a note.
    sign_in(page, "maya@example.org")
    page.goto("/moderation/")
    assert_accessible(page)
    page.get_by_role("link", name="Comment").click()
    expect(page.get_by_text("Insulting the team.")).to_be_visible()
    expect(page.locator(".case-text")).to_contain_text("useless idiots")
    assert_accessible(page)
    page.get_by_label("Note").fill("Personal abuse is not allowed.")
    page.get_by_role("button", name="Hide it").click()
    expect(page.get_by_text("Done.")).to_be_visible()
    page.goto("/moderation/?status=resolved")
    expect(page.get_by_text("Hidden").first).to_be_visible()
    sign_out(page)

    # The comment is gone for readers, and the reporter was told the outcome.
    page.goto(item.get_absolute_url())
    expect(page.locator("body")).not_to_contain_text("useless idiots")
    assert Comment.objects.get().hidden_at is not None
    told = Notification.objects.get(recipient=reporter, kind="moderation:outcome")
    assert "hid it" in told.body

    # An administrator reads the audit log: who, what, when, why.
    sign_in(page, "ada@example.org")
    page.goto("/moderation/audit/?action=moderation:")
    expect(page.get_by_role("cell", name="moderation:case:hidden")).to_be_visible()
    expect(page.get_by_role("cell", name="Personal abuse is not allowed.")).to_be_visible()
    assert_accessible(page)
