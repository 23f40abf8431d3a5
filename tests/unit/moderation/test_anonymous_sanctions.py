"""A moderator acting on an anonymous post learns nothing about who wrote it (issue 21).

Sanctions on the author of an anonymous post go through a safeguarding lead: the moderator
refers the author, and nothing a moderator can see changes (the directory, profiles, counts,
the audit log); the lead then warns, suspends or bans them.
"""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import Client

from hub.community.services import post_reply, topic_start
from hub.moderation import services
from hub.moderation.models import Case, CaseStatus, Sanction, Source
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def normalised(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def what_a_moderator_sees(client: Client, usernames: list[str]) -> dict:
    """Everything a moderator could compare to find out whom an action touched."""
    cache.delete("core:hub_figures")  # the home page's member counts, freshly counted
    seen = {
        "home": normalised(client.get("/").content.decode()),
        "directory": normalised(client.get("/members/").content.decode()),
        "directory-2": normalised(client.get("/members/?page=2").content.decode()),
    }
    for name in usernames:
        response = client.get(f"/members/{name}/")
        seen[name] = (response.status_code, normalised(response.content.decode()))
    return seen


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
    author.refresh_from_db()
    assert not author.is_active
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
