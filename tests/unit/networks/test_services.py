"""Every write to networks: its rules, its refusals, its audit entry and who is told."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hub.core.models import AuditEntry
from hub.networks import access, services
from hub.networks.models import (
    Invitation,
    JoinRequest,
    Membership,
    Network,
)
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

ANSWER = "I am the Patient Safety Partner for Riverside Community Trust."


def role(network, user):
    return Membership.objects.filter(network=network, user=user).values_list("role", flat=True)


def notices(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind))


# Creating networks ------------------------------------------------------------------------


def test_a_site_admin_creates_a_network_and_its_creator_becomes_leader(admin_member):
    network = services.network_create(
        actor=admin_member, name="  Falls   leads ", purpose="Preventing falls together."
    )

    assert network.name == "Falls leads"
    assert network.slug == "falls-leads"
    assert list(role(network, admin_member)) == ["leader"]
    assert AuditEntry.objects.filter(action="networks:network:create").count() == 1


def test_staff_who_are_not_admins_may_create_networks_too(db):
    staff = MemberFactory(is_staff=True)

    network = services.network_create(actor=staff, name="Sepsis", purpose="Sepsis learning.")

    assert list(role(network, staff)) == ["leader"]


def test_a_member_who_is_not_staff_cannot_create_a_network(member):
    with pytest.raises(PermissionDenied, match="administrators and staff"):
        services.network_create(actor=member, name="Mine", purpose="Mine.")

    assert not Network.objects.exists()


def test_a_named_first_leader_is_told_they_lead_the_network(admin_member, leader):
    network = services.network_create(
        actor=admin_member, name="Maternity", purpose="Maternity safety.", leader=leader
    )

    assert list(role(network, leader)) == ["leader"]
    assert not Membership.objects.filter(network=network, user=admin_member).exists()
    assert notices(leader, "networks:member:role")[0].url == network.get_absolute_url()


def test_network_names_are_unique_whatever_their_case(admin_member, open_network):
    with pytest.raises(ValidationError, match="already a network"):
        services.network_create(
            actor=admin_member, name=open_network.name.upper(), purpose="Again."
        )


def test_a_network_never_takes_a_slug_the_networks_pages_use(admin_member):
    network = services.network_create(actor=admin_member, name="Invitations", purpose="Odd.")

    assert network.slug == "invitations-network"


def test_a_network_needs_a_name_a_purpose_and_a_known_kind(admin_member):
    for name, purpose, kind in [(" ", "x", "open"), ("A", " ", "open"), ("A", "x", "secret")]:
        with pytest.raises(ValidationError):
            services.network_create(actor=admin_member, name=name, purpose=purpose, kind=kind)


def test_sub_networks_go_one_level_deep(make_network, open_network):
    child = make_network("open", "Managers in the north", parent=open_network)

    with pytest.raises(ValidationError, match="one level deep"):
        make_network("open", "Managers in Leeds", parent=child)
    assert child.parent == open_network


def test_leaders_change_settings_and_the_change_is_audited(open_network, leader):
    services.network_update(
        actor=leader, network=open_network, changes={"purpose": "Weekly drop-ins."}
    )

    open_network.refresh_from_db()
    assert open_network.purpose == "Weekly drop-ins."
    entry = AuditEntry.objects.get(action="networks:network:update")
    assert entry.new_values == {"purpose": "Weekly drop-ins."}


def test_a_member_cannot_change_the_settings(open_network, add_member):
    member = add_member(open_network)

    with pytest.raises(PermissionDenied):
        services.network_update(actor=member, network=open_network, changes={"purpose": "x"})


# Joining an open network ------------------------------------------------------------------


def test_joining_an_open_network_makes_a_member_and_is_audited(open_network, member):
    membership = services.network_join(actor=member, network=open_network)

    assert membership.role == "member"
    entry = AuditEntry.objects.get(action="networks:member:join")
    assert entry.actor == member and entry.new_values["member"] == member.username


def test_joining_twice_says_so_and_makes_no_duplicate(open_network, member):
    services.network_join(actor=member, network=open_network)

    with pytest.raises(ValidationError, match="already a member"):
        services.network_join(actor=member, network=open_network)
    assert Membership.objects.filter(network=open_network, user=member).count() == 1


def test_by_request_and_private_networks_cannot_be_joined_directly(
    request_network, listed_private, member
):
    with pytest.raises(ValidationError, match="ask to join"):
        services.network_join(actor=member, network=request_network)
    with pytest.raises(ValidationError, match="invitation only"):
        services.network_join(actor=member, network=listed_private)
    assert not Membership.objects.filter(user=member).exists()


def test_joining_drops_the_network_ids_cached_on_the_member(open_network, member):
    assert access.member_network_ids(member) == set()

    services.network_join(actor=member, network=open_network)

    assert access.member_network_ids(member) == {open_network.pk}


def test_visitors_who_are_not_signed_in_cannot_join(open_network):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied, match="Sign in"):
        services.network_join(actor=AnonymousUser(), network=open_network)


# Asking to join ---------------------------------------------------------------------------


def test_asking_to_join_needs_an_answer_to_the_criteria_question(request_network, member):
    with pytest.raises(ValidationError, match="Which organisation"):
        services.request_create(actor=member, network=request_network, answer="   ")

    assert not JoinRequest.objects.exists()


def test_asking_to_join_tells_the_leaders_with_the_answer(request_network, member, leader):
    join_request = services.request_create(actor=member, network=request_network, answer=ANSWER)

    assert join_request.status == "pending"
    (notice,) = notices(leader, "networks:request")
    assert ANSWER in notice.body
    assert notice.url == f"/networks/{request_network.slug}/manage/"
    assert AuditEntry.objects.filter(action="networks:request:create").exists()


def test_only_one_request_may_wait_per_person(request_network, member):
    services.request_create(actor=member, network=request_network, answer=ANSWER)

    with pytest.raises(ValidationError, match="already asked"):
        services.request_create(actor=member, network=request_network, answer="Again")
    assert JoinRequest.objects.filter(user=member).count() == 1


def test_open_and_private_networks_take_no_requests(open_network, listed_private, member):
    with pytest.raises(ValidationError, match="join straight away"):
        services.request_create(actor=member, network=open_network, answer=ANSWER)
    with pytest.raises(ValidationError, match="invitation only"):
        services.request_create(actor=member, network=listed_private, answer=ANSWER)


def test_members_cannot_ask_to_join_again(request_network, add_member):
    member = add_member(request_network)

    with pytest.raises(ValidationError, match="already a member"):
        services.request_create(actor=member, network=request_network, answer=ANSWER)


# Deciding on requests ---------------------------------------------------------------------


@pytest.fixture
def join_request(request_network, member):
    return services.request_create(actor=member, network=request_network, answer=ANSWER)


def test_approving_makes_a_member_who_is_told_by_notification_and_email(
    join_request, leader, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_approve(actor=leader, join_request=join_request)

    join_request.refresh_from_db()
    assert join_request.status == "approved" and join_request.decided_by == leader
    assert list(role(join_request.network, member)) == ["member"]
    assert len(notices(member, "networks:request:approved")) == 1
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Welcome to Patient Safety Partners" in mailoutbox[0].subject
    assert AuditEntry.objects.filter(action="networks:request:approve").count() == 1


def test_approving_twice_says_so_and_leaves_one_membership(join_request, leader, member):
    services.request_approve(actor=leader, join_request=join_request)
    stale = JoinRequest.objects.get(pk=join_request.pk)
    stale.status = "pending"  # a second leader's page, loaded before the first decision

    with pytest.raises(ValidationError, match="already been approved"):
        services.request_approve(actor=leader, join_request=stale)
    assert Membership.objects.filter(network=join_request.network, user=member).count() == 1
    assert len(notices(member, "networks:request:approved")) == 1
    assert AuditEntry.objects.filter(action="networks:request:approve").count() == 1


def test_declining_needs_a_reason(join_request, leader):
    with pytest.raises(ValidationError, match="reason"):
        services.request_decline(actor=leader, join_request=join_request, reason="  ")

    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_the_declined_requester_is_told_the_reason(
    join_request, leader, member, mailoutbox, django_capture_on_commit_callbacks
):
    reason = "This network is for Patient Safety Partners; please try the open network."

    with django_capture_on_commit_callbacks(execute=True):
        services.request_decline(actor=leader, join_request=join_request, reason=reason)

    join_request.refresh_from_db()
    assert join_request.status == "declined" and join_request.reason == reason
    (notice,) = notices(member, "networks:request:declined")
    assert reason in notice.body
    assert len(mailoutbox) == 1 and reason in mailoutbox[0].body
    assert not Membership.objects.filter(user=member).exists()
    assert AuditEntry.objects.get(action="networks:request:decline").reason == reason


def test_a_decided_request_cannot_be_decided_again(join_request, leader):
    services.request_decline(actor=leader, join_request=join_request, reason="Not a partner.")

    with pytest.raises(ValidationError, match="already been declined"):
        services.request_approve(actor=leader, join_request=join_request)
    assert not Membership.objects.filter(user=join_request.user).exists()


def test_a_member_who_is_not_a_leader_cannot_approve(join_request, add_member):
    moderator = add_member(join_request.network, role="moderator")

    with pytest.raises(PermissionDenied, match="leaders"):
        services.request_approve(actor=moderator, join_request=join_request)
    with pytest.raises(PermissionDenied):
        services.request_decline(actor=moderator, join_request=join_request, reason="No.")
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_a_leader_of_another_network_cannot_approve(join_request, make_network):
    other_leader = MemberFactory()
    make_network("open", "Elsewhere", leader=other_leader)

    with pytest.raises(PermissionDenied):
        services.request_approve(actor=other_leader, join_request=join_request)


def test_a_site_admin_who_is_not_a_member_can_approve(join_request, admin_member, member):
    services.request_approve(actor=admin_member, join_request=join_request)

    assert list(role(join_request.network, member)) == ["member"]


def test_the_requester_can_withdraw_and_then_it_cannot_be_approved(join_request, member, leader):
    services.request_withdraw(actor=member, join_request=join_request)

    assert join_request.status == "withdrawn"
    with pytest.raises(ValidationError, match="withdrawn"):
        services.request_approve(actor=leader, join_request=join_request)


def test_only_the_requester_can_withdraw(join_request, leader):
    with pytest.raises(PermissionDenied):
        services.request_withdraw(actor=leader, join_request=join_request)


# Invitations ------------------------------------------------------------------------------


def test_leaders_invite_a_member_by_username_who_is_told(listed_private, leader):
    guest = MemberFactory(username="priya")

    invitation = services.invitation_create(actor=leader, network=listed_private, who="Priya")

    assert invitation.invited_user == guest and invitation.status == "pending"
    assert len(invitation.token) >= 32
    (notice,) = notices(guest, "networks:invitation")
    assert notice.url == "/networks/invitations/"
    assert AuditEntry.objects.filter(action="networks:invitation:create").exists()


def test_leaders_invite_by_email_address_whatever_its_case(listed_private, leader):
    guest = MemberFactory(email="Priya.Shah@example.org")

    invitation = services.invitation_create(
        actor=leader, network=listed_private, who="priya.shah@EXAMPLE.org"
    )

    assert invitation.invited_user == guest


def test_inviting_an_unknown_email_invites_them_to_join_the_hub_first(
    listed_private, leader, mailoutbox, django_capture_on_commit_callbacks
):
    """Issue 21, item 5: no "nobody uses this address"; they are asked to sign up instead."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=leader, network=listed_private, who="New@Example.org"
        )

    assert (invitation.email, invitation.invited_user, invitation.status) == (
        "new@example.org",
        None,
        "pending",
    )
    assert services.invitation_sent_message(invitation) == "Invitation sent to new@example.org."
    (message,) = mailoutbox
    assert message.to == ["new@example.org"]
    assert listed_private.name in message.subject
    assert "/accounts/signup/" in message.body and "/networks/invitations/" in message.body


