"""Joining, verifying and signing in through allauth, with no account enumeration."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings

from hub.accounts.models import User
from tests.factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mellow otter drinks tea quietly"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)")


def sign_up(client, email="new.member@example.org", username="newmember", password=NEW_PASSWORD):
    return client.post(
        "/accounts/signup/", {"email": email, "username": username, "password1": password}
    )


def sign_in(client, login, password):
    return client.post("/accounts/login/", {"login": login, "password": password})


def form_errors(response) -> list[str]:
    form = response.context["form"]
    return [str(e) for errors in form.errors.values() for e in errors]


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# Sign-up -----------------------------------------------------------------------------------


def test_sign_up_creates_an_unverified_member_and_sends_a_verification_link(client, mailoutbox):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new.member@example.org")
    assert user.username == "newmember"
    assert list(user.groups.values_list("name", flat=True)) == ["Member"]
    address = EmailAddress.objects.get(user=user)
    assert address.verified is False
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new.member@example.org"]
    assert CONFIRM_LINK.search(mailoutbox[0].body)
    assert not is_signed_in(client)


def test_following_the_verification_link_verifies_the_email(client, mailoutbox):
    sign_up(client)
    link = CONFIRM_LINK.search(mailoutbox[0].body).group(1)

    page = client.get(link)
    response = client.post(link)

    assert page.status_code == 200
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new.member@example.org").verified is True


def test_a_verified_new_member_can_sign_in(client, mailoutbox):
    sign_up(client)
    client.post(CONFIRM_LINK.search(mailoutbox[0].body).group(1))

    response = sign_in(client, "new.member@example.org", NEW_PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_sign_in_before_verification_does_not_sign_in(client):
    sign_up(client)

    response = sign_in(client, "new.member@example.org", NEW_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not is_signed_in(client)


def test_sign_up_records_an_audit_entry(client):
    from hub.core.models import AuditEntry

    sign_up(client)

    user = User.objects.get(email="new.member@example.org")
    assert AuditEntry.objects.filter(action="accounts:member:signup", actor=user).exists()


def test_sign_up_with_a_taken_email_looks_the_same_and_emails_the_owner(client, mailoutbox):
    owner = MemberFactory(email="taken@example.org")

    fresh = sign_up(client, email="fresh@example.org", username="freshone")
    client.logout()
    mailoutbox.clear()
    duplicate = sign_up(client, email="taken@example.org", username="someoneelse")

    assert duplicate.status_code == fresh.status_code == 302
    assert duplicate["Location"] == fresh["Location"]
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert not User.objects.filter(username="someoneelse").exists()
    assert [m.to for m in mailoutbox] == [[owner.email]]
    assert not CONFIRM_LINK.search(mailoutbox[0].body)


def test_sign_up_with_a_taken_email_in_other_capitals_creates_no_second_account(client):
    MemberFactory(email="taken@example.org")

    sign_up(client, email="Taken@Example.org", username="someoneelse")

    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_a_weak_password_is_refused_and_the_typed_details_are_kept(client, mailoutbox):
    response = sign_up(
        client, email="typed@example.org", username="typedname", password="Password2024!"
    )

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    html = response.content.decode()
    assert "too easy to guess" in html
    assert 'value="typed@example.org"' in html
    assert 'value="typedname"' in html
    assert 'value="Password2024!"' not in html  # the password is never echoed back
    assert not User.objects.filter(email="typed@example.org").exists()
    assert mailoutbox == []


@pytest.mark.parametrize("username", ["admin", "Anonymous", "moderator"])
def test_a_reserved_username_is_refused(client, username):
    response = sign_up(client, username=username)

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not User.objects.filter(email="new.member@example.org").exists()


# Sign-in -----------------------------------------------------------------------------------


def test_member_signs_in_with_email_and_password(client, member):
    response = sign_in(client, member.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_wrong_password_and_unknown_email_give_the_identical_error(client, member):
    wrong_password = sign_in(client, member.email, "not the password at all")
    unknown_email = sign_in(client, "nobody@example.org", "not the password at all")

    assert wrong_password.status_code == unknown_email.status_code == 200
    assert form_errors(wrong_password) == form_errors(unknown_email)
    assert form_errors(wrong_password)  # and there is an error
    assert not is_signed_in(client)


def test_repeated_failed_sign_ins_for_one_account_are_rate_limited(client, member):
    rate = django_settings.ACCOUNT_RATE_LIMITS["login_failed"]
    per_key = int(rate.split(",")[1].split("/")[0])  # "5/5m/key" -> 5

    for _ in range(per_key):
        response = sign_in(client, member.email, "not the password at all")
        assert "Too many" not in response.content.decode()
    blocked = sign_in(client, member.email, PASSWORD)  # even the right password now

    assert "Too many failed login attempts" in blocked.content.decode()
    assert not is_signed_in(client)


def test_repeated_failed_sign_ins_from_one_address_are_rate_limited(client):
    rate = django_settings.ACCOUNT_RATE_LIMITS["login_failed"]
    per_ip = int(rate.split(",")[0].split("/")[0])  # "10/m/ip" -> 10
    other = MemberFactory()

    for i in range(per_ip):
        response = sign_in(client, f"guess{i}@example.org", "not the password at all")
        assert "Too many" not in response.content.decode()
    blocked = sign_in(client, other.email, PASSWORD)

    assert "Too many failed login attempts" in blocked.content.decode()
    assert not is_signed_in(client)


def test_failed_sign_ins_from_another_address_are_not_blocked(client, member):
    for i in range(10):
        sign_in(client, f"guess{i}@example.org", "wrong")

    response = client.post(
        "/accounts/login/",
        {"login": member.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 302
    assert is_signed_in(client)


# Password reset ----------------------------------------------------------------------------


def test_password_reset_looks_the_same_for_unknown_and_known_emails(client, member, mailoutbox):
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/done/"
    assert client.get(known["Location"]).status_code == 200
    reset_mail = [m for m in mailoutbox if m.to == [member.email]]
    assert len(reset_mail) == 1
    assert "/accounts/password/reset/key/" in reset_mail[0].body
    assert all(
        "/accounts/password/reset/key/" not in m.body
        for m in mailoutbox
        if m.to == ["nobody@example.org"]
    )


# Account enumeration (issue 21, item 5): the same answer, the same work, whoever is asking ----


def _answer(response) -> tuple:
    messages = [str(m) for m in response.context["messages"]] if response.context else []
    return response.status_code, response.get("Location"), messages


def test_sign_up_does_the_same_work_for_a_registered_and_a_new_address(
    client, mailoutbox, monkeypatch
):
    from django.contrib.auth import hashers

    from hub.accounts import tasks

    MemberFactory(email="taken@example.org")
    hashed, queued = [], []
    hasher = hashers.get_hasher()
    encode = type(hasher).encode
    monkeypatch.setattr(
        type(hasher), "encode", lambda self, *a, **k: hashed.append(1) or encode(self, *a, **k)
    )
    task = tasks.send_account_mail

    class Recording:
        def enqueue(self, message):
            queued.append(message["to"])
            return task.enqueue(message)

    monkeypatch.setattr(tasks, "send_account_mail", Recording())
    answers = []
    for email, username in [("taken@example.org", "someoneelse"), ("fresh@example.org", "fresh")]:
        hashed.clear()
        status, location, said = _answer(sign_up(client, email=email, username=username))
        answers.append((status, location, [m.replace(email, "ADDRESS") for m in said]))
        assert len(hashed) == 1, email  # the password is hashed on both paths
        client.logout()
    assert answers[0] == answers[1]
    assert answers[0] == (302, "/accounts/confirm-email/", ["Confirmation email sent to ADDRESS."])
    # Each path sends one email, both through the worker's task.
    assert queued == [["taken@example.org"], ["fresh@example.org"]]
    assert [m.to for m in mailoutbox] == queued
    assert not User.objects.filter(username="someoneelse").exists()


def test_password_reset_answers_the_same_for_a_registered_and_an_unknown_address(
    client, mailoutbox
):
    MemberFactory(email="taken@example.org")
    answers = [
        _answer(client.post("/accounts/password/reset/", {"email": email}))
        for email in ("taken@example.org", "nobody@example.org")
    ]
    assert answers[0] == answers[1]
    assert answers[0][:2] == (302, "/accounts/password/reset/done/")
    assert sorted(m.to[0] for m in mailoutbox) == ["nobody@example.org", "taken@example.org"]


def test_adding_an_address_answers_the_same_whether_someone_else_uses_it(client, mailoutbox):
    MemberFactory(email="taken@example.org")
    member = MemberFactory(email="me@example.org")
    client.force_login(member)
    session = client.session
    session["account_reauthenticated_at"] = 10**10  # recently signed in (allauth asks again)
    session.save()
    answers = []
    for email in ("taken@example.org", "mine2@example.org"):
        response = client.post("/accounts/email/", {"action_add": "", "email": email})
        answers.append((response.status_code, response.get("Location")))
    assert answers[0] == answers[1]
