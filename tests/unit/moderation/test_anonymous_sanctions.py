"""A moderator acting on an anonymous post learns nothing about who wrote it (issue 21).

Sanctions on the author of an anonymous post go through a safeguarding lead: the moderator
refers the author, and nothing a moderator can see changes (the directory, profiles, counts,
the audit log); the lead then warns, suspends or bans them.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import Client

from hub.community.services import post_reply, topic_start
from hub.moderation import services
from hub.moderation.auth import can_sign_in, is_banned
from hub.moderation.models import Case, CaseStatus, Sanction, Source
from hub.networks.services import network_create, network_join
from tests.factories import PASSWORD, MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def normalised(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def what_they_see(client: Client, paths: list[str]) -> dict:
    """Everything a viewer could compare to find out whom an action touched."""
    cache.delete("core:hub_figures")  # the home page's member counts, freshly counted
    seen = {}
    for path in paths:
        response = client.get(path)
        # Looking at a topic counts a view: the count is the snapshot's own doing.
        page = re.sub(r"\b\d+ views?\b", "N views", normalised(response.content.decode()))
        seen[path] = (response.status_code, page)
    return seen


def what_a_moderator_sees(client: Client, usernames: list[str]) -> dict:
    return what_they_see(
        client, ["/", "/members/", "/members/?page=2", *(f"/members/{n}/" for n in usernames)]
    )


@pytest.fixture
def others_topic(forum, other_member):
    return topic_start(actor=other_member, title="Night handover", body="<p>How?</p>", forum=forum)


@pytest.fixture
def anonymous_reply(others_topic, author, member):
    reply = post_reply(
        actor=author, topic=others_topic, body="<p>I did it too.</p>", anonymous=True
    )
    services.report_content(actor=member, target=reply, reason="abusive")
    return reply


def test_a_moderator_refers_an_anonymous_author_and_nothing_they_can_see_changes(
    anonymous_reply,
    author,
    member,
    moderator,
    safeguarding_lead,
    admin_member,
    django_capture_on_commit_callbacks,
):
    case = Case.objects.get(source=Source.REPORT)
    client = signed_in(moderator)
    everyone = [author.username, member.username, moderator.username, safeguarding_lead.username]
    before = what_a_moderator_sees(client, everyone)

    # A ban asked for directly is refused, whoever the author is.
    response = client.post(f"/moderation/{case.pk}/", {"action": "ban", "sanction-reason": "Abuse"})
    assert response.status_code == 403
    assert services.ANONYMOUS_SANCTION_MESSAGE in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.member_ban(actor=moderator, member=case.member, reason="Abuse", case=case)

    # The moderator refers the author instead; the case page says so and names nobody.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/moderation/{case.pk}/", {"action": "refer", "refer-reason": "Repeated abuse"}
        )
    assert response.status_code == 302
    page = client.get(f"/moderation/{case.pk}/").content.decode()
    assert "referred to a safeguarding lead" in page
    assert author.username not in page and author.display_name not in page

    after = what_a_moderator_sees(client, everyone)
    assert after == before
    # The referral is not in the moderator's queue, and they cannot open it.
    referral = Case.objects.get(source=Source.REFERRAL)
    assert (
        f"/moderation/{referral.pk}/" not in client.get("/moderation/?status=all").content.decode()
    )
    assert client.get(f"/moderation/{referral.pk}/").status_code == 404

    # The safeguarding lead is told, sees the referral, and bans the author from it.
    lead = signed_in(safeguarding_lead)
    assert f"/moderation/{referral.pk}/" in lead.get("/moderation/").content.decode()
    assert (
        "referred the author of an anonymous reply" in lead.get("/notifications/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(
            f"/moderation/{referral.pk}/", {"action": "ban", "sanction-reason": "Repeated abuse"}
        )
    assert response.status_code == 302
    sanction = Sanction.objects.get()
    assert sanction.member == author and sanction.kind == "ban" and sanction.case == referral
    # The ban is quiet: the account stays as everyone sees it, yet the author is out.
    author.refresh_from_db()
    assert author.is_active
    assert is_banned(author) and not can_sign_in(author)
    referral.refresh_from_db()
    assert referral.status == CaseStatus.RESOLVED

    # The audit log (administrators) ties the ban to the referral, not to the author.
    audit = signed_in(admin_member).get("/moderation/audit/").content.decode()
    assert "moderation:member:ban" in audit
    assert author.username not in audit and author.display_name not in audit


@pytest.mark.parametrize("role", [None, "Moderator", "Administrator"])
def test_a_moderator_gets_the_same_answers_whoever_wrote_the_anonymous_post(
    others_topic, member, moderator, role
):
    """A plain member, a moderator or an administrator as the author: the case page and the
    answers to a warning or a ban are the same (ids aside)."""

    def without_ids(response) -> tuple[int, str]:
        return response.status_code, re.sub(r"\d+", "#", normalised(response.content.decode()))

    seen = []
    for who in (MemberFactory(), MemberFactory(roles=[role] if role else [])):
        reply = post_reply(actor=who, topic=others_topic, body="<p>Same.</p>", anonymous=True)
        services.report_content(actor=member, target=reply, reason="abusive")
        case = Case.objects.get(object_id=reply.pk, source=Source.REPORT)
        client = signed_in(moderator)
        url = f"/moderation/{case.pk}/"
        seen.append(
            [
                without_ids(client.get(url)),
                *(
                    without_ids(client.post(url, {"action": action, "sanction-reason": "x"}))
                    for action in ("warn", "ban")
                ),
            ]
        )
        assert Sanction.objects.count() == 0
    assert seen[0] == seen[1]
    page = seen[0][0][1]
    assert "Refer" in page and 'value="ban"' not in page


def test_only_anonymous_posts_are_referred_and_only_once(anonymous_reply, others_topic, moderator):
    from django.core.exceptions import ValidationError

    case = Case.objects.get(source=Source.REPORT)
    services.refer_anonymous_author(actor=moderator, case=case, reason="Abuse")
    with pytest.raises(ValidationError):
        services.refer_anonymous_author(actor=moderator, case=case, reason="Again")
    with pytest.raises(ValidationError):
        services.refer_anonymous_author(actor=moderator, case=case, reason="")
    named = services.report_content(actor=MemberFactory(), target=others_topic, reason="spam").case
    with pytest.raises(ValidationError):
        services.refer_anonymous_author(actor=moderator, case=named, reason="Spam")


def test_the_safeguarding_lead_can_close_a_referral_without_a_sanction(
    anonymous_reply, moderator, safeguarding_lead, member
):
    case = Case.objects.get(source=Source.REPORT)
    referral = services.refer_anonymous_author(actor=moderator, case=case, reason="Abuse")
    with pytest.raises(PermissionDenied):
        services.case_approve(actor=moderator, case=referral, note="Fine")
    services.case_approve(actor=safeguarding_lead, case=referral, note="No action")
    referral.refresh_from_db()
    assert referral.status == CaseStatus.RESOLVED and Sanction.objects.count() == 0


LEAD_DECISIONS = {
    "ban": {"action": "ban", "sanction-reason": "Repeated abuse"},
    "suspend": {"action": "suspend", "suspend-until": "2999-01-01", "suspend-reason": "Abuse"},
    "warn": {"action": "warn", "sanction-reason": "Please be kind"},
}


@pytest.mark.parametrize("decision", LEAD_DECISIONS)
def test_a_sanction_on_an_anonymous_author_changes_nothing_anyone_else_can_see(
    decision,
    others_topic,
    author,
    member,
    other_member,
    moderator,
    safeguarding_lead,
    admin_member,
    django_capture_on_commit_callbacks,
):
    """Issue 21 item 3: whatever the safeguarding lead decides about the author of an
    anonymous post, a moderator, a member and a visitor see exactly what they saw before the
    referral: home page figures, every directory page and search (by name, by organisation),
    member search, every profile, networks and their member lists, the author's named posts."""
    organisation = OrganisationFactory(name="Northgate Hospital")
    author.organisation = organisation
    author.organisation_visibility = "public"
    author.save()
    for n in range(21):  # a second directory page
        MemberFactory(display_name=f"Zed {n:02}")
    network = network_create(actor=admin_member, name="Sepsis", purpose="Sepsis learning.")
    for who in (author, other_member, moderator):
        network_join(actor=who, network=network)
    named = topic_start(
        actor=author, title="Named topic", body="<p>Mine.</p>", forum=others_topic.forum
    )
    reply = post_reply(actor=author, topic=others_topic, body="<p>Rude.</p>", anonymous=True)
    services.report_content(actor=member, target=reply, reason="abusive")
    case = Case.objects.get(source=Source.REPORT, object_id=reply.pk)

    name = author.display_name
    paths = [
        "/",
        "/members/",
        "/members/?page=2",
        f"/members/?name={name}",
        "/members/?organisation=Northgate",
        f"/search/members/?name={name}",
        "/search/members/?organisation=Northgate",
        "/networks/",
        f"/networks/{network.slug}/",
        f"/networks/{network.slug}/members/",
        named.get_absolute_url(),
        others_topic.get_absolute_url(),
        *(
            f"/members/{who.username}/"
            for who in (author, member, other_member, moderator, safeguarding_lead)
        ),
    ]
    viewers = {
        "moderator": signed_in(moderator),
        "member": signed_in(other_member),
        "visitor": Client(),
    }
    before = {who: what_they_see(client, paths) for who, client in viewers.items()}
    assert before["visitor"][f"/members/{author.username}/"][0] == 200
    assert name in before["moderator"][f"/members/?name={name}"][1]

    referral = services.refer_anonymous_author(actor=moderator, case=case, reason="Abuse")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(safeguarding_lead).post(
            f"/moderation/{referral.pk}/", LEAD_DECISIONS[decision]
        )
    assert response.status_code == 302
    assert Sanction.objects.get().kind == {"ban": "ban", "suspend": "suspension"}.get(
        decision, "warning"
    )

    after = {who: what_they_see(client, paths) for who, client in viewers.items()}
    for who in viewers:
        for path in paths:
            assert after[who][path] == before[who][path], f"{who} sees {path} change"