def test_an_email_invitation_applies_when_they_confirm_that_address(
    listed_private, leader, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_confirmed

    invitation = services.invitation_create(
        actor=leader, network=listed_private, who="new@example.org"
    )
    newcomer = MemberFactory(email="new@example.org")
    address = EmailAddress.objects.get(user=newcomer, email="new@example.org")
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)

    invitation.refresh_from_db()
    assert invitation.invited_user == newcomer
    assert notices(newcomer, "networks:invitation")
    services.invitation_accept(actor=newcomer, invitation=invitation)
    assert listed_private.memberships.filter(user=newcomer).exists()


def test_an_unconfirmed_address_claims_nothing(listed_private, leader):
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who="new@example.org"
    )
    MemberFactory(email="new@example.org")  # signed up, not confirmed: no signal
    invitation.refresh_from_db()
    assert invitation.invited_user is None


def test_inviting_an_unknown_username_or_a_malformed_address_says_so(listed_private, leader):
    with pytest.raises(ValidationError, match="no member with the username"):
        services.invitation_create(actor=leader, network=listed_private, who="nobody-here")
    with pytest.raises(ValidationError, match="not a valid email"):
        services.invitation_create(actor=leader, network=listed_private, who="a@@b")
    assert not Invitation.objects.exists()


def test_members_and_people_already_invited_are_not_invited_again(
    listed_private, leader, add_member
):
    member = add_member(listed_private)
    guest = MemberFactory()
    services.invitation_create(actor=leader, network=listed_private, who=guest.username)

    with pytest.raises(ValidationError, match="already a member"):
        services.invitation_create(actor=leader, network=listed_private, who=member.username)
    with pytest.raises(ValidationError, match="already been invited"):
        services.invitation_create(actor=leader, network=listed_private, who=guest.username)
    # By email the answer is the same whatever the address (issue 21, item 5), and nothing new
    # is stored for a member or someone already invited.
    for who in (guest.email, member.email):
        invitation = services.invitation_create(actor=leader, network=listed_private, who=who)
        assert services.invitation_sent_message(invitation) == f"Invitation sent to {who.lower()}."
    assert Invitation.objects.count() == 1


