"""A member's card in the directory and in member search (hub.accounts.cards)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.accounts.cards import member_card
from hub.accounts.queries import profile_view
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def card_of(member, viewer) -> str:
    return str(member_card(profile_view(viewer=viewer, member=member)))


@pytest.fixture
def nurse():
    return MemberFactory(
        username="amara",
        display_name="Amara <Ward 4>",
        first_name="Amara",
        last_name="Okafor",
        job_title="Ward manager",
        organisation=OrganisationFactory(name="St Elsewhere & Co"),
        country="GB",
        member_type="staff",
        real_name_visibility="members",
        job_title_visibility="public",
        organisation_visibility="members",
        country_visibility="public",
        member_type_visibility="only_me",
    )


def test_a_card_shows_what_a_signed_in_member_may_see_escaped(nurse):
    html = card_of(nurse, MemberFactory())

    assert '<a href="/members/amara/"><strong>Amara &lt;Ward 4&gt;</strong></a>' in html
    assert '<span class="meta">(Amara Okafor)</span>' in html
    assert '<div class="meta">Ward manager, St Elsewhere &amp; Co · United Kingdom</div>' in html
    assert "avatar-placeholder" in html and ">A</span>" in html
    assert "Health and care staff" not in html  # only the member sees their member type


def test_a_card_leaves_out_what_a_visitor_may_not_see(nurse):
    html = card_of(nurse, AnonymousUser())

    assert "Okafor" not in html
    assert "St Elsewhere" not in html
    assert '<div class="meta">Ward manager · United Kingdom</div>' in html


def test_members_see_everything_on_their_own_card(nurse):
    html = card_of(nurse, nurse)

    assert "(Amara Okafor)" in html
    assert "Ward manager, St Elsewhere &amp; Co · United Kingdom · Health and care staff" in html


@pytest.mark.parametrize("username", ["amara", "zoë.o'neil+ward@4", "李"])
def test_the_card_links_to_the_profile_as_reverse_would(username):
    member = MemberFactory(username=username)

    html = card_of(member, AnonymousUser())

    assert f'<a href="{member.get_absolute_url()}">' in html.replace("&#x27;", "'")


def test_country_and_member_type_follow_the_language(nurse):
    from django.utils import translation

    nurse.member_type_visibility = "public"
    with translation.override("fr"):
        french = card_of(nurse, AnonymousUser())
    english = card_of(nurse, AnonymousUser())

    assert "Royaume-Uni" in french
    assert "United Kingdom · Health and care staff" in english