def test_a_quietly_banned_author_cannot_sign_in_or_post(
    anonymous_reply, others_topic, author, moderator, safeguarding_lead
):
    """The quiet ban still bans: the author is signed out, cannot sign in, cannot post, and
    their private calendar feed and hub email stop."""
    from hub.events.queries import member_by_feed_token
    from hub.events.services import feed_token_ensure

    token = feed_token_ensure(actor=author).feed_token
    assert member_by_feed_token(token) == author
    session = signed_in(author)
    assert session.get("/profile/edit/").status_code == 200
    case = Case.objects.get(source=Source.REPORT)
    referral = services.refer_anonymous_author(actor=moderator, case=case, reason="Abuse")
    services.member_ban(actor=safeguarding_lead, member=author, reason="Abuse", case=referral)
    author.refresh_from_db()
    assert author.is_active

    # Signed out at the next request.
    response = session.get("/profile/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Signing in again is refused like any banned (inactive) account.
    fresh = Client()
    response = fresh.post("/accounts/login/", {"login": author.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/inactive/"
    assert fresh.get("/profile/edit/").status_code == 302
    inactive = MemberFactory(is_active=False)
    response = Client().post("/accounts/login/", {"login": inactive.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/inactive/"
    with pytest.raises(PermissionDenied):  # (a fresh row: a request's member is one)
        post_reply(actor=type(author).objects.get(pk=author.pk), topic=others_topic, body="x")
    assert member_by_feed_token(token) is None

    # No more hub email: a notification made for them is not sent.
    from hub.notifications.services import notify
    from hub.notifications.tasks import send_notification_email

    mail.outbox.clear()
    (notification,) = notify(recipients=[author], kind="engagement:comment", title="A comment")
    assert send_notification_email.call(notification_id=notification.pk) is False
    assert mail.outbox == []
