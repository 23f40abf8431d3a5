from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.core.models import AuditEntry
from hub.moderation import registry, services
from hub.moderation.models import Case, CaseStatus, Outcome, Sanction, Source
from hub.moderation.pii import scan_fields
from hub.notifications.models import Notification

from .conftest import reporters

pytestmark = pytest.mark.django_db


def test_every_content_kind_is_registered_for_moderation():
    from hub.community.models import Post, Topic
    from hub.engagement.models import Comment
    from hub.library.models import Item

    for model in (Item, Topic, Post, Comment):
        assert registry.is_registered(model), model


def test_a_report_opens_one_case_and_is_audited(comment, member):
    services.report_content(actor=member, target=comment, reason="abusive", details="Rude")
    case = Case.objects.get()
    assert case.target == comment and case.source == Source.REPORT and case.report_count == 1
    assert case.member == comment.author
    entry = AuditEntry.objects.get(action="moderation:report:content")
    assert entry.actor == member and entry.reason == "Rude"


def test_reporting_twice_is_refused_and_counts_once(comment, member):
    services.report_content(actor=member, target=comment, reason="abusive")
    with pytest.raises(ValidationError):
        services.report_content(actor=member, target=comment, reason="spam")
    assert Case.objects.get().report_count == 1


def test_a_reason_outside_the_list_is_refused(comment, member):
    with pytest.raises(ValidationError):
        services.report_content(actor=member, target=comment, reason="because")
    assert not Case.objects.exists()


def test_authors_cannot_report_their_own_post(comment):
    with pytest.raises(ValidationError):
        services.report_content(actor=comment.author, target=comment, reason="spam")


def test_members_cannot_report_what_they_cannot_see(author, member):
    from tests.unit.engagement.conftest import make_item

    draft = make_item(author, status="draft")
    with pytest.raises(PermissionDenied):
        services.report_content(actor=member, target=draft, reason="spam")


def test_reports_are_rate_limited(author, member, monkeypatch):
    from tests.unit.engagement.conftest import make_item

    monkeypatch.setattr(services, "REPORT_RATE_LIMIT", 2)
    items = [make_item(author) for _ in range(3)]
    services.report_content(actor=member, target=items[0], reason="spam")
    services.report_content(actor=member, target=items[1], reason="spam")
    with pytest.raises(ValidationError, match="a lot of reports"):
        services.report_content(actor=member, target=items[2], reason="spam")


