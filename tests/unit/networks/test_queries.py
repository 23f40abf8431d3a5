"""Reads of networks: who may know about which network, counts, members, requests."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.functional import SimpleLazyObject

from hub.networks import access, queries, services
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def all_kinds(open_network, request_network, listed_private, unlisted_private):
    return open_network, request_network, listed_private, unlisted_private


def names(networks):
    return sorted(n.name for n in networks)


def test_visitors_know_open_by_request_and_listed_private_networks_only(all_kinds):
    listed = queries.networks_listed_for(AnonymousUser())

    assert names(listed) == [
        "Board safety champions",
        "Patient Safety Partners",
        "Patient safety managers",
    ]


def test_a_listed_private_network_shows_no_details_to_non_members(all_kinds, member):
    by_name = {n.name: n for n in queries.networks_listed_for(member)}

    assert by_name["Board safety champions"].shows_details is False
    assert by_name["Patient safety managers"].shows_details is True


def test_members_of_an_unlisted_network_see_it_and_their_role(all_kinds, add_member):
    *_, unlisted = all_kinds
    member = add_member(unlisted, role="moderator")

    listed = {n.name: n for n in queries.networks_listed_for(member)}

    assert listed[unlisted.name].viewer_role == "moderator"
    assert listed[unlisted.name].shows_details is True


def test_site_admins_know_every_network(all_kinds, admin_member):
    assert len(queries.networks_listed_for(admin_member)) == 4


def test_the_directory_nests_sub_networks_and_lists_my_networks(
    make_network, open_network, unlisted_private, add_member
):
    north = make_network("open", "Managers in the north", parent=open_network)
    hidden_child = make_network("open", "Open child of a hidden network", parent=unlisted_private)
    member = add_member(north)

    directory = queries.network_directory(member)

    top = {n.name: n for n in directory.networks}
    assert [c.name for c in top[open_network.name].sub_networks] == [north.name]
    assert north.name not in top
    # Its parent is unknown to this member, so the open sub-network stands on its own.
    assert hidden_child.name in top
    assert [n.name for n in directory.mine] == [north.name]


def test_member_counts_count_active_members_and_distinct_organisations(open_network, add_member):
    trust, charity = OrganisationFactory(), OrganisationFactory()
    add_member(open_network, MemberFactory(organisation=trust))
    add_member(open_network, MemberFactory(organisation=trust))
    add_member(open_network, MemberFactory(organisation=charity))
    gone = add_member(open_network, MemberFactory(organisation=OrganisationFactory()))
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)  # deactivated since

    # The leader (no organisation) and three active members.
    assert queries.member_counts(open_network) == (4, 2)
    listed = {n.pk: n for n in queries.networks_listed_for(AnonymousUser())}
    assert (listed[open_network.pk].member_count, listed[open_network.pk].organisation_count) == (
        4,
        2,
    )


def test_network_for_page_hides_unlisted_private_networks_from_non_members(
    unlisted_private, member, add_member, admin_member
):
    assert queries.network_for_page(AnonymousUser(), unlisted_private.slug) is None
    assert queries.network_for_page(member, unlisted_private.slug) is None
    insider = add_member(unlisted_private)
    assert queries.network_for_page(insider, unlisted_private.slug).can_see_content
    admin_page = queries.network_for_page(admin_member, unlisted_private.slug)
    assert admin_page.can_manage and not admin_page.is_member


def test_network_for_page_says_what_each_viewer_may_do(request_network, leader, member):
    services.request_create(actor=member, network=request_network, answer="I am a partner.")

    outsider = queries.network_for_page(member, request_network.slug)
    boss = queries.network_for_page(leader, request_network.slug)

    assert (outsider.is_member, outsider.can_see_content, outsider.can_manage) == (
        False,
        False,
        False,
    )
    assert outsider.pending_request is not None and outsider.shows_details
    assert (boss.role, boss.role_label, boss.can_manage, boss.can_see_content) == (
        "leader",
        "Leader",
        True,
        True,
    )


def test_members_of_refuses_non_members_and_lists_leaders_first(
    open_network, leader, member, add_member
):
    aaron = add_member(open_network, MemberFactory(display_name="Aaron"))
    zed = add_member(open_network, MemberFactory(display_name="Zed"), role="moderator")

    with pytest.raises(PermissionDenied):
        queries.members_of(member, open_network)
    rows = list(queries.members_of(aaron, open_network))
    assert [m.user for m in rows] == [leader, zed, aaron]


def test_pending_requests_are_for_leaders_and_site_admins(
    request_network, leader, member, admin_member, add_member
):
    services.request_create(actor=member, network=request_network, answer="I am a partner.")
    plain = add_member(request_network)

    assert [r.user for r in queries.pending_requests(leader, request_network)] == [member]
    assert queries.pending_requests(admin_member, request_network).count() == 1
    with pytest.raises(PermissionDenied):
        queries.pending_requests(plain, request_network)


def test_my_invitations_lists_only_those_waiting_for_me(listed_private, open_network, leader):
    guest = MemberFactory()
    waiting = services.invitation_create(actor=leader, network=listed_private, who=guest.username)
    answered = services.invitation_create(actor=leader, network=open_network, who=guest.username)
    services.invitation_decline(actor=guest, invitation=answered)

    assert list(queries.my_invitations(guest)) == [waiting]
    assert list(queries.my_invitations(AnonymousUser())) == []


def test_a_membership_change_reaches_the_request_user_behind_its_lazy_wrapper(open_network, member):
    lazy = SimpleLazyObject(lambda: member)
    assert access.member_network_ids(lazy) == set()

    services.network_join(actor=lazy, network=open_network)

    assert access.member_network_ids(lazy) == {open_network.pk}


def test_content_reads_fall_back_when_other_apps_do_not_offer_them(open_network, leader):
    # Until hub.community and hub.library provide these reads, pages show "No ... yet".
    assert isinstance(queries.latest_discussions(leader, open_network), list)
    assert isinstance(queries.latest_resources(leader, open_network), list)


def test_content_reads_use_the_community_and_library_queries(monkeypatch, open_network, leader):
    from hub.community import queries as community_queries
    from hub.library import queries as library_queries

    calls = []

    def latest_topics(*, viewer, network, limit):
        calls.append(("topics", viewer, network, limit))
        return ["a topic"]

    def network_resources(*, viewer, network):
        calls.append(("resources", viewer, network))
        return ["r1", "r2", "r3"]

    monkeypatch.setattr(community_queries, "latest_topics", latest_topics, raising=False)
    monkeypatch.setattr(library_queries, "network_resources", network_resources, raising=False)

    assert queries.latest_discussions(leader, open_network, limit=3) == ["a topic"]
    assert queries.latest_resources(leader, open_network, limit=2) == ["r1", "r2"]
    assert calls[0] == ("topics", leader, open_network, 3)
    assert calls[1] == ("resources", leader, open_network)


def test_someone_invited_to_an_unlisted_network_sees_its_name_and_purpose_only(
    client, unlisted_private, leader
):
    guest = MemberFactory()
    services.invitation_create(actor=leader, network=unlisted_private, who=guest.username)

    page = queries.network_for_page(guest, unlisted_private.slug)

    assert page is not None and page.pending_invitation is not None
    assert not page.can_see_content and not page.shows_details
    client.force_login(guest)
    html = client.get(unlisted_private.get_absolute_url()).content.decode()
    assert unlisted_private.purpose in html and "Answer your invitation" in html
    assert client.get(f"/networks/{unlisted_private.slug}/members/").status_code == 404