def test_only_leaders_and_site_admins_invite(listed_private, add_member, admin_member):
    member = add_member(listed_private)
    guest = MemberFactory()

    with pytest.raises(PermissionDenied):
        services.invitation_create(actor=member, network=listed_private, who=guest.username)
    services.invitation_create(actor=admin_member, network=listed_private, who=guest.username)


def test_accepting_an_invitation_makes_a_member_and_tells_the_inviter(listed_private, leader):
    guest = MemberFactory()
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=guest.username
    )

    services.invitation_accept(actor=guest, invitation=invitation)

    assert invitation.status == "accepted"
    assert list(role(listed_private, guest)) == ["member"]
    assert access.member_network_ids(guest) == {listed_private.pk}
    assert len(notices(leader, "networks:invitation:accepted")) == 1


def test_accepting_closes_a_request_that_was_waiting(request_network, leader, member):
    services.request_create(actor=member, network=request_network, answer=ANSWER)
    invitation = services.invitation_create(
        actor=leader, network=request_network, who=member.username
    )

    services.invitation_accept(actor=member, invitation=invitation)

    assert JoinRequest.objects.get(user=member).status == "approved"


def test_only_the_invited_person_answers_and_only_once(listed_private, leader, other_member):
    guest = MemberFactory()
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=guest.username
    )

    with pytest.raises(PermissionDenied):
        services.invitation_accept(actor=other_member, invitation=invitation)
    services.invitation_accept(actor=guest, invitation=invitation)
    with pytest.raises(ValidationError, match="already accepted"):
        services.invitation_accept(actor=guest, invitation=invitation)
    with pytest.raises(ValidationError, match="already accepted"):
        services.invitation_decline(actor=guest, invitation=invitation)
    assert not Membership.objects.filter(user=other_member).exists()