def test_content_is_hidden_after_reports_from_n_distinct_members(comment, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 3
    first, second, third = reporters(3)
    services.report_content(actor=first, target=comment, reason="abusive")
    services.report_content(actor=second, target=comment, reason="abusive")
    comment.refresh_from_db()
    assert comment.hidden_at is None
    services.report_content(actor=third, target=comment, reason="spam")
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    case = Case.objects.get()
    assert case.source == Source.AUTO_HIDDEN and case.status == CaseStatus.OPEN
    assert AuditEntry.objects.filter(action="moderation:content:auto_hide").exists()


def test_approving_an_auto_hidden_post_shows_it_and_tells_the_reporters(
    comment, moderator, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    people = reporters(2)
    for person in people:
        services.report_content(actor=person, target=comment, reason="abusive")
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_approve(actor=moderator, case=case, note="Robust but fine")
    comment.refresh_from_db()
    case.refresh_from_db()
    assert comment.hidden_at is None
    assert case.status == CaseStatus.RESOLVED and case.outcome == Outcome.APPROVED
    told = Notification.objects.filter(kind="moderation:outcome")
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(p.pk for p in people)


def test_a_moderator_hides_a_reported_comment_and_the_author_is_told(
    comment, member, moderator, django_capture_on_commit_callbacks
):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_hide(actor=moderator, case=case, note="Personal attack")
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    assert Notification.objects.filter(recipient=comment.author, kind="moderation:author").exists()
    assert Notification.objects.filter(recipient=member, kind="moderation:outcome").exists()
    entry = AuditEntry.objects.get(action="moderation:case:hidden")
    assert entry.actor == moderator and entry.reason == "Personal attack"


def test_hiding_needs_a_note(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    with pytest.raises(ValidationError):
        services.case_hide(actor=moderator, case=Case.objects.get(), note=" ")


def test_members_cannot_decide_cases(comment, member, other_member):
    services.report_content(actor=member, target=comment, reason="abusive")
    with pytest.raises(PermissionDenied):
        services.case_hide(actor=member, case=Case.objects.get(), note="No")


def test_a_resolved_case_cannot_be_decided_again(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    services.case_approve(actor=moderator, case=case)
    with pytest.raises(ValidationError):
        services.case_hide(actor=moderator, case=case, note="Changed my mind")


def test_held_topic_stays_hidden_until_a_moderator_approves(anonymous_topic, moderator):
    findings = scan_fields({"body": "Mrs Jones fell"})
    case = services.hold_for_review(
        actor=anonymous_topic.author, target=anonymous_topic, findings=findings, note="Not real"
    )
    anonymous_topic.refresh_from_db()
    assert anonymous_topic.hidden_at is not None
    assert case.source == Source.HELD
    assert case.findings == [
        {"field": "body", "kind": "name", "text": "Mrs Jones", "start": 0, "end": 9}
    ]
    services.case_approve(actor=moderator, case=case)
    anonymous_topic.refresh_from_db()
    assert anonymous_topic.hidden_at is None


def test_only_the_author_can_hold_their_post(topic, member):
    with pytest.raises(PermissionDenied):
        services.hold_for_review(actor=member, target=topic, findings=[])


def test_a_moderator_edit_replaces_the_text_shows_it_and_is_audited(topic, moderator):
    case = services.hold_for_review(actor=topic.author, target=topic, findings=[])
    services.case_edit(
        actor=moderator,
        case=case,
        fields={"body": "<p>How do you do it, the patient asked?</p>"},
        note="Removed a name",
    )
    topic.refresh_from_db()
    assert topic.hidden_at is None
    assert "the patient asked" in topic.posts.get(number=1).body
    assert AuditEntry.objects.filter(action="moderation:content:edit", actor=moderator).exists()


def test_edit_needs_a_note(topic, moderator):
    case = services.hold_for_review(actor=topic.author, target=topic, findings=[])
    with pytest.raises(ValidationError):
        services.case_edit(actor=moderator, case=case, fields={"body": "x"}, note="")


def test_hiding_a_library_item_unpublishes_it(item, member, moderator):
    services.report_content(actor=member, target=item, reason="unsafe_advice")
    case = Case.objects.get()
    services.case_hide(actor=moderator, case=case, note="Unsafe dosing advice")
    item.refresh_from_db()
    assert not item.is_published


def test_report_a_member_then_warn_them(member, other_member, moderator):
    services.report_member(actor=member, member=other_member, reason="abusive", details="DMs")
    case = Case.objects.get(is_member_report=True)
    sanction = services.member_warn(
        actor=moderator, member=other_member, reason="Be kind", case=case
    )
    case.refresh_from_db()
    assert sanction.kind == "warning" and case.outcome == Outcome.WARNED
    assert services.active_restriction(other_member) is None


def test_a_suspended_member_cannot_post_until_the_date(other_member, moderator):
    until = timezone.now() + timedelta(days=7)
    services.member_suspend(actor=moderator, member=other_member, until=until, reason="Cool off")
    with pytest.raises(PermissionDenied, match="suspended until"):
        services.require_can_post(other_member)
    Sanction.objects.update(until=timezone.now() - timedelta(minutes=1))
    other_member = type(other_member).objects.get(pk=other_member.pk)
    services.require_can_post(other_member)


def test_suspension_must_end_in_the_future(other_member, moderator):
    with pytest.raises(ValidationError):
        services.member_suspend(
            actor=moderator, member=other_member, until=timezone.now(), reason="x"
        )


def test_a_ban_deactivates_the_member_and_emails_them(
    other_member, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_ban(actor=moderator, member=other_member, reason="Repeated abuse")
    other_member.refresh_from_db()
    assert other_member.is_active is False
    assert mail.outbox[-1].to == [other_member.email]
    assert AuditEntry.objects.filter(action="moderation:member:ban", actor=moderator).exists()


def test_moderators_cannot_sanction_moderators(moderator):
    from tests.factories import MemberFactory

    other = MemberFactory(roles=["Moderator"])
    with pytest.raises(PermissionDenied):
        services.member_ban(actor=moderator, member=other, reason="x")


def test_safeguarding_lead_reveals_an_anonymous_author_with_a_reason(
    anonymous_topic, safeguarding_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        who = services.reveal_author(
            actor=safeguarding_lead, target=anonymous_topic, reason="Risk to a child"
        )
    assert who == anonymous_topic.author
    entry = AuditEntry.objects.get(action="moderation:anonymous:reveal")
    assert entry.actor == safeguarding_lead and entry.reason == "Risk to a child"
    told = Notification.objects.get(kind="moderation:reveal")
    assert told.recipient == anonymous_topic.author and "Risk to a child" in told.body
    emailed = [m for m in mail.outbox if m.to == [anonymous_topic.author.email]]
    assert any("Risk to a child" in m.body for m in emailed)


@pytest.mark.parametrize("who", ["moderator", "member", "admin_member"])
def test_nobody_else_can_reveal_an_anonymous_author(anonymous_topic, who, request):
    actor = request.getfixturevalue(who)
    if who == "admin_member":
        actor.is_superuser = False
        actor.save()
    with pytest.raises(PermissionDenied):
        services.reveal_author(actor=actor, target=anonymous_topic, reason="Curious")


def test_reveal_needs_a_reason(anonymous_topic, safeguarding_lead):
    with pytest.raises(ValidationError):
        services.reveal_author(actor=safeguarding_lead, target=anonymous_topic, reason="")


def _found(client, word: str) -> int:
    return client.get(f"/search/?q={word}&format=json").json()["count"]


def test_search_follows_what_moderation_hides_and_shows(
    author, forum, moderator, client, settings, django_capture_on_commit_callbacks
):
    """Hidden by reports or by a moderator: out of search. Approved: back in search."""
    from hub.community.services import topic_start

    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        topic = topic_start(
            actor=author, forum=forum, title="Wombat handover checklist", body="<p>Ours.</p>"
        )
    assert _found(client, "wombat") == 1

    with django_capture_on_commit_callbacks(execute=True):
        for reporter in reporters(2):
            services.report_content(actor=reporter, target=topic, reason="spam")
    assert _found(client, "wombat") == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.case_approve(actor=moderator, case=Case.objects.get())
    assert _found(client, "wombat") == 1

    topic.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in reporters(1):
            services.report_content(actor=reporter, target=topic, reason="abusive")
        case = Case.objects.get(status=CaseStatus.OPEN)
        services.case_hide(actor=moderator, case=case, note="Not for here")
    assert _found(client, "wombat") == 0


def test_followers_hear_of_a_held_reply_only_once_a_moderator_approves_it(
    topic, member, moderator, django_capture_on_commit_callbacks
):
    from hub.community.services import post_reply
    from hub.moderation.guard import inspect

    body = "<p>Nurse Okafor was brilliant at the handover.</p>"
    token = inspect({"body": body}).flags[0].token
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_reply(actor=member, topic=topic, body=body, pii_false_alarms=[token])
    assert reply.hidden_at is not None
    told = Notification.objects.filter(recipient=topic.author).exclude(
        kind__startswith="moderation"
    )
    assert not told.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.case_approve(actor=moderator, case=Case.objects.get(source=Source.HELD))
    assert told.count() == 1
