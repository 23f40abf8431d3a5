"""Network pages: what each visitor sees of each kind of network, the forms, bounded queries."""

import pytest
from django.urls import reverse

from hub.networks import services
from hub.networks.models import Invitation, JoinRequest, Membership
from hub.notifications.models import Notification
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

KINDS = ["open_network", "request_network", "listed_private", "unlisted_private"]
VIEWERS = ["anonymous", "outsider", "member", "leader", "admin"]
CONTENT_MARK = "Latest discussions"


@pytest.fixture
def as_viewer(client, request, leader, admin_member, add_member):
    """Sign in the client as one kind of viewer of the network; returns the client."""

    def sign_in(who: str, network):
        user = {
            "anonymous": lambda: None,
            "outsider": lambda: MemberFactory(),
            "member": lambda: add_member(network),
            "leader": lambda: leader,
            "admin": lambda: admin_member,
        }[who]()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


def url(name: str, network) -> str:
    return reverse(f"networks:{name}", kwargs={"slug": network.slug})


# Who sees what -----------------------------------------------------------------------------

OVERVIEW = {
    # kind: {viewer: (status, sees content)}
    "open_network": {"anonymous": (200, False), "outsider": (200, False)},
    "request_network": {"anonymous": (200, False), "outsider": (200, False)},
    "listed_private": {"anonymous": (200, False), "outsider": (200, False)},
    "unlisted_private": {"anonymous": (404, False), "outsider": (404, False)},
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", VIEWERS)
def test_the_overview_shows_content_to_members_leaders_and_site_admins_only(
    request, as_viewer, kind, who
):
    network = request.getfixturevalue(kind)
    client = as_viewer(who, network)

    response = client.get(network.get_absolute_url())

    status, sees_content = OVERVIEW[kind].get(who, (200, True))
    assert response.status_code == status
    html = response.content.decode()
    assert (CONTENT_MARK in html) is sees_content
    assert ("Leave network" in html) is (who in {"member", "leader"})
    assert (url("manage", network) in html) is (who in {"leader", "admin"})


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_outsiders_of_a_listed_private_network_see_its_name_purpose_and_nothing_else(
    as_viewer, listed_private, leader, who
):
    html = as_viewer(who, listed_private).get(listed_private.get_absolute_url()).content.decode()

    assert listed_private.name in html and listed_private.purpose in html
    assert "By invitation only" in html
    assert "1 member from" not in html
    assert leader.public_name not in html


def test_outsiders_of_a_by_request_network_see_the_criteria_and_the_question(
    as_viewer, request_network
):
    html = as_viewer("outsider", request_network).get(url("detail", request_network))
    text = html.content.decode()

    assert "Patient Safety Partners working with a care organisation." in text
    assert "Which organisation do you work with as a Patient Safety Partner?" in text
    assert "Ask to join" in text
    assert "1 member from 0 organisations" in text


def test_visitors_are_asked_to_sign_in_to_join(client, open_network):
    html = client.get(url("detail", open_network)).content.decode()

    assert "Sign in to join" in html
    assert f"/accounts/login/?next=/networks/{open_network.slug}/" in html


MEMBERS_ONLY = ["discussions", "resources", "members"]


@pytest.mark.parametrize("page", [*MEMBERS_ONLY, "manage"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", VIEWERS)
def test_members_only_pages_answer_each_viewer(request, as_viewer, page, kind, who):
    network = request.getfixturevalue(kind)
    client = as_viewer(who, network)

    response = client.get(url(page, network))

    expected = {
        "anonymous": 302,  # to sign in, for every slug, so nothing is revealed
        "outsider": 404,
        "member": 403 if page == "manage" else 200,
        "leader": 200,
        "admin": 200,
    }[who]
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


def test_a_missing_network_is_404(client):
    assert client.get("/networks/no-such-network/").status_code == 404


# The networks page --------------------------------------------------------------------------


def test_the_networks_page_lists_what_a_visitor_may_know_with_counts(
    client, open_network, request_network, listed_private, unlisted_private, add_member
):
    add_member(open_network, MemberFactory(organisation=OrganisationFactory()))

    html = client.get("/networks/").content.decode()

    assert open_network.name in html and request_network.name in html
    assert listed_private.name in html and "By invitation only" in html
    assert unlisted_private.name not in html
    assert "2 members from 1 organisation" in html
    assert "My networks" not in html


def test_members_find_their_networks_and_unlisted_ones_they_belong_to(
    client, open_network, unlisted_private, add_member
):
    member = add_member(unlisted_private)
    client.force_login(member)

    html = client.get("/networks/").content.decode()

    mine = html.split('id="mine-heading"')[1].split('id="all-heading"')[0]
    assert unlisted_private.name in mine and open_network.name not in mine


def test_sub_networks_are_nested_under_their_parent(client, make_network, open_network):
    child = make_network("open", "Managers in the north", parent=open_network)

    html = client.get("/networks/").content.decode()

    nested = html.split(f"Sub-networks of {open_network.name}")[1]
    assert child.name in nested.split("</ul>")[0]


def test_the_networks_page_runs_a_bounded_number_of_queries(
    client, make_network, add_member, django_assert_max_num_queries
):
    member = MemberFactory()
    client.force_login(member)

    def grow(n: int, start: int):
        for i in range(start, start + n):
            network = make_network("open", f"Network {i}")
            add_member(network, member)
            for _ in range(3):
                add_member(network, MemberFactory(organisation=OrganisationFactory()))
            make_network("open", f"Network {i} north", parent=network)

    grow(2, 0)
    with django_assert_max_num_queries(8):
        assert client.get("/networks/").status_code == 200
    grow(12, 2)
    with django_assert_max_num_queries(8):
        html = client.get("/networks/").content.decode()
    assert "Network 13 north" in html


def test_the_members_page_runs_a_bounded_number_of_queries_and_labels_roles(
    client, open_network, leader, add_member, django_assert_max_num_queries
):
    client.force_login(leader)
    add_member(open_network, role="moderator")
    with django_assert_max_num_queries(10):
        assert client.get(url("members", open_network)).status_code == 200
    for _ in range(30):
        add_member(open_network, MemberFactory(organisation=OrganisationFactory()))
    with django_assert_max_num_queries(10):
        response = client.get(url("members", open_network))
    html = response.content.decode()
    assert "32 members from 30 organisations" in html
    assert html.count('class="role-label role-leader"') == 1
    assert html.count('class="role-label role-moderator"') == 1


def test_the_members_page_is_paginated(client, open_network, leader, add_member):
    for _ in range(55):
        add_member(open_network)
    client.force_login(leader)

    first = client.get(url("members", open_network)).content.decode()
    second = client.get(url("members", open_network), {"page": 2}).content.decode()

    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="avatar avatar-small') == 50
    assert second.count('class="avatar avatar-small') == 6


def test_the_members_page_hides_organisations_members_keep_private(
    client, open_network, leader, add_member
):
    secret = OrganisationFactory(name="Quiet Valley Hospice")
    add_member(open_network, MemberFactory(organisation=secret, organisation_visibility="only_me"))
    client.force_login(leader)

    html = client.get(url("members", open_network)).content.decode()

    assert "Quiet Valley Hospice" not in html
    assert "2 members from 1 organisation" in html


def test_the_overview_and_manage_pages_run_bounded_queries(
    client, request_network, leader, add_member, django_assert_max_num_queries
):
    def grow(n: int):
        for i in range(n):
            add_member(request_network, MemberFactory(organisation=OrganisationFactory()))
            services.request_create(
                actor=MemberFactory(), network=request_network, answer=f"Answer {i}"
            )

    client.force_login(leader)
    grow(1)
    with django_assert_max_num_queries(20):
        assert client.get(url("detail", request_network)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("manage", request_network)).status_code == 200
    grow(20)
    with django_assert_max_num_queries(20):
        assert client.get(url("detail", request_network)).status_code == 200
    with django_assert_max_num_queries(12):
        html = client.get(url("manage", request_network)).content.decode()
    assert html.count('class="join-request"') == 21


# Joining and deciding through the pages ----------------------------------------------------


def test_joining_an_open_network_from_its_page(client, open_network, member):
    client.force_login(member)

    response = client.post(url("join", open_network), follow=True)

    assert Membership.objects.filter(user=member, network=open_network).exists()
    assert f"Welcome to {open_network.name}" in response.content.decode()
    assert CONTENT_MARK in response.content.decode()


def test_joining_twice_from_the_page_shows_a_message(client, open_network, member):
    client.force_login(member)
    client.post(url("join", open_network))

    response = client.post(url("join", open_network), follow=True)

    assert "already a member" in response.content.decode()
    assert Membership.objects.filter(user=member).count() == 1


def test_asking_to_join_without_an_answer_shows_the_question_again(client, request_network, member):
    client.force_login(member)

    response = client.post(url("join", request_network), {"answer": " "})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Please answer the question" in html and 'class="field-error"' in html
    assert not JoinRequest.objects.exists()


def test_asking_to_join_with_an_answer_waits_for_the_leaders(client, request_network, member):
    client.force_login(member)

    response = client.post(url("join", request_network), {"answer": "Riverside Trust"}, follow=True)

    html = response.content.decode()
    assert "is with its leaders" in html and "Withdraw my request" in html
    assert JoinRequest.objects.get(user=member).answer == "Riverside Trust"


def test_nobody_joins_a_private_network_through_the_join_button(
    client, listed_private, unlisted_private, member
):
    client.force_login(member)

    listed = client.post(url("join", listed_private), follow=True)
    unlisted = client.post(url("join", unlisted_private))

    assert "invitation only" in listed.content.decode()
    assert unlisted.status_code == 404
    assert not Membership.objects.filter(user=member).exists()


def test_the_leader_approves_from_the_manage_page(client, request_network, leader, member):
    join_request = services.request_create(
        actor=member, network=request_network, answer="Riverside Trust"
    )
    client.force_login(leader)
    manage = client.get(url("manage", request_network)).content.decode()
    assert "Riverside Trust" in manage

    decide = reverse(
        "networks:request_decide",
        kwargs={"slug": request_network.slug, "pk": join_request.pk, "decision": "approve"},
    )
    response = client.post(decide, follow=True)

    assert "is now a member" in response.content.decode()
    assert Membership.objects.filter(user=member, network=request_network).exists()
    again = client.post(decide, follow=True)
    assert "already been approved" in again.content.decode()


def test_declining_from_the_manage_page_needs_a_reason(client, request_network, leader, member):
    join_request = services.request_create(actor=member, network=request_network, answer="Me")
    client.force_login(leader)
    decide = reverse(
        "networks:request_decide",
        kwargs={"slug": request_network.slug, "pk": join_request.pk, "decision": "decline"},
    )

    empty = client.post(decide, {"reason": ""}, follow=True)
    join_request.refresh_from_db()
    assert "Give a reason" in empty.content.decode() and join_request.status == "pending"

    client.post(decide, {"reason": "Only for partners."})
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    assert Notification.objects.get(recipient=member, kind="networks:request:declined").body
    assert "Only for partners." in (
        Notification.objects.get(recipient=member, kind="networks:request:declined").body
    )


def test_a_member_cannot_decide_on_requests(client, request_network, member, add_member):
    join_request = services.request_create(actor=member, network=request_network, answer="Me")
    plain = add_member(request_network)
    client.force_login(plain)

    response = client.post(
        reverse(
            "networks:request_decide",
            kwargs={"slug": request_network.slug, "pk": join_request.pk, "decision": "approve"},
        )
    )

    assert response.status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_inviting_by_email_answers_the_same_whoever_uses_the_address(
    client, listed_private, leader
):
    """Issue 21, item 5: a leader learns neither whether an address is registered nor a name."""
    MemberFactory(email="known@example.org", display_name="Kim Known", username="kimknown")
    client.force_login(leader)
    pages = []
    for address in ["known@example.org", "stranger@example.org"]:
        response = client.post(url("invite", listed_private), {"who": address}, follow=True)
        html = response.content.decode()
        assert response.status_code == 200 and f"Invitation sent to {address}." in html
        pages.append((response.redirect_chain, html.replace(address, "ADDRESS")))
    assert pages[0][0] == pages[1][0]
    assert "Kim Known" not in pages[0][1] and "kimknown" not in pages[0][1]
    assert Invitation.objects.filter(email="stranger@example.org", invited_user=None).exists()


def test_an_invited_member_accepts_from_their_invitations_page(client, listed_private, leader):
    guest = MemberFactory()
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=guest.username
    )
    client.force_login(guest)
    page = client.get("/networks/invitations/").content.decode()
    assert listed_private.name in page

    response = client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk, "answer": "accept"}),
        follow=True,
    )

    assert CONTENT_MARK in response.content.decode()
    assert Membership.objects.filter(user=guest, network=listed_private).exists()


