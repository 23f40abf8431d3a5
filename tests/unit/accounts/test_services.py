"""hub/accounts/services.py: every write to members, with its permission check and audit."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from hub.accounts import services
from hub.accounts.models import Organisation, User
from hub.accounts.roles import Role
from hub.core.models import AuditEntry
from tests.factories import MemberFactory, OrganisationFactory
from tests.unit.imagefiles import GPS_IFD

from .helpers import jpeg_upload, text_upload

pytestmark = pytest.mark.django_db


# profile_update ----------------------------------------------------------------------------


def test_profile_update_changes_the_given_fields(member):
    services.profile_update(
        actor=member,
        member=member,
        data={"display_name": "Ward Sister Aisha", "job_title": "Ward sister", "country": "IE"},
    )

    member.refresh_from_db()
    assert member.display_name == "Ward Sister Aisha"
    assert member.job_title == "Ward sister"
    assert member.country.code == "IE"


def test_profile_update_writes_an_audit_entry_with_old_and_new_values(member):
    member.job_title = "Nurse"
    member.save()

    services.profile_update(
        actor=member, member=member, data={"job_title": "Ward sister", "about": "Hello"}
    )

    entry = AuditEntry.objects.get(action="accounts:profile:update")
    assert entry.actor == member
    assert entry.target_id == str(member.pk)
    assert entry.old_values == {"job_title": "Nurse", "about": ""}
    assert entry.new_values == {"job_title": "Ward sister", "about": "Hello"}


def test_profile_update_without_changes_writes_no_audit_entry(member):
    services.profile_update(actor=member, member=member, data={"display_name": member.display_name})

    assert not AuditEntry.objects.filter(action="accounts:profile:update").exists()


def test_profile_update_matches_an_existing_organisation_ignoring_case(member):
    existing = OrganisationFactory(name="Riverside Trust")

    services.profile_update(
        actor=member, member=member, data={"organisation_name": "riverside trust"}
    )

    member.refresh_from_db()
    assert member.organisation == existing
    assert Organisation.objects.filter(name__iexact="riverside trust").count() == 1


def test_profile_update_matches_an_organisation_ignoring_extra_spaces(member):
    existing = OrganisationFactory(name="Riverside Trust")

    services.profile_update(
        actor=member, member=member, data={"organisation_name": "  Riverside   trust "}
    )

    member.refresh_from_db()
    assert member.organisation == existing


def test_profile_update_creates_a_new_organisation_with_its_kind(member):
    services.profile_update(
        actor=member,
        member=member,
        data={"organisation_name": "Harbour Patient Group", "organisation_kind": "charity"},
    )

    member.refresh_from_db()
    assert member.organisation.name == "Harbour Patient Group"
    assert member.organisation.kind == "charity"
    assert AuditEntry.objects.filter(
        action="accounts:organisation:create", target_id=str(member.organisation.pk)
    ).exists()
    entry = AuditEntry.objects.get(action="accounts:profile:update")
    assert entry.old_values["organisation"] is None
    assert entry.new_values["organisation"] == "Harbour Patient Group"


def test_profile_update_with_an_empty_organisation_name_leaves_the_organisation(member):
    member.organisation = OrganisationFactory(name="Riverside Trust")
    member.save()

    services.profile_update(actor=member, member=member, data={"organisation_name": ""})

    member.refresh_from_db()
    assert member.organisation is None


def test_member_cannot_update_another_members_profile(member, other_member):
    before = User.objects.values().get(pk=other_member.pk)

    with pytest.raises(PermissionDenied):
        services.profile_update(
            actor=member,
            member=other_member,
            data={"display_name": "Hacked", "organisation_name": "Evil Corp"},
        )

    assert User.objects.values().get(pk=other_member.pk) == before
    assert not Organisation.objects.filter(name="Evil Corp").exists()
    assert not AuditEntry.objects.exists()


def test_anonymous_visitor_cannot_update_a_profile(member):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.profile_update(
            actor=AnonymousUser(), member=member, data={"display_name": "Hacked"}
        )

    member.refresh_from_db()
    assert member.display_name != "Hacked"


def test_administrator_can_update_a_members_profile(member):
    administrator = MemberFactory(roles=["Administrator"])

    services.profile_update(actor=administrator, member=member, data={"job_title": "Fixed"})

    member.refresh_from_db()
    assert member.job_title == "Fixed"
    assert AuditEntry.objects.get(action="accounts:profile:update").actor == administrator


# avatar_set / avatar_remove ----------------------------------------------------------------


def test_avatar_set_stores_a_reencoded_picture_under_a_random_name(member):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload())

    member.refresh_from_db()
    name = member.avatar.name
    assert name.startswith("avatars/")
    assert "jane" not in name.lower()
    assert "IMG_2024" not in name
    assert default_storage.exists(name)
    with default_storage.open(name, "rb") as stored, Image.open(io.BytesIO(stored.read())) as img:
        assert dict(img.getexif()) == {}
        assert img.getexif().get_ifd(GPS_IFD) == {}
        assert "exif" not in img.info


def test_two_uploads_of_the_same_file_get_different_names(member, other_member):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload("me.jpg"))
    services.avatar_set(actor=other_member, member=other_member, upload=jpeg_upload("me.jpg"))

    member.refresh_from_db()
    other_member.refresh_from_db()
    assert member.avatar.name != other_member.avatar.name


def test_avatar_set_replaces_and_deletes_the_old_picture(
    member, django_capture_on_commit_callbacks
):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload())
    member.refresh_from_db()
    old_name = member.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_set(actor=member, member=member, upload=jpeg_upload())

    member.refresh_from_db()
    assert member.avatar.name != old_name
    assert default_storage.exists(member.avatar.name)
    assert not default_storage.exists(old_name)
    entry = AuditEntry.objects.filter(action="accounts:avatar:set").first()
    assert entry.old_values == {"avatar": old_name}
    assert entry.new_values == {"avatar": member.avatar.name}


def test_avatar_set_with_a_non_image_is_refused_and_keeps_the_old_picture(
    member, django_capture_on_commit_callbacks
):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload())
    member.refresh_from_db()
    old_name = member.avatar.name

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.avatar_set(actor=member, member=member, upload=text_upload())

    member.refresh_from_db()
    assert member.avatar.name == old_name
    assert default_storage.exists(old_name)
    assert AuditEntry.objects.filter(action="accounts:avatar:set").count() == 1


def test_member_cannot_set_another_members_picture(member, other_member):
    with pytest.raises(PermissionDenied):
        services.avatar_set(actor=member, member=other_member, upload=jpeg_upload())

    other_member.refresh_from_db()
    assert not other_member.avatar


def test_avatar_remove_clears_the_picture_and_deletes_the_file(
    member, django_capture_on_commit_callbacks
):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload())
    member.refresh_from_db()
    old_name = member.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_remove(actor=member, member=member)

    member.refresh_from_db()
    assert not member.avatar
    assert not default_storage.exists(old_name)
    assert AuditEntry.objects.filter(action="accounts:avatar:remove").exists()


# account_request_deletion ------------------------------------------------------------------


def test_requesting_deletion_closes_the_account_and_emails_the_member(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_deletion(actor=member, member=member, reason="Moving on")

    member.refresh_from_db()
    assert member.is_active is False
    assert member.deletion_requested_at is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    assert "closed" in mailoutbox[0].subject
    assert member.public_name in mailoutbox[0].body
    entry = AuditEntry.objects.get(action="accounts:member:request_deletion")
    assert entry.actor == member
    assert entry.reason == "Moving on"


@pytest.mark.parametrize("actor_kind", ["other_member", "administrator"])
def test_only_the_member_themself_can_request_deletion(
    member, other_member, actor_kind, mailoutbox, django_capture_on_commit_callbacks
):
    actor = other_member if actor_kind == "other_member" else MemberFactory(is_superuser=True)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.account_request_deletion(actor=actor, member=member)

    member.refresh_from_db()
    assert member.is_active is True
    assert member.deletion_requested_at is None
    assert mailoutbox == []


# member_erase ------------------------------------------------------------------------------


def test_admin_erase_blanks_personal_data_and_keeps_an_inactive_row(
    admin_member, member, django_capture_on_commit_callbacks
):
    services.avatar_set(actor=member, member=member, upload=jpeg_upload())
    member.refresh_from_db()
    avatar_name = member.avatar.name
    member.organisation = OrganisationFactory()
    member.job_title, member.about, member.country, member.member_type = (
        "Nurse",
        "About me",
        "GB",
        "staff",
    )
    member.save()
    member.groups.add(Group.objects.get(name="Editor"))
    original = {"username": member.username, "email": member.email}

    with django_capture_on_commit_callbacks(execute=True):
        services.member_erase(actor=admin_member, member=member, reason="Asked by the member")

    erased = User.objects.get(pk=member.pk)
    assert erased.is_active is False
    assert erased.username != original["username"]
    assert erased.username.startswith("deleted-")
    assert erased.email.endswith("@invalid.invalid")
    assert erased.display_name == "Deleted member"
    assert (erased.first_name, erased.last_name, erased.job_title, erased.about) == ("",) * 4
    assert erased.member_type == ""
    assert not erased.country
    assert erased.organisation is None
    assert not erased.avatar
    assert not erased.has_usable_password()
    assert not EmailAddress.objects.filter(user=erased).exists()
    assert not EmailAddress.objects.filter(email=original["email"]).exists()
    assert not erased.groups.exists()
    assert not default_storage.exists(avatar_name)
    entry = AuditEntry.objects.get(action="accounts:member:erase")
    assert entry.actor == admin_member
    assert original["email"] not in entry.target_repr


def test_administrator_role_can_erase_a_member(member):
    administrator = MemberFactory(roles=["Administrator"])

    services.member_erase(actor=administrator, member=member)

    member.refresh_from_db()
    assert member.is_active is False


def test_member_cannot_erase_another_member(member, other_member):
    with pytest.raises(PermissionDenied):
        services.member_erase(actor=member, member=other_member)

    other_member.refresh_from_db()
    assert other_member.is_active is True
    assert EmailAddress.objects.filter(user=other_member).exists()


def test_administrator_cannot_erase_themself(admin_member):
    with pytest.raises(PermissionDenied):
        services.member_erase(actor=admin_member, member=admin_member)

    admin_member.refresh_from_db()
    assert admin_member.is_active is True


# member_set_roles --------------------------------------------------------------------------


def test_setting_the_administrator_role_makes_a_member_staff(admin_member, member):
    services.member_set_roles(
        actor=admin_member, member=member, roles=[Role.MEMBER, Role.ADMINISTRATOR]
    )

    member.refresh_from_db()
    assert set(member.groups.values_list("name", flat=True)) == {"Member", "Administrator"}
    assert member.is_staff is True
    entry = AuditEntry.objects.get(action="accounts:member:set_roles")
    assert entry.new_values == {"roles": ["Administrator", "Member"]}


def test_removing_the_administrator_role_removes_staff_status(admin_member):
    member = MemberFactory(is_staff=True, roles=["Administrator"])

    services.member_set_roles(actor=admin_member, member=member, roles=[Role.EDITOR])

    member.refresh_from_db()
    assert list(member.groups.values_list("name", flat=True)) == ["Editor"]
    assert member.is_staff is False
    entry = AuditEntry.objects.get(action="accounts:member:set_roles")
    assert entry.old_values == {"roles": ["Administrator"]}


def test_member_cannot_set_roles(member, other_member):
    with pytest.raises(PermissionDenied):
        services.member_set_roles(actor=member, member=other_member, roles=[Role.ADMINISTRATOR])
    with pytest.raises(PermissionDenied):
        services.member_set_roles(actor=member, member=member, roles=[Role.ADMINISTRATOR])

    member.refresh_from_db()
    assert not member.groups.filter(name="Administrator").exists()
    assert member.is_staff is False


def test_erasing_a_member_removes_their_two_step_sign_in_and_scrubs_earlier_audit_values(
    admin_member, member
):
    from allauth.mfa.models import Authenticator

    from hub.core.models import AuditEntry

    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    services.profile_update(actor=member, member=member, data={"job_title": "Theatre nurse"})
    services.member_erase(actor=admin_member, member=member, reason="Asked by the member")

    assert not Authenticator.objects.filter(user=member).exists()
    entries = AuditEntry.objects.filter(target_id=str(member.pk), action="accounts:profile:update")
    assert entries.exists()
    assert all("Theatre nurse" not in str(e.old_values) + str(e.new_values) for e in entries)


def test_the_administrator_role_cannot_edit_group_permissions():
    from django.contrib.auth.models import Group

    administrators = Group.objects.get(name="Administrator")
    codenames = set(administrators.permissions.values_list("codename", flat=True))
    assert "change_group" not in codenames and "view_group" in codenames
