"""Who sees what on a profile: hub.accounts.queries.profile_view and the profile page."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.accounts import queries
from hub.accounts.queries import GUARDED_FIELDS
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

# What each guarded field shows, as queries.profile_view returns it and as the page prints it.
SHOWN = {
    "real_name": "Rosalind Franklin",
    "country": "New Zealand",
    "organisation": "Quillfeather Health Trust",
    "job_title": "Harbour pilot liaison",
    "member_type": "Researcher",
    "about": "I collect antique barometers.",
}
# A fragment that must be absent from the page when the field is hidden.
SECRET = {
    "real_name": "Rosalind",
    "country": "New Zealand",
    "organisation": "Quillfeather",
    "job_title": "Harbour pilot",
    "member_type": "Researcher",
    "about": "barometers",
}
VISIBILITIES = ["public", "members", "only_me"]
VIEWERS = ["anonymous", "other_member", "themself"]
# (visibility, viewer) -> shown?
EXPECTED = {
    ("public", "anonymous"): True,
    ("public", "other_member"): True,
    ("public", "themself"): True,
    ("members", "anonymous"): False,
    ("members", "other_member"): True,
    ("members", "themself"): True,
    ("only_me", "anonymous"): False,
    ("only_me", "other_member"): False,
    ("only_me", "themself"): True,
}
MATRIX = [
    pytest.param(field, visibility, viewer, id=f"{field}-{visibility}-{viewer}")
    for field in GUARDED_FIELDS
    for visibility in VISIBILITIES
    for viewer in VIEWERS
]


def make_subject(field: str, visibility: str):
    """A member with every guarded fact filled in; `field` has `visibility`, the rest only_me."""
    values = {f"{f}_visibility": "only_me" for f in GUARDED_FIELDS}
    values[f"{field}_visibility"] = visibility
    return MemberFactory(
        username="quietotter",
        display_name="Quiet Otter",
        first_name="Rosalind",
        last_name="Franklin",
        country="NZ",
        organisation=OrganisationFactory(name="Quillfeather Health Trust"),
        job_title="Harbour pilot liaison",
        member_type="researcher",
        about="I collect antique barometers.",
        **values,
    )


def viewer_for(kind: str, subject):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "themself":
        return subject
    return MemberFactory()


def shown_value(view, field: str) -> str:
    value = getattr(view, field)
    if field == "country":
        return value.name if value else ""
    if field == "organisation":
        return value.name if value else ""
    return value


def test_guarded_fields_are_the_six_personal_facts():
    assert set(GUARDED_FIELDS) == set(SHOWN)


@pytest.mark.parametrize(("field", "visibility", "viewer_kind"), MATRIX)
def test_profile_view_shows_a_field_only_to_viewers_its_visibility_allows(
    field, visibility, viewer_kind
):
    subject = make_subject(field, visibility)
    viewer = viewer_for(viewer_kind, subject)

    view = queries.profile_view(viewer=viewer, member=subject)

    if EXPECTED[(visibility, viewer_kind)]:
        assert view.shows(field)
        assert shown_value(view, field) == SHOWN[field]
    else:
        assert not view.shows(field)
        assert not shown_value(view, field)


@pytest.mark.parametrize(("field", "visibility", "viewer_kind"), MATRIX)
def test_profile_page_prints_a_field_only_for_viewers_its_visibility_allows(
    client, field, visibility, viewer_kind
):
    subject = make_subject(field, visibility)
    viewer = viewer_for(viewer_kind, subject)
    if viewer.is_authenticated:
        client.force_login(viewer)

    response = client.get("/members/quietotter/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Quiet Otter" in html  # the display name is always shown
    if EXPECTED[(visibility, viewer_kind)]:
        assert SHOWN[field] in html
    else:
        assert SECRET[field] not in html


def test_member_sees_the_edit_link_only_on_their_own_profile(client, member, other_member):
    client.force_login(member)

    own = client.get(member.get_absolute_url()).content.decode()
    other = client.get(other_member.get_absolute_url()).content.decode()

    assert "Edit your profile" in own
    assert "Edit your profile" not in other


def test_profile_of_a_member_with_an_unverified_email_is_not_found(client):
    unverified = MemberFactory(verified=False)

    assert client.get(f"/members/{unverified.username}/").status_code == 404


def test_profile_of_an_inactive_member_is_not_found(client):
    closed = MemberFactory(is_active=False)

    assert client.get(f"/members/{closed.username}/").status_code == 404


def test_profile_of_an_unknown_username_is_not_found(client):
    assert client.get("/members/nobody-here/").status_code == 404


def test_profile_me_redirects_to_the_members_own_profile(client, member):
    client.force_login(member)

    response = client.get("/profile/")

    assert response.status_code == 302
    assert response["Location"] == f"/members/{member.username}/"


def test_profile_me_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("signed_in", [False, True])
def test_profile_page_runs_a_bounded_number_of_queries(
    client, member, signed_in, django_assert_max_num_queries
):
    subject = MemberFactory(
        organisation=OrganisationFactory(), roles=["Member", "Editor", "Moderator"]
    )
    if signed_in:
        client.force_login(member)

    with django_assert_max_num_queries(6):
        response = client.get(subject.get_absolute_url())

    assert response.status_code == 200
    assert "Editor" in response.content.decode()