def test_nobody_answers_someone_elses_invitation(client, listed_private, leader, member):
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=MemberFactory().username
    )
    client.force_login(member)

    response = client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk, "answer": "accept"})
    )

    assert response.status_code == 404


def test_the_last_leader_sees_why_they_cannot_leave_or_be_demoted(client, open_network, leader):
    client.force_login(leader)

    left = client.post(url("leave", open_network), follow=True).content.decode()
    demoted = client.post(
        reverse("networks:member_role", kwargs={"slug": open_network.slug, "user_id": leader.pk}),
        {"role": "member"},
        follow=True,
    ).content.decode()
    removed = client.post(
        reverse("networks:member_remove", kwargs={"slug": open_network.slug, "user_id": leader.pk}),
        follow=True,
    ).content.decode()

    for html in (left, demoted, removed):
        assert "needs at least one leader" in html
    assert Membership.objects.get(user=leader).role == "leader"


def test_leaders_appoint_and_remove_from_the_manage_page(client, open_network, leader, add_member):
    member = add_member(open_network)
    client.force_login(leader)
    kwargs = {"slug": open_network.slug, "user_id": member.pk}

    client.post(reverse("networks:member_role", kwargs=kwargs), {"role": "moderator"})
    assert Membership.objects.get(user=member).role == "moderator"
    client.post(reverse("networks:member_remove", kwargs=kwargs))
    assert not Membership.objects.filter(user=member).exists()


