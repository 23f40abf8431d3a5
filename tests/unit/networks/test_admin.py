"""Networks in the admin: changes go through the services, so their rules and audit hold."""

import pytest
from django.contrib import admin
from django.urls import reverse

from hub.core.models import AuditEntry
from hub.networks import services
from hub.networks.models import Invitation, JoinRequest, Membership, Network
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, admin_member):
    client.force_login(admin_member)
    return client


def inline_data(network, rows, extra_new=None):
    """The POST data of the network change form with its membership inline."""
    data = {
        "name": network.name,
        "purpose": network.purpose,
        "kind": network.kind,
        "listed": "on" if network.listed else "",
        "membership_criteria": network.membership_criteria,
        "criteria_question": network.criteria_question,
        "parent": "",
        "memberships-TOTAL_FORMS": str(len(rows) + (1 if extra_new else 0)),
        "memberships-INITIAL_FORMS": str(len(rows)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for i, (membership, role, delete) in enumerate(rows):
        data[f"memberships-{i}-id"] = str(membership.pk)
        data[f"memberships-{i}-network"] = str(network.pk)
        data[f"memberships-{i}-user"] = str(membership.user_id)
        data[f"memberships-{i}-role"] = role
        if delete:
            data[f"memberships-{i}-DELETE"] = "on"
    if extra_new:
        i = len(rows)
        data[f"memberships-{i}-network"] = str(network.pk)
        data[f"memberships-{i}-user"] = str(extra_new[0].pk)
        data[f"memberships-{i}-role"] = extra_new[1]
    return data


def test_adding_a_network_in_the_admin_makes_the_admin_its_leader(superuser_client, admin_member):
    response = superuser_client.post(
        reverse("admin:networks_network_add"),
        {
            "name": "Sepsis leads",
            "purpose": "Sepsis learning.",
            "kind": "open",
            "listed": "on",
            "membership_criteria": "",
            "criteria_question": "",
            "parent": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302
    network = Network.objects.get(name="Sepsis leads")
    assert network.slug == "sepsis-leads"
    assert Membership.objects.get(network=network).user == admin_member
    assert AuditEntry.objects.filter(action="networks:network:create").exists()


def test_inline_memberships_are_added_re_roled_and_removed_through_the_services(
    superuser_client, open_network, leader, add_member
):
    leaving = add_member(open_network)
    newcomer = MemberFactory()
    rows = [
        (Membership.objects.get(user=leader), "leader", False),
        (Membership.objects.get(user=leaving), "member", True),
    ]

    superuser_client.post(
        reverse("admin:networks_network_change", args=[open_network.pk]),
        inline_data(open_network, rows, extra_new=(newcomer, "moderator")),
    )

    assert Membership.objects.get(user=newcomer).role == "moderator"
    assert not Membership.objects.filter(user=leaving).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"networks:member:add", "networks:member:remove"} <= actions


def test_the_admin_cannot_demote_the_last_leader_either(superuser_client, open_network, leader):
    rows = [(Membership.objects.get(user=leader), "member", False)]

    response = superuser_client.post(
        reverse("admin:networks_network_change", args=[open_network.pk]),
        inline_data(open_network, rows),
        follow=True,
    )

    assert "needs at least one leader" in response.content.decode()
    assert Membership.objects.get(user=leader).role == "leader"


def test_join_requests_and_invitations_are_read_only_in_the_admin(
    superuser_client, request_network, leader, member, rf, admin_member
):
    join_request = services.request_create(actor=member, network=request_network, answer="Me")
    invitation = services.invitation_create(
        actor=leader, network=request_network, who=MemberFactory().username
    )
    request = rf.get("/admin/")
    request.user = admin_member

    for model, row in ((JoinRequest, join_request), (Invitation, invitation)):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request, row)
        assert not model_admin.has_delete_permission(request, row)
        name = model._meta.model_name
        page = superuser_client.get(reverse(f"admin:networks_{name}_change", args=[row.pk]))
        assert page.status_code == 200
    assert (
        invitation.token
        not in superuser_client.get(
            reverse("admin:networks_invitation_change", args=[invitation.pk])
        ).content.decode()
    )


def test_network_and_membership_change_pages_open(superuser_client, open_network, leader):
    membership = Membership.objects.get(user=leader)

    network_page = superuser_client.get(
        reverse("admin:networks_network_change", args=[open_network.pk])
    )
    membership_page = superuser_client.get(
        reverse("admin:networks_membership_change", args=[membership.pk])
    )

    assert network_page.status_code == 200 and leader.public_name in network_page.content.decode()
    assert membership_page.status_code == 200


def test_changelists_search_by_person_and_network(superuser_client, open_network, add_member):
    add_member(open_network, MemberFactory(username="quillfeather"))

    response = superuser_client.get(
        reverse("admin:networks_membership_changelist"), {"q": "quillfeather"}
    )

    assert [m.user.username for m in response.context["cl"].result_list] == ["quillfeather"]
    networks = superuser_client.get(reverse("admin:networks_network_changelist"), {"q": "safety"})
    row = networks.context["cl"].result_list[0]
    assert row._members == 2