def test_declining_an_invitation_tells_the_inviter_and_adds_no_one(listed_private, leader):
    guest = MemberFactory()
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=guest.username
    )

    services.invitation_decline(actor=guest, invitation=invitation)

    assert invitation.status == "declined"
    assert not Membership.objects.filter(user=guest).exists()
    assert len(notices(leader, "networks:invitation:declined")) == 1


def test_a_cancelled_invitation_cannot_be_accepted(listed_private, leader):
    guest = MemberFactory()
    invitation = services.invitation_create(
        actor=leader, network=listed_private, who=guest.username
    )
    services.invitation_cancel(actor=leader, invitation=invitation)

    with pytest.raises(ValidationError, match="cancelled"):
        services.invitation_accept(actor=guest, invitation=invitation)


# Members and roles ------------------------------------------------------------------------


def test_a_leader_removes_a_member_who_is_told_why(open_network, leader, add_member):
    member = add_member(open_network)
    access.member_network_ids(member)

    services.member_remove(
        actor=leader, network=open_network, user=member, reason="Posted patient details."
    )

    assert not Membership.objects.filter(user=member).exists()
    assert access.member_network_ids(member) == set()
    (notice,) = notices(member, "networks:member:removed")
    assert "Posted patient details." in notice.body
    assert AuditEntry.objects.get(action="networks:member:remove").reason == (
        "Posted patient details."
    )


