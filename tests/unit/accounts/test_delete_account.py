"""Closing one's own account at /profile/delete/: recent sign-in, password and confirmation."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, member) -> None:
    """Sign in, then confirm the password again as allauth asks before sensitive actions."""
    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302, "the member should be able to sign in"
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, "the member should be able to confirm their password"


def test_delete_page_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/profile/delete/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_delete_page_asks_for_the_password_again_without_a_recent_sign_in(client, member):
    client.force_login(member)  # a session without a recorded recent authentication

    response = client.post(
        "/profile/delete/", {"password": PASSWORD, "confirm": "on", "reason": ""}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    member.refresh_from_db()
    assert member.is_active is True


def test_a_fresh_sign_in_still_leads_to_the_password_check_before_the_delete_page(client, member):
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})

    response = client.get("/profile/delete/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Fprofile%2Fdelete%2F"


def test_confirming_the_password_again_opens_the_delete_page(client, member):
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    redirect = client.get("/profile/delete/")["Location"]

    response = client.post(redirect, {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/profile/delete/"
    page = client.get("/profile/delete/")
    assert page.status_code == 200
    assert "Delete my account" in page.content.decode()


def test_a_wrong_password_at_the_check_does_not_open_the_delete_page(client, member):
    client.force_login(member)

    response = client.post(
        "/accounts/reauthenticate/?next=/profile/delete/", {"password": "not my password"}
    )

    assert response.status_code == 200
    assert client.get("/profile/delete/").status_code == 302


def test_after_a_fresh_sign_in_the_member_can_close_their_account(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    sign_in(client, member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/profile/delete/", {"password": PASSWORD, "confirm": "on", "reason": "Retiring"}
        )

    assert response.status_code == 302
    assert response["Location"] == "/"
    member.refresh_from_db()
    assert member.is_active is False
    assert member.deletion_requested_at is not None
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mailoutbox] == [[member.email]]
    follow = client.get("/")
    assert "Your account is closed." in follow.content.decode()


def test_a_wrong_password_keeps_the_account_open(client, member, mailoutbox):
    sign_in(client, member)

    response = client.post(
        "/profile/delete/", {"password": "not my password", "confirm": "on", "reason": ""}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["password"] == ["That password is not right."]
    member.refresh_from_db()
    assert member.is_active is True
    assert member.deletion_requested_at is None
    assert client.session["_auth_user_id"] == str(member.pk)


def test_closing_the_account_needs_the_confirmation_ticked(client, member):
    sign_in(client, member)

    response = client.post("/profile/delete/", {"password": PASSWORD, "reason": ""})

    assert response.status_code == 200
    assert "confirm" in response.context["form"].errors
    member.refresh_from_db()
    assert member.is_active is True


def test_a_closed_account_cannot_sign_in_again(client, member):
    sign_in(client, member)
    client.post("/profile/delete/", {"password": PASSWORD, "confirm": "on", "reason": ""})

    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session
