import pytest
from django.contrib.auth.models import Group

from hub.accounts.roles import Role, ensure_roles

pytestmark = pytest.mark.django_db

ROLE_NAMES = ["Member", "Topic lead", "Editor", "Moderator", "Safeguarding lead", "Administrator"]


def test_the_six_role_groups_exist():
    assert set(ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))
    assert [role.label for role in Role] == ROLE_NAMES


def test_administrator_group_can_change_members():
    administrator = Group.objects.get(name="Administrator")
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in administrator.permissions.select_related("content_type")
    }

    assert "accounts.change_user" in granted
    assert set(Role.ADMINISTRATOR.permissions) <= granted


def test_only_the_administrator_role_is_staff():
    assert [role.label for role in Role if role.is_staff] == ["Administrator"]


def test_ensure_roles_recreates_a_missing_group_and_is_idempotent():
    Group.objects.filter(name="Editor").delete()

    ensure_roles()
    ensure_roles()

    assert Group.objects.filter(name="Editor").count() == 1
    assert Group.objects.get(name="Administrator").permissions.count() == len(
        Role.ADMINISTRATOR.permissions
    )


def test_role_is_found_by_its_label():
    assert Role.from_label("Safeguarding lead") is Role.SAFEGUARDING_LEAD
    with pytest.raises(ValueError):
        Role.from_label("Overlord")
