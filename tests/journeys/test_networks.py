"""Networks in real Chromium, with axe-core on every page: asking to join a by-request network,
the leader approving, the new member finding the members page; outsiders never see it."""

import re

import pytest
from playwright.sync_api import expect

from hub.networks import services
from hub.networks.models import JoinRequest, Membership
from hub.notifications.models import Notification
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Which organisation do you work with as a Patient Safety Partner?"
ANSWER = "I am the Patient Safety Partner for Riverside Community Trust."


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_asking_to_join_a_partners_network_then_approval_opens_its_members_page(page):
    admin = MemberFactory(username="ada", email="ada@example.org", is_staff=True, is_superuser=True)
    leader = MemberFactory(
        username="lena",
        email="lena@example.org",
        display_name="Lena",
        organisation=OrganisationFactory(name="Northfield Hospitals"),
    )
    MemberFactory(
        username="mo",
        email="mo@example.org",
        display_name="Mo",
        organisation=OrganisationFactory(name="Riverside Community Trust"),
    )
    MemberFactory(username="olu", email="olu@example.org", display_name="Olu")
    network = services.network_create(
        actor=admin,
        name="Patient Safety Partners",
        purpose="A private space for Patient Safety Partners to support each other.",
        kind="request",
        membership_criteria="Patient Safety Partners working with a care organisation.",
        criteria_question=QUESTION,
        leader=leader,
    )
    members_url = f"/networks/{network.slug}/members/"

    # Mo finds the network and asks to join, answering the criteria question.
    sign_in(page, "mo@example.org")
    page.goto("/networks/")
    assert_accessible(page)
    page.get_by_role("link", name="Patient Safety Partners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patient Safety Partners")
    expect(page.get_by_text("Patient Safety Partners working with a care")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_text("Please answer the question before you send")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(QUESTION).fill(ANSWER)
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_text("is with its leaders")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw my request")).to_be_visible()
    assert_accessible(page)
    assert JoinRequest.objects.get(network=network).answer == ANSWER
    sign_out(page)

    # Lena, the leader, is told, sees the request with its answer and approves it.
    sign_in(page, "lena@example.org")
    page.goto("/notifications/")
    page.get_by_role("link", name="Mo asks to join Patient Safety Partners").click()
    expect(page.get_by_role("heading", name="Manage the network")).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Approve Mo").click()
    expect(page.get_by_text("Mo is now a member. They have been told.")).to_be_visible()
    expect(page.get_by_text("No one is waiting.")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # Mo is told, and now sees the network's content and its members.
    assert Notification.objects.filter(recipient__username="mo", kind="networks:request:approved")
    sign_in(page, "mo@example.org")
    page.goto("/notifications/")
    assert_accessible(page)
    page.get_by_role("link", name="Welcome to Patient Safety Partners").click()
    expect(page.get_by_role("heading", name="Latest discussions")).to_be_visible()
    expect(page.get_by_role("button", name="Leave network")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Patient Safety Partners").get_by_role(
        "link", name="Members"
    ).click()
    expect(page.get_by_text("2 members from 2 organisations")).to_be_visible()
    member_list = page.locator(".member-list")
    expect(member_list.get_by_role("link", name="Lena")).to_be_visible()
    expect(member_list.get_by_text("Leader")).to_be_visible()
    expect(member_list.get_by_role("link", name="Mo")).to_be_visible()
    assert_accessible(page)
    assert Membership.objects.get(network=network, user__username="mo").role == "member"
    sign_out(page)

    # Olu, who is not a member, gets "not found" for the members page.
    sign_in(page, "olu@example.org")
    response = page.goto(members_url)
    assert response.status == 404
    expect(page.get_by_text("Mo", exact=True)).to_have_count(0)
    assert_accessible(page)


def test_a_leader_manages_roles_and_invites_on_an_accessible_page(page):
    admin = MemberFactory(username="ada", email="ada@example.org", is_staff=True, is_superuser=True)
    leader = MemberFactory(username="lena", email="lena@example.org", display_name="Lena")
    guest = MemberFactory(username="gus", email="gus@example.org", display_name="Gus")
    network = services.network_create(
        actor=admin,
        name="Board safety champions",
        purpose="Non-executive directors who champion patient safety.",
        kind="private",
        listed=False,
        leader=leader,
    )

    sign_in(page, "lena@example.org")
    page.goto(f"/networks/{network.slug}/manage/")
    assert_accessible(page)
    page.get_by_label("Username or email address").fill("someone.new@example.org")
    page.get_by_role("button", name="Send invitation").click()
    # The same answer for an unknown address and a member's (no account enumeration).
    expect(page.get_by_text("Invitation sent to someone.new@example.org.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Username or email address").fill("gus@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to gus@example.org.")).to_be_visible()
    expect(page.get_by_text("Gus is invited")).to_have_count(0)
    page.get_by_label("Role for Lena").select_option("member")
    page.get_by_role("button", name="Save role for Lena").click()
    expect(page.get_by_text("needs at least one leader")).to_be_visible()
    sign_out(page)

    sign_in(page, "gus@example.org")
    page.goto("/networks/invitations/")
    assert_accessible(page)
    page.get_by_role("button", name="Accept the invitation to Board safety champions").click()
    expect(page.get_by_text("Welcome to Board safety champions.")).to_be_visible()
    assert Membership.objects.filter(network=network, user=guest).exists()
    page.goto("/networks/")
    expect(
        page.get_by_role("region", name="My networks").get_by_role(
            "link", name="Board safety champions"
        )
    ).to_be_visible()
    assert_accessible(page)


def test_a_declined_requester_reads_the_leaders_reason(page):
    admin = MemberFactory(username="ada", email="ada@example.org", is_staff=True, is_superuser=True)
    leader = MemberFactory(username="lena", email="lena@example.org", display_name="Lena")
    asker = MemberFactory(username="dan", email="dan@example.org", display_name="Dan")
    network = services.network_create(
        actor=admin,
        name="Patient Safety Partners",
        purpose="For Patient Safety Partners.",
        kind="request",
        criteria_question=QUESTION,
        leader=leader,
    )
    services.request_create(actor=asker, network=network, answer="I am a ward nurse.")
    reason = "This network is for Patient Safety Partners. Try Patient safety managers."

    sign_in(page, "lena@example.org")
    page.goto(f"/networks/{network.slug}/manage/")
    page.get_by_text("Decline Dan…").click()
    page.get_by_label("Reason for declining Dan (they are told)").fill(reason)
    assert_accessible(page)
    page.get_by_role("button", name="Decline Dan", exact=True).click()
    expect(page.get_by_text("Declined. Dan has been told why.")).to_be_visible()
    sign_out(page)

    sign_in(page, "dan@example.org")
    page.goto("/notifications/")
    expect(page.get_by_text(reason)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Your request to join Patient Safety Partners was not").click()
    expect(page.get_by_role("button", name="Ask to join")).to_be_visible()


def test_members_discuss_privately_in_their_network_and_outsiders_see_nothing(page):
    from hub.community.models import Topic

    admin = MemberFactory(
        username="ada2", email="ada2@example.org", is_staff=True, is_superuser=True
    )
    leader = MemberFactory(username="rhea", email="rhea@example.org", display_name="Rhea")
    MemberFactory(username="sol", email="sol@example.org", display_name="Sol")
    MemberFactory(username="tam", email="tam@example.org", display_name="Tam")
    network = services.network_create(
        actor=admin,
        name="Safety managers",
        purpose="Peer support for safety managers.",
        kind="request",
        criteria_question="What is your role?",
        leader=leader,
    )
    request = services.request_create(
        actor=MemberFactory._meta.model.objects.get(username="sol"),
        network=network,
        answer="Patient safety manager",
    )
    services.request_approve(actor=leader, join_request=request)
    title = "How do you run your weekly drop-in?"

    # Sol, now a member, starts a discussion in the network.
    sign_in(page, "sol@example.org")
    page.goto(f"/networks/{network.slug}/discussions/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a discussion").click()
    page.get_by_label("Title").fill(title)
    box = page.get_by_role("textbox", name="Your message")
    box.click()
    page.keyboard.type("We get about 90 people each week; breakout rooms help.")
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_accessible(page)
    topic = Topic.objects.get(title=title)
    assert topic.network == network and topic.forum is None
    sign_out(page)

    # Rhea, the leader, replies quoting Sol and mentioning them.
    sign_in(page, "rhea@example.org")
    page.goto(topic.get_absolute_url())
    page.get_by_role("link", name="Quote post #1").click()
    reply = page.get_by_role("textbox", name="Your reply")
    reply.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("@sol we do the same, with a rota of hosts.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply is posted.")).to_be_visible()
    sign_out(page)

    # Sol is told.
    sign_in(page, "sol@example.org")
    page.goto("/notifications/")
    expect(page.get_by_text(title).first).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # Tam, a member of the hub but not of the network, and an anonymous visitor see nothing.
    sign_in(page, "tam@example.org")
    for url in [topic.get_absolute_url(), f"/networks/{network.slug}/discussions/"]:
        assert page.goto(url).status == 404
        expect(page.get_by_text(title)).to_have_count(0)
    page.goto("/community/")
    expect(page.get_by_text(title)).to_have_count(0)
    sign_out(page)
    assert page.goto(topic.get_absolute_url()).status == 404
    expect(page.get_by_text(title)).to_have_count(0)
