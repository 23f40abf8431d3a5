"""Editing a profile and its picture through the pages (/profile/edit/, /profile/picture/)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from hub.accounts.models import User
from hub.core.models import AuditEntry

from .helpers import jpeg_upload, malformed_exif_upload, text_upload

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"


def form_data(member: User, **changes) -> dict:
    data = {
        "display_name": member.display_name,
        "first_name": member.first_name,
        "last_name": member.last_name,
        "country": member.country.code or "",
        "organisation_name": member.organisation.name if member.organisation else "",
        "organisation_kind": "other",
        "job_title": member.job_title,
        "member_type": member.member_type,
        "about": member.about,
        "real_name_visibility": member.real_name_visibility,
        "country_visibility": member.country_visibility,
        "organisation_visibility": member.organisation_visibility,
        "job_title_visibility": member.job_title_visibility,
        "member_type_visibility": member.member_type_visibility,
        "about_visibility": member.about_visibility,
    }
    data.update(changes)
    return data


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return member


def test_profile_edit_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/profile/edit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_profile_edit_form_starts_with_the_members_details(client, signed_in):
    signed_in.job_title = "Ward sister"
    signed_in.save()

    html = client.get("/profile/edit/").content.decode()

    assert 'value="Ward sister"' in html
    assert f'value="{signed_in.display_name}"' in html


def test_saving_the_profile_stores_it_and_shows_the_profile(client, signed_in):
    response = client.post(
        "/profile/edit/",
        form_data(
            signed_in,
            display_name="Aisha R",
            job_title="Ward sister",
            country="GB",
            organisation_name="Riverside Trust",
            about_visibility="only_me",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/members/{signed_in.username}/"
    signed_in.refresh_from_db()
    assert signed_in.display_name == "Aisha R"
    assert signed_in.job_title == "Ward sister"
    assert signed_in.country.code == "GB"
    assert signed_in.organisation.name == "Riverside Trust"
    assert signed_in.about_visibility == "only_me"
    assert AuditEntry.objects.filter(action="accounts:profile:update").exists()


@pytest.mark.parametrize("field", ["display_name", "about", "job_title", "organisation_name"])
def test_html_in_a_profile_field_is_refused_with_a_message_and_nothing_is_saved(
    client, signed_in, field
):
    before = User.objects.values().get(pk=signed_in.pk)
    typed = form_data(signed_in, first_name="Typedfirst", **{field: XSS})
    if field != "job_title":
        typed["job_title"] = "Typed job"

    response = client.post("/profile/edit/", typed)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    if field != "organisation_name":  # the organisation field has its own markup, no error id
        assert f'id="id_{field}_error"' in html
    assert "Please use plain text here: HTML tags and code are not allowed." in html
    assert XSS not in html  # never echoed unescaped
    assert escape(XSS) in html  # the typed value is kept, safely
    assert 'value="Typedfirst"' in html
    assert User.objects.values().get(pk=signed_in.pk) == before
    assert not AuditEntry.objects.exists()


def test_the_plain_text_error_sits_next_to_its_field(client, signed_in):
    html = client.post("/profile/edit/", form_data(signed_in, about=XSS)).content.decode()

    error_at = html.index('id="id_about_error"')
    field_at = html.index('name="about"')
    label_at = html.index('for="id_about"')
    assert label_at < error_at < field_at


@pytest.mark.parametrize("country", ["ZZ", "Narnia"])
def test_an_unknown_country_is_refused(client, signed_in, country):
    response = client.post("/profile/edit/", form_data(signed_in, country=country))

    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    signed_in.refresh_from_db()
    assert signed_in.country.code != country


@pytest.mark.parametrize("name", ["Anonymous", "admin", " Moderator "])
def test_a_reserved_display_name_is_refused(client, signed_in, name):
    response = client.post("/profile/edit/", form_data(signed_in, display_name=name))

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == [
        "That name is reserved. Please choose another."
    ]
    signed_in.refresh_from_db()
    assert signed_in.display_name.strip().lower() != name.strip().lower()


def test_a_missing_visibility_choice_is_refused(client, signed_in):
    data = form_data(signed_in)
    data["about_visibility"] = "everyone-in-the-world"

    response = client.post("/profile/edit/", data)

    assert "about_visibility" in response.context["form"].errors


# Picture -----------------------------------------------------------------------------------


def test_uploading_a_picture_stores_it_and_returns_to_the_edit_page(client, signed_in):
    response = client.post("/profile/picture/", {"avatar": jpeg_upload()})

    assert response.status_code == 302
    assert response["Location"] == "/profile/edit/"
    signed_in.refresh_from_db()
    assert signed_in.avatar.name.startswith("avatars/")


def test_uploading_a_photo_with_malformed_exif_stores_it(client, signed_in):
    response = client.post("/profile/picture/", {"avatar": malformed_exif_upload()})

    assert response.status_code == 302
    signed_in.refresh_from_db()
    assert signed_in.avatar.name.startswith("avatars/")


def test_uploading_a_non_image_is_refused_with_a_clear_message(client, signed_in):
    client.post("/profile/picture/", {"avatar": jpeg_upload()})
    signed_in.refresh_from_db()
    old_name = signed_in.avatar.name

    response = client.post("/profile/picture/", {"avatar": text_upload()})

    assert response.status_code == 400
    assert "This file is not a picture we can read." in response.content.decode()
    signed_in.refresh_from_db()
    assert signed_in.avatar.name == old_name


def test_uploading_a_file_over_5_mb_is_refused_with_a_clear_message(client, signed_in):
    client.post("/profile/picture/", {"avatar": jpeg_upload()})
    signed_in.refresh_from_db()
    old_name = signed_in.avatar.name
    big = SimpleUploadedFile(
        "huge.jpg", b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024), content_type="image/jpeg"
    )

    response = client.post("/profile/picture/", {"avatar": big})

    assert response.status_code == 400
    assert "This file is too large: the limit is 5 MB." in response.content.decode()
    signed_in.refresh_from_db()
    assert signed_in.avatar.name == old_name


def test_uploading_without_a_file_is_refused(client, signed_in):
    response = client.post("/profile/picture/", {})

    assert response.status_code == 400
    assert response.context["avatar_form"].errors["avatar"]


def test_picture_upload_only_accepts_post(client, signed_in):
    assert client.get("/profile/picture/").status_code == 405


def test_removing_the_picture_clears_it(client, signed_in):
    client.post("/profile/picture/", {"avatar": jpeg_upload()})

    response = client.post("/profile/picture/remove/")

    assert response.status_code == 302
    signed_in.refresh_from_db()
    assert not signed_in.avatar