def test_a_member_leaves_from_the_overview(client, open_network, add_member):
    member = add_member(open_network)
    client.force_login(member)

    response = client.post(url("leave", open_network), follow=True)

    assert "You have left" in response.content.decode()
    assert not Membership.objects.filter(user=member).exists()


def test_staff_start_a_network_from_the_networks_page(client, db):
    staff = MemberFactory(is_staff=True)
    client.force_login(staff)
    assert "Start a network" in client.get("/networks/").content.decode()

    response = client.post(
        "/networks/new/",
        {"name": "Medicines safety officers", "purpose": "Medication safety.", "kind": "request"},
        follow=True,
    )

    assert "You are its leader" in response.content.decode()
    assert Membership.objects.get(user=staff).role == "leader"


def test_members_who_are_not_staff_cannot_open_the_new_network_page(client, member):
    client.force_login(member)

    assert client.get("/networks/new/").status_code == 403
    assert "Start a network" not in client.get("/networks/").content.decode()


def test_discussions_and_resources_pages_link_to_where_members_write(client, open_network, leader):
    client.force_login(leader)

    discussions = client.get(url("discussions", open_network)).content.decode()
    resources = client.get(url("resources", open_network)).content.decode()

    assert f'href="/community/network/{open_network.slug}/new/"' in discussions
    assert f'href="/library/share/?network={open_network.slug}"' in resources


