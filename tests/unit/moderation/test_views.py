import csv
import io
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from hub.community.models import Post, Topic
from hub.core.services import audit_record
from hub.engagement.models import Comment
from hub.library import services as library
from hub.library.models import ItemStatus
from hub.moderation import services
from hub.moderation.guard import inspect
from hub.moderation.models import Case, Source
from tests.factories import PASSWORD, MemberFactory
from tests.unit.library.helpers import item_data

pytestmark = pytest.mark.django_db

NHS = "943 476 5919"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# The guard on the forms -----------------------------------------------------------------------


def test_a_topic_with_an_nhs_number_is_not_posted_and_the_finding_is_shown(member, forum):
    response = signed_in(member).post(
        f"/community/forum/{forum.slug}/new/",
        {"title": "Wristband mix-up", "body": f"The wristband said {NHS}."},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert not Topic.objects.filter(title="Wristband mix-up").exists()
    assert f"<mark>{NHS}</mark>" in html and "valid check digit" in html
    assert "Wristband mix-up" in html  # everything typed is kept
    assert 'name="pii_false_alarm"' in html


def test_ticking_not_patient_information_starts_the_topic_held_for_review(member, forum):
    body = "Sister Okoro was short of staff."
    token = inspect({"body": body}).flags[0].token
    response = signed_in(member).post(
        f"/community/forum/{forum.slug}/new/",
        {"title": "Short staffed", "body": body, "pii_false_alarm": [token]},
    )
    assert response.status_code == 302 and response["Location"] == "/profile/posts/"
    topic = Topic.objects.get(title="Short staffed")
    assert topic.hidden_at is not None
    case = Case.objects.get(source=Source.HELD)
    assert case.target == topic and case.findings[0]["text"] == "Sister Okoro"
    other = MemberFactory()
    assert signed_in(other).get(topic.get_absolute_url()).status_code == 404
    mine = signed_in(member).get("/profile/posts/").content.decode()
    assert "Waiting for a moderator to check it" in mine


def test_a_reply_that_is_only_an_nhs_number_is_refused(member, topic):
    response = signed_in(member).post(f"/community/topic/{topic.pk}/reply/", {"body": "9434765919"})
    assert response.status_code == 400
    assert "<mark>9434765919</mark>" in response.content.decode()
    assert topic.posts.count() == 1


def test_a_comment_with_an_nhs_number_split_across_lines_is_refused(member, item):
    ct = ContentType.objects.get_for_model(item).pk
    response = signed_in(member).post(
        f"/engage/comment/{ct}/{item.pk}/", {"body": "The number was 943 476\n5919 on the label"}
    )
    assert response.status_code == 400
    assert "check digit" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_suspended_member_cannot_reply(member, topic, moderator):
    services.member_suspend(
        actor=moderator, member=member, until=timezone.now() + timedelta(days=2), reason="Cool"
    )
    response = signed_in(member).post(f"/community/topic/{topic.pk}/reply/", {"body": "Hi"})
    assert response.status_code == 403
    assert topic.posts.count() == 1


def test_a_banned_member_cannot_sign_in(member, moderator):
    services.member_ban(actor=moderator, member=member, reason="Abuse")
    client = Client()
    response = client.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


# Library: the author at submit, the reviewer before publishing ------------------------------


def test_a_library_item_with_a_finding_is_not_submitted_until_ticked_then_waits_for_the_reviewer(
    author, editor
):
    item = library.item_create(
        actor=author, data=item_data(body="<p>Mrs Patel's DOB 12/03/1956 was wrong.</p>")
    )
    client = signed_in(author)
    response = client.post(f"/library/item/{item.slug}/submit/")
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT
    assert response["Location"].endswith("/edit/#pii-findings")
    edit = client.get(f"/library/item/{item.slug}/edit/").content.decode()
    assert "<mark>12/03/1956</mark>" in edit and "<mark>Mrs Patel</mark>" in edit

    tokens = [flag.token for flag in library.item_pii(item).flags]
    library.item_submit(actor=author, item=item, pii_false_alarms=tokens)
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED

    page = signed_in(editor).get(item.get_absolute_url()).content.decode()
    assert "Possible patient information" in page and "The author says this is not" in page
    response = signed_in(editor).post(
        f"/library/item/{item.slug}/review/publish/", {"publish-note": ""}
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED  # blocked

    signed_in(editor).post(f"/library/item/{item.slug}/review/pii/", {"pii_false_alarm": tokens})
    signed_in(editor).post(f"/library/item/{item.slug}/review/publish/", {"publish-note": ""})
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED


# Reporting ------------------------------------------------------------------------------------


def report_url(obj) -> str:
    return f"/moderation/report/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def test_report_form_sends_a_report(comment, member, django_assert_max_num_queries):
    client = signed_in(member)
    with django_assert_max_num_queries(12):
        assert client.get(report_url(comment)).status_code == 200
    response = client.post(report_url(comment), {"reason": "abusive", "details": "Nasty"})
    assert response.status_code == 302
    assert Case.objects.get().reports.get().reporter == member


def test_report_with_no_reason_keeps_the_text(comment, member):
    response = signed_in(member).post(report_url(comment), {"reason": "", "details": "Nasty"})
    assert response.status_code == 400 and "Nasty" in response.content.decode()
    assert not Case.objects.exists()


def test_reports_on_hidden_or_unknown_things_are_404(comment, member):
    comment.hidden_at = timezone.now()
    comment.save()
    assert signed_in(member).get(report_url(comment)).status_code == 404
    assert signed_in(member).get("/moderation/report/99999/1/").status_code == 404
    assert signed_in(member).get("/moderation/report/1/99999/").status_code == 404


def test_report_rate_limit_says_so(comment, item, member, monkeypatch):
    monkeypatch.setattr(services, "REPORT_RATE_LIMIT", 1)
    signed_in(member).post(report_url(item), {"reason": "spam"})
    response = signed_in(member).post(report_url(comment), {"reason": "spam"})
    assert response.status_code == 429 and "a lot of reports" in response.content.decode()


def test_report_a_member(member, other_member):
    response = signed_in(member).post(
        f"/moderation/report/member/{other_member.username}/", {"reason": "abusive"}
    )
    assert response.status_code == 302
    assert Case.objects.get().is_member_report


# The queue and decisions ----------------------------------------------------------------------


def test_only_moderators_see_the_queue(member):
    assert signed_in(member).get("/moderation/").status_code == 403
    assert Client().get("/moderation/").status_code == 302


def test_queue_queries_are_bounded_whatever_its_length(
    moderator, item, django_assert_max_num_queries
):
    people = [MemberFactory() for _ in range(3)]
    for n in range(8):
        from hub.engagement.services import comment_add

        comment = comment_add(actor=people[n % 3], target=item, body=f"<p>c{n}</p>")
        services.report_content(actor=people[(n + 1) % 3], target=comment, reason="spam")
    client = signed_in(moderator)
    with django_assert_max_num_queries(14):
        response = client.get("/moderation/?source=report&reason=spam")
    html = response.content.decode()
    assert response.status_code == 200 and html.count('<a href="/moderation/') >= 8
    filtered = client.get("/moderation/?kind=library.item").content.decode()
    assert '<a href="/moderation/' not in filtered and "0 cases" in filtered


def test_a_moderator_hides_a_reported_comment_from_the_case_page(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    client = signed_in(moderator)
    page = client.get(f"/moderation/{case.pk}/")
    assert page.status_code == 200 and "Rude words" in page.content.decode()
    response = client.post(
        f"/moderation/{case.pk}/", {"action": "hide", "note-note": "Rude to a colleague"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is not None


def test_hiding_without_a_note_is_refused_with_a_message(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    response = signed_in(moderator).post(f"/moderation/{case.pk}/", {"action": "hide"})
    assert response.status_code == 400 and "Say why" in response.content.decode()


def test_suspending_until_a_past_date_is_refused(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    response = signed_in(moderator).post(
        f"/moderation/{case.pk}/",
        {"action": "suspend", "suspend-until": "2001-01-01", "suspend-reason": "x"},
    )
    assert response.status_code == 400 and "after today" in response.content.decode()


def test_an_unknown_action_is_404(comment, member, moderator):
    services.report_content(actor=member, target=comment, reason="abusive")
    case = Case.objects.get()
    assert signed_in(moderator).post(f"/moderation/{case.pk}/", {"action": "x"}).status_code == 404


def test_a_moderator_edits_a_held_reply_and_it_is_shown(topic, moderator):
    from hub.community.services import post_reply

    body = "Nurse Okafor was brilliant."
    token = inspect({"body": body}).flags[0].token
    reply = post_reply(actor=topic.author, topic=topic, body=body, pii_false_alarms=[token])
    assert reply.hidden_at is not None
    case = Case.objects.get(source=Source.HELD)
    response = signed_in(moderator).post(
        f"/moderation/{case.pk}/",
        {"action": "edit", "body": "The nurse was brilliant.", "note": "Removed a name"},
    )
    assert response.status_code == 302
    reply = Post.objects.get(pk=reply.pk)
    assert reply.hidden_at is None and "The nurse was brilliant" in reply.body


# Safeguarding reveal --------------------------------------------------------------------------


def test_the_safeguarding_lead_reveals_an_author_through_the_page(
    anonymous_topic, safeguarding_lead
):
    ct = ContentType.objects.get_for_model(anonymous_topic).pk
    url = f"/moderation/reveal/{ct}/{anonymous_topic.pk}/"
    client = signed_in(safeguarding_lead)
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Risk to a patient"})
    assert response.status_code == 200 and "Alex Author" in response.content.decode()


def test_nobody_else_reaches_the_reveal_page(anonymous_topic, moderator):
    ct = ContentType.objects.get_for_model(anonymous_topic).pk
    response = signed_in(moderator).get(f"/moderation/reveal/{ct}/{anonymous_topic.pk}/")
    assert response.status_code == 403


# The audit log --------------------------------------------------------------------------------


def test_administrators_view_and_filter_the_audit_log(
    admin_member, member, django_assert_max_num_queries
):
    for n in range(30):
        audit_record(action=f"moderation:test:{n % 2}", actor=member, reason=f"why {n}")
    client = signed_in(admin_member)
    with django_assert_max_num_queries(10):
        response = client.get("/moderation/audit/?action=moderation:test:1")
    html = response.content.decode()
    assert response.status_code == 200 and "why 29" in html and "why 28" not in html


def test_members_and_moderators_cannot_see_the_audit_log(member, moderator):
    assert signed_in(member).get("/moderation/audit/").status_code == 403
    assert signed_in(moderator).get("/moderation/audit/").status_code == 403
    assert signed_in(member).get("/moderation/audit/export.csv").status_code == 403


def test_audit_export_is_csv_safe_for_spreadsheets(admin_member, member):
    audit_record(action="moderation:test", actor=member, reason='=HYPERLINK("x")')
    response = signed_in(admin_member).get("/moderation/audit/export.csv?action=moderation:test")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["when", "action", "who"]
    assert rows[1][1] == "moderation:test" and rows[1][2] == member.username
    assert rows[1][6].startswith("'=")


def test_a_bad_date_filter_on_the_audit_log_is_not_a_500(admin_member):
    response = signed_in(admin_member).get("/moderation/audit/?since=notadate&page=x")
    assert response.status_code == 200


def test_editing_a_reply_to_add_an_nhs_number_is_refused(topic):
    from hub.community.services import post_reply

    reply = post_reply(actor=topic.author, topic=topic, body="<p>Fine.</p>")
    response = signed_in(topic.author).post(
        f"/community/post/{reply.pk}/edit/", {"body": f"Patient {NHS}"}
    )
    assert response.status_code == 400 and f"<mark>{NHS}</mark>" in response.content.decode()
    reply.refresh_from_db()
    assert NHS not in reply.body


def test_editing_a_comment_with_a_false_alarm_holds_it(comment):
    body = "Thanks to Dr Okafor's team"
    token = inspect({"body": body}).flags[0].token
    response = signed_in(comment.author).post(
        f"/engage/comment/{comment.pk}/edit/", {"body": body, "pii_false_alarm": token}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    assert Case.objects.get(source=Source.HELD).target == comment


def test_your_posts_page_lists_anonymous_posts_in_bounded_queries(
    author, topic, item, django_assert_max_num_queries
):
    from hub.community.services import post_reply
    from hub.engagement.services import comment_add

    for n in range(6):
        post_reply(actor=author, topic=topic, body=f"<p>r{n}</p>", anonymous=n % 2 == 0)
        comment_add(actor=author, target=item, body=f"<p>c{n}</p>", anonymous=True)
    client = signed_in(author)
    with django_assert_max_num_queries(14):
        response = client.get("/profile/posts/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("· posted anonymously") == 9  # three replies and six comments


def test_posted_time_shows_only_the_day_for_anonymous_posts():
    from django.template import Context, Template

    when = timezone.make_aware(timezone.datetime(2026, 3, 4, 21, 45))
    template = Template("{% load safety %}{% posted_time when anonymous %}")
    shown = template.render(Context({"when": when, "anonymous": True}))
    assert shown == '<time datetime="2026-03-04">4 March 2026</time>'
    full = template.render(Context({"when": when, "anonymous": False}))
    assert "21:45" in full and 'datetime="2026-03-04T21:45:00' in full


def test_held_network_content_is_decided_only_by_those_who_may_see_the_network(
    moderator, admin_member
):
    from hub.community.services import topic_start
    from hub.networks.models import Membership, Network

    network = Network.objects.create(name="Private", slug="private", purpose="x", kind="private")
    insider = MemberFactory()
    Membership.objects.create(network=network, user=insider)
    body = "Sister Okoro covered the shift."
    token = inspect({"body": body}).flags[0].token
    topic = topic_start(
        actor=insider, title="Cover", body=body, network=network, pii_false_alarms=[token]
    )
    case = Case.objects.get(source=Source.HELD)
    response = signed_in(moderator).get(f"/moderation/{case.pk}/")
    assert response.status_code == 404 and "Okoro" not in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.case_approve(actor=moderator, case=case)
    assert signed_in(admin_member).get(f"/moderation/{case.pk}/").status_code == 200
    services.case_approve(actor=admin_member, case=case)
    topic.refresh_from_db()
    assert topic.hidden_at is None
