"""Two leaders deciding at the same moment: one decision wins, the other is told (PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from hub.networks import services
from hub.networks.models import JoinRequest, Membership
from hub.notifications.models import Notification
from tests.factories import MemberFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need a server database"
    ),
]


def test_two_leaders_approving_at_once_make_one_membership(request_network, leader, add_member):
    second_leader = add_member(request_network, role="leader")
    requester = MemberFactory()
    join_request = services.request_create(
        actor=requester, network=request_network, answer="Riverside Trust"
    )
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def approve(actor):
        stale = JoinRequest.objects.select_related("network", "user").get(pk=join_request.pk)
        start.wait()
        try:
            services.request_approve(actor=actor, join_request=stale)
            outcomes.append("approved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(a,)) for a in (leader, second_leader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["This request has already been approved.", "approved"]
    assert Membership.objects.filter(network=request_network, user=requester).count() == 1
    assert (
        Notification.objects.filter(recipient=requester, kind="networks:request:approved").count()
        == 1
    )