# Upcoming events on the network's page -----------------------------------------------------


def network_event(leader, network, title, **overrides):
    from tests.unit.events.helpers import make_event

    return make_event(leader, network=network, title=title, **overrides)


def test_members_see_the_networks_next_events_soonest_first_each_once(
    client, open_network, leader, add_member
):
    from datetime import datetime

    from hub.events import services as events
    from hub.events.models import Repeat
    from tests.unit.events.helpers import make_event

    network_event(leader, open_network, "Friday drop-in", repeat=Repeat.WEEKLY, repeat_count=10)
    network_event(
        leader,
        open_network,
        "Spring conference",
        local_start=datetime(2029, 3, 1, 9, 0),
        local_end=datetime(2029, 3, 1, 17, 0),
    )
    over = network_event(
        leader,
        open_network,
        "Long finished",
        local_start=datetime(2020, 3, 1, 9, 0),
        local_end=datetime(2020, 3, 1, 10, 0),
    )
    cancelled = network_event(leader, open_network, "Called off")
    events.event_cancel(actor=leader, event=cancelled, reason="Speaker unwell")
    make_event(MemberFactory(roles=["Editor"]), title="A public webinar")
    client.force_login(add_member(open_network))

    html = client.get(open_network.get_absolute_url()).content.decode()

    section = html.split('id="events-heading"')[1].split("</section>")[0]
    assert section.index("Spring conference") < section.index("Friday drop-in")
    assert section.count("Friday drop-in") == 1
    assert "Called off" in section and "Cancelled" in section
    assert over.title not in section and "A public webinar" not in section
    assert "Friday 4 January 2030, 12:30" in section
    assert "Times are shown in <strong>Europe/London</strong> time." in section


