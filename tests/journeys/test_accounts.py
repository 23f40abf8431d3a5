"""A newcomer joins the hub, and a member manages their account, in real Chromium with axe-core."""

import re

import pyotp
import pytest
from django.core import mail

from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "lantern meadow quietly hums"


def last_link(message, path_fragment: str) -> str:
    match = re.search(r"https?://\S*" + re.escape(path_fragment) + r"\S*", message.body)
    assert match, f"no {path_fragment} link in: {message.body}"
    return match.group(0)


def sign_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In", exact=True).click()


def test_newcomer_joins_verifies_completes_profile_and_finds_themself(page, live_server):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Join", exact=True).click()
    assert_accessible(page)

    # A weak password is refused with a clear message, and what was typed is kept.
    page.get_by_label("Email:").fill("rosa@example.org")
    page.get_by_label("Username:").fill("rosa")
    page.get_by_label("Password:", exact=True).fill("password1")
    page.get_by_role("button", name="Sign Up").click()
    assert (
        page.get_by_text("too easy to guess").or_(page.get_by_text("too common")).first.is_visible()
    )
    assert page.get_by_label("Email:").input_value() == "rosa@example.org"
    assert page.get_by_label("Username:").input_value() == "rosa"
    assert_accessible(page)

    page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert page.get_by_role("heading", name="Verify Your Email Address").is_visible()
    assert_accessible(page)

    # The verification email arrives in the outbox; opening its link verifies the address.
    assert len(mail.outbox) == 1
    link = last_link(mail.outbox[0], "/accounts/confirm-email/")
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    sign_in(page, "rosa@example.org", NEW_PASSWORD)
    page.wait_for_url("**/members/rosa/")
    assert page.get_by_role("heading", name="rosa").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Edit your profile").click()
    assert_accessible(page)
    page.get_by_role("textbox", name="Display name").fill("Rosa M")
    page.get_by_role("textbox", name="First name").fill("Rosa")
    page.get_by_role("textbox", name="Last name").fill("Marquez")
    page.get_by_role("combobox", name="Member type (optional)", exact=True).select_option(
        label="Health and care staff"
    )
    page.get_by_role("textbox", name="Role or job title").fill("Community nurse")
    page.get_by_role("combobox", name="Organisation (optional)", exact=True).fill(
        "Harbour Community Trust"
    )
    page.get_by_role("combobox", name="Country (optional)", exact=True).select_option(
        label="United Kingdom"
    )
    page.get_by_role("textbox", name="About me").fill(
        "District nurse interested in safer discharge."
    )
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_url("**/members/rosa/")
    assert page.get_by_role("heading", name="Rosa M").is_visible()
    assert page.get_by_text("Community nurse").is_visible()
    assert page.get_by_text("Harbour Community Trust").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Members", exact=True).click()
    assert_accessible(page)
    page.get_by_label("Organisation").fill("Harbour")
    page.get_by_role("button", name="Show members").click()
    assert page.locator("#main").get_by_role("link", name="Rosa M").is_visible()
    assert page.get_by_text("1 member", exact=True).is_visible()

    page.get_by_role("button", name="Sign out").click()
    assert (
        page.get_by_role("navigation", name="Your account")
        .get_by_role("link", name="Sign in")
        .is_visible()
    )
    page.goto("/members/")
    page.wait_for_url("**/accounts/login/**")


def test_profile_form_keeps_what_was_typed_when_it_has_html(page):
    MemberFactory(username="tariq", email="tariq@example.org")
    sign_in(page, "tariq@example.org", PASSWORD)
    page.goto("/profile/edit/")
    page.get_by_role("textbox", name="Role or job title").fill("Pharmacist")
    page.get_by_role("textbox", name="About me").fill("<script>alert('x')</script> hello")
    page.get_by_role("button", name="Save profile").click()
    assert page.get_by_text("Please use plain text here").is_visible()
    assert page.get_by_role("textbox", name="Role or job title").input_value() == "Pharmacist"
    assert "hello" in page.get_by_role("textbox", name="About me").input_value()
    assert_accessible(page)


def test_member_resets_a_forgotten_password(page):
    MemberFactory(username="olu", email="olu@example.org")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    assert_accessible(page)
    page.get_by_label("Email:").fill("olu@example.org")
    page.get_by_role("button", name="Reset My Password").click()
    assert page.get_by_role("heading", name="Password Reset").is_visible()
    assert_accessible(page)

    link = last_link(mail.outbox[-1], "/accounts/password/reset/key/")
    page.goto(link)
    assert_accessible(page)
    page.get_by_label("New Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New Password (again):").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change Password").click()
    assert page.get_by_text("Your password is now changed").is_visible()

    sign_in(page, "olu@example.org", NEW_PASSWORD)
    page.wait_for_url("**/members/olu/")


def test_member_enrols_in_totp_and_signs_in_with_a_code(page):
    MemberFactory(username="mei", email="mei@example.org")
    sign_in(page, "mei@example.org", PASSWORD)
    page.wait_for_url("**/members/mei/")

    page.goto("/accounts/2fa/")
    assert_accessible(page)
    page.get_by_role("link", name="Activate").click()
    # Changing sign-in security asks for the password again first.
    if "/reauthenticate/" in page.url:
        assert_accessible(page)
        page.get_by_label("Password:").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Activate").click()
    # Recovery codes are offered after activation.
    page.wait_for_url("**/accounts/2fa/**")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "mei@example.org", PASSWORD)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign In", exact=True).click()
    assert page.get_by_text("Incorrect code").is_visible()
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url("**/members/mei/")


def confirm_password_if_asked(page) -> None:
    if "/reauthenticate/" in page.url:
        assert_accessible(page)
        page.get_by_label("Password:").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()


def test_member_changes_email_after_confirming_their_password(page):
    member = MemberFactory(username="ines", email="ines@example.org")
    sign_in(page, "ines@example.org", PASSWORD)
    page.wait_for_url("**/members/ines/")
    page.goto("/accounts/email/")
    confirm_password_if_asked(page)
    page.wait_for_url("**/accounts/email/")
    assert_accessible(page)
    page.get_by_label("Change to:").fill("ines.new@example.org")
    page.get_by_role("button", name="Change Email").click()
    confirm_password_if_asked(page)
    link = last_link(mail.outbox[-1], "/accounts/confirm-email/")
    assert mail.outbox[-1].to == ["ines.new@example.org"]
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    member.refresh_from_db()
    assert member.email == "ines.new@example.org"


def test_member_deletes_their_account(page):
    member = MemberFactory(username="bea", email="bea@example.org")
    sign_in(page, "bea@example.org", PASSWORD)
    page.wait_for_url("**/members/bea/")
    page.goto("/profile/edit/")
    page.get_by_role("link", name="Delete account").click()
    confirm_password_if_asked(page)
    page.wait_for_url("**/profile/delete/")
    assert_accessible(page)
    page.get_by_label("Password").fill("not my password")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    assert page.get_by_text("That password is not right").is_visible()
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    assert page.get_by_text("Your account is closed").is_visible()
    member.refresh_from_db()
    assert not member.is_active and member.deletion_requested_at is not None
    sign_in(page, "bea@example.org", PASSWORD)
    assert "/members/bea/" not in page.url
