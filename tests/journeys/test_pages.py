"""Every public page of the frame renders in real Chromium and passes axe-core."""

import pytest

from tests.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/library/",
    "/community/",
    "/networks/",
    "/events/",
    "/gallery/",
    "/search/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/no-such-page/",
]


def test_public_pages_are_accessible(page):
    for path in PUBLIC_PAGES:
        page.goto(path)
        assert page.locator("h1").count() == 1, f"{path} should have exactly one h1"
        assert_accessible(page)


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    # Following the link updates the URL a moment later: wait for it rather than race it.
    page.wait_for_url("**/#main", timeout=5000)
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.closest('#main') !== null")


def test_cookie_notice_hides_without_javascript_needed(page):
    page.goto("/about/")
    notice = page.get_by_role("complementary", name="Cookies")
    assert notice.is_visible()
    page.get_by_role("button", name="OK, hide this").click()
    page.wait_for_url("**/about/")
    assert page.get_by_role("complementary", name="Cookies").count() == 0