def test_the_page_lists_at_most_five_events_and_says_when_there_are_none(
    client, open_network, leader, add_member
):
    from datetime import datetime

    client.force_login(add_member(open_network))
    assert (
        "No events are planned yet." in client.get(open_network.get_absolute_url()).content.decode()
    )
    for day in range(1, 8):
        network_event(
            leader,
            open_network,
            f"Session on day {day}",
            local_start=datetime(2030, 2, day, 10, 0),
            local_end=datetime(2030, 2, day, 11, 0),
        )

    html = client.get(open_network.get_absolute_url()).content.decode()

    assert [f"Session on day {d}" in html for d in range(1, 8)] == [True] * 5 + [False] * 2


def test_times_are_shown_in_the_members_own_time_zone(client, open_network, leader, add_member):
    from hub.events import services as events

    member = add_member(open_network)
    events.calendar_preference_set(actor=member, time_zone="America/New_York")
    network_event(leader, open_network, "Friday drop-in")
    client.force_login(member)

    html = client.get(open_network.get_absolute_url()).content.decode()

    assert "Friday 4 January 2030, 07:30" in html  # 12:30 in London
    assert "<strong>America/New_York</strong>" in html


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_non_members_never_see_a_networks_events(as_viewer, open_network, leader, who):
    network_event(leader, open_network, "Members-only drop-in")
    client = as_viewer(who, open_network)

    html = client.get(open_network.get_absolute_url()).content.decode()

    assert "Members-only drop-in" not in html and 'id="events-heading"' not in html


def test_leaders_get_a_link_to_add_an_event_to_their_network(
    client, open_network, leader, add_member
):
    client.force_login(leader)
    add_link = f"/events/new/?network={open_network.slug}"
    assert add_link in client.get(open_network.get_absolute_url()).content.decode()
    client.force_login(add_member(open_network))
    assert add_link not in client.get(open_network.get_absolute_url()).content.decode()


QUERY_BOUND_WITH_EVENTS = 24  # whatever the number of events


def test_the_network_page_with_events_runs_a_bounded_number_of_queries(
    client, open_network, leader, add_member, django_assert_max_num_queries
):
    from hub.events import recurrence
    from hub.events import services as events
    from hub.events.models import Repeat

    member = add_member(open_network)
    client.force_login(member)

    def grow(n: int, start: int):
        for i in range(start, start + n):
            event = network_event(
                leader, open_network, f"Drop-in {i}", repeat=Repeat.WEEKLY, repeat_count=4
            )
            first, second = recurrence.occurrence_starts(event)[:2]
            events.occurrence_cancel(actor=leader, event=event, start=first, reason="Holiday")
            events.registration_create(actor=member, event=event, start=second)

    grow(1, 0)
    with django_assert_max_num_queries(QUERY_BOUND_WITH_EVENTS):
        assert client.get(open_network.get_absolute_url()).status_code == 200
    grow(10, 1)
    with django_assert_max_num_queries(QUERY_BOUND_WITH_EVENTS):
        html = client.get(open_network.get_absolute_url()).content.decode()
    assert html.count("You are registered") == 5