def test_a_leader_cannot_remove_the_last_leader(open_network, leader):
    with pytest.raises(ValidationError, match="needs at least one leader"):
        services.member_remove(actor=leader, network=open_network, user=leader)

    assert list(role(open_network, leader)) == ["leader"]


def test_a_leader_can_remove_another_leader_while_one_remains(open_network, leader, add_member):
    second = add_member(open_network, role="leader")

    services.member_remove(actor=leader, network=open_network, user=second)

    assert not Membership.objects.filter(user=second).exists()


def test_removing_someone_who_is_not_a_member_says_so(open_network, leader, other_member):
    with pytest.raises(ValidationError, match="is not a member"):
        services.member_remove(actor=leader, network=open_network, user=other_member)


def test_leaders_appoint_moderators_and_leaders_who_are_told(open_network, leader, add_member):
    member = add_member(open_network)

    services.member_set_role(actor=leader, network=open_network, user=member, role="moderator")
    services.member_set_role(actor=leader, network=open_network, user=member, role="leader")

    assert list(role(open_network, member)) == ["leader"]
    titles = [n.title for n in notices(member, "networks:member:role")]
    assert any("moderator" in t for t in titles) and any("leader" in t for t in titles)
    assert AuditEntry.objects.filter(action="networks:member:role").count() == 2


def test_the_last_leader_cannot_be_demoted(open_network, leader):
    with pytest.raises(ValidationError, match="needs at least one leader"):
        services.member_set_role(actor=leader, network=open_network, user=leader, role="member")

    assert list(role(open_network, leader)) == ["leader"]


def test_a_leader_steps_down_once_another_leader_is_appointed(open_network, leader, add_member):
    member = add_member(open_network)
    services.member_set_role(actor=leader, network=open_network, user=member, role="leader")

    services.member_set_role(actor=leader, network=open_network, user=leader, role="member")

    assert list(role(open_network, leader)) == ["member"]


def test_an_unknown_role_is_refused(open_network, leader, add_member):
    member = add_member(open_network)

    with pytest.raises(ValidationError, match="Choose leader, moderator or member"):
        services.member_set_role(actor=leader, network=open_network, user=member, role="owner")


def test_moderators_and_members_cannot_change_roles_or_remove_people(open_network, add_member):
    moderator = add_member(open_network, role="moderator")
    member = add_member(open_network)

    with pytest.raises(PermissionDenied):
        services.member_set_role(
            actor=moderator, network=open_network, user=member, role="moderator"
        )
    with pytest.raises(PermissionDenied):
        services.member_remove(actor=moderator, network=open_network, user=member)


def test_only_site_admins_add_members_directly(open_network, leader, other_member):
    with pytest.raises(PermissionDenied):
        services.member_add(actor=leader, network=open_network, user=other_member)


# Leaving ----------------------------------------------------------------------------------


def test_a_member_leaves_and_the_cache_forgets_the_network(open_network, member):
    services.network_join(actor=member, network=open_network)
    assert access.member_network_ids(member) == {open_network.pk}

    services.network_leave(actor=member, network=open_network)

    assert access.member_network_ids(member) == set()
    assert AuditEntry.objects.filter(action="networks:member:leave").exists()


def test_the_last_leader_cannot_leave(open_network, leader):
    with pytest.raises(ValidationError, match="last leader cannot leave"):
        services.network_leave(actor=leader, network=open_network)

    assert list(role(open_network, leader)) == ["leader"]


def test_leaving_a_network_you_are_not_in_says_so(open_network, member):
    with pytest.raises(ValidationError, match="not a member"):
        services.network_leave(actor=member, network=open_network)
