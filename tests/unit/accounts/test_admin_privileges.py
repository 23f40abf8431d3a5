"""The user admin for holders of the Administrator role who are not superusers."""

import pytest
from django.core.exceptions import PermissionDenied

from hub.accounts import services
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def change_url(user) -> str:
    return f"/admin/accounts/user/{user.pk}/change/"


def current_form_data(client, user) -> dict:
    """The admin change form's data as a browser would send it back unchanged."""
    form = client.get(change_url(user)).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)
    return data


@pytest.fixture
def role_admin(client):
    """Staff with the Administrator role, but not a superuser."""
    administrator = MemberFactory(is_staff=True, roles=["Administrator"])
    client.force_login(administrator)
    return administrator


def test_role_administrator_can_change_an_ordinary_member(client, role_admin, member):
    data = current_form_data(client, member)
    data["job_title"] = "Ward sister"

    response = client.post(change_url(member), data)

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.job_title == "Ward sister"


def test_role_administrator_cannot_make_themself_a_superuser(client, role_admin):
    data = current_form_data(client, role_admin)
    data["is_superuser"] = "on"

    client.post(change_url(role_admin), data)

    role_admin.refresh_from_db()
    assert role_admin.is_superuser is False


def test_role_administrator_cannot_make_another_member_a_superuser(client, role_admin, member):
    data = current_form_data(client, member)
    data["is_superuser"] = "on"

    client.post(change_url(member), data)

    member.refresh_from_db()
    assert member.is_superuser is False


def test_role_administrator_cannot_change_a_superusers_email(client, role_admin, admin_member):
    page = client.get(change_url(admin_member))
    data = {"username": admin_member.username, "email": "attacker@example.org"}

    response = client.post(change_url(admin_member), data)

    assert page.status_code == 200  # may still look
    assert 'name="_save"' not in page.content.decode()
    assert response.status_code == 403
    admin_member.refresh_from_db()
    assert admin_member.email != "attacker@example.org"


def test_role_administrator_cannot_change_a_superusers_password(client, role_admin, admin_member):
    response = client.post(
        f"/admin/accounts/user/{admin_member.pk}/password/",
        {"password1": "a brand new passphrase", "password2": "a brand new passphrase"},
    )

    assert response.status_code == 403


def test_role_administrator_cannot_erase_a_superuser(role_admin, admin_member):
    with pytest.raises(PermissionDenied):
        services.member_erase(actor=role_admin, member=admin_member)

    admin_member.refresh_from_db()
    assert admin_member.is_active is True


def test_erase_action_skips_superusers_for_a_role_administrator(client, role_admin, admin_member):
    member = MemberFactory()

    client.post(
        "/admin/accounts/user/",
        {"action": "erase_personal_data", "_selected_action": [member.pk, admin_member.pk]},
    )

    member.refresh_from_db()
    admin_member.refresh_from_db()
    assert member.is_active is False
    assert admin_member.is_active is True
    assert admin_member.username == "hubadmin"


def test_superuser_can_still_make_a_member_a_superuser(client, admin_member, member):
    client.force_login(admin_member)
    data = current_form_data(client, member)
    data["is_superuser"] = "on"

    client.post(change_url(member), data)

    member.refresh_from_db()
    assert member.is_superuser is True
