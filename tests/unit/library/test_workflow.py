"""The editorial workflow and its permissions, through the services."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.core.models import AuditEntry
from hub.library import queries, services
from hub.library.models import Item, ItemStatus
from hub.library.tasks import publish_scheduled_item
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import a_category, draft, incident_data, item_data, published, submitted

pytestmark = pytest.mark.django_db


def test_a_new_item_starts_as_a_draft_with_a_first_revision(member):
    item = draft(member)
    assert item.status == ItemStatus.DRAFT
    assert item.owner == member
    assert item.revisions.count() == 1
    assert list(item.tags.values_list("name", flat=True)) == ["communication", "handover"]
    assert AuditEntry.objects.filter(action="library:item:create", target_id=str(item.pk)).exists()


def test_the_body_is_sanitised_when_stored(member):
    item = draft(member, body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    assert "script" not in item.body and "onclick" not in item.body
    assert "Hi" in item.body


def test_a_member_cannot_see_another_members_draft(member, other_member):
    item = draft(member)
    assert queries.item_for_page(viewer=other_member, slug=item.slug) is None
    assert queries.item_for_page(viewer=member, slug=item.slug) == item


def test_editors_do_not_see_private_drafts_but_see_submitted_items(member, editor):
    item = draft(member)
    assert queries.item_for_page(viewer=editor, slug=item.slug) is None
    services.item_submit(actor=member, item=item)
    assert queries.item_for_page(viewer=editor, slug=item.slug) == item


def test_a_member_cannot_edit_another_members_item(member, other_member):
    item = draft(member)
    with pytest.raises(PermissionDenied):
        services.item_update(actor=other_member, item=item, data=item_data(title="Hijacked"))
    item.refresh_from_db()
    assert item.title == "Safer handover at shift change"


def test_a_member_cannot_publish_even_their_own_item(member):
    item = submitted(member)
    with pytest.raises(PermissionDenied):
        services.item_publish(actor=member, item=item)
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED


def test_the_author_cannot_edit_while_the_item_is_in_review(member):
    item = submitted(member)
    with pytest.raises(PermissionDenied):
        services.item_update(actor=member, item=item, data=item_data(title="Changed"))


def test_an_item_without_a_category_cannot_be_submitted_and_stays_a_draft(member):
    item = draft(member, categories=[])
    with pytest.raises(ValidationError) as error:
        services.item_submit(actor=member, item=item)
    assert "Choose at least one category." in error.value.messages
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT


def test_an_after_action_review_needs_its_four_answers(member):
    structured = {"factor_tasks": "Busy ward", "aar_expected": "A", "aar_happened": "B"}
    item = services.item_create(actor=member, data=incident_data(structured=structured))
    with pytest.raises(ValidationError) as error:
        services.item_submit(actor=member, item=item)
    messages = " ".join(error.value.messages)
    assert "Why was there a difference?" in messages
    assert "What has been learned?" in messages
    assert "What was expected" not in messages


def test_incident_learning_needs_at_least_one_contributory_factor(member):
    structured = {
        "aar_expected": "A",
        "aar_happened": "B",
        "aar_difference": "C",
        "aar_learned": "D",
    }
    item = services.item_create(actor=member, data=incident_data(structured=structured))
    with pytest.raises(ValidationError) as error:
        services.item_submit(actor=member, item=item)
    assert "Describe at least one contributory factor." in error.value.messages


def test_a_complete_incident_learning_item_keeps_its_safety_actions(member, editor):
    item = services.item_create(actor=member, data=incident_data())
    services.item_submit(actor=member, item=item)
    services.item_publish(actor=editor, item=item)
    action = item.safety_actions.get()
    assert action.owner_role == "Digital nursing lead"
    assert action.strength == "stronger"


def test_full_workflow_return_fix_resubmit_publish_is_recorded(
    member, editor, mailoutbox, django_capture_on_commit_callbacks
):
    item = submitted(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.item_return(actor=editor, item=item, note="Please add what you measured.")
    assert item.status == ItemStatus.RETURNED
    assert item.last_note_to_author() == "Please add what you measured."
    services.item_update(actor=member, item=item, data=item_data(body="<p>We measured it.</p>"))
    services.item_submit(actor=member, item=item)
    services.item_publish(actor=editor, item=item)
    item.refresh_from_db()
    assert item.is_published and item.published_at is not None
    steps = list(item.transitions.values_list("from_status", "to_status"))
    assert steps == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "published"),
    ]
    assert item.revisions.count() == 2
    titles = list(Notification.objects.filter(recipient=member).values_list("title", flat=True))
    assert any("needs some changes" in t for t in titles)
    assert any("is published" in t for t in titles)
    assert any("needs some changes" in m.subject for m in mailoutbox)


def test_returning_needs_a_note(member, editor):
    item = submitted(member)
    with pytest.raises(ValidationError):
        services.item_return(actor=editor, item=item, note="  ")
    assert item.status == ItemStatus.SUBMITTED


def test_a_declined_item_stays_private(member, editor, other_member):
    item = submitted(member)
    services.item_decline(actor=editor, item=item, reason="Out of scope for the hub.")
    assert queries.item_for_page(viewer=other_member, slug=item.slug) is None
    assert not Item.objects.published().filter(pk=item.pk).exists()
    assert queries.item_for_page(viewer=member, slug=item.slug) == item
    assert item.last_note_to_author() == "Out of scope for the hub."


def test_an_item_scheduled_for_later_is_hidden_until_its_time(member, editor, other_member):
    item = submitted(member)
    when = timezone.now() + timedelta(hours=2)
    services.item_publish(actor=editor, item=item, at=when)
    assert item.status == ItemStatus.SCHEDULED
    assert queries.item_for_page(viewer=other_member, slug=item.slug) is None
    Item.objects.filter(pk=item.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert queries.item_for_page(viewer=other_member, slug=item.slug) is not None
    assert publish_scheduled_item.call(item.pk) is True
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    assert publish_scheduled_item.call(item.pk) is False


def test_editors_can_write_and_publish_directly(editor):
    item = draft(editor)
    services.item_publish(actor=editor, item=item)
    assert item.is_published


def test_only_reviewers_can_feature(member, editor):
    item = published(member, editor)
    with pytest.raises(PermissionDenied):
        services.item_feature(actor=member, item=item, featured=True)
    services.item_feature(actor=editor, item=item, featured=True)
    item.refresh_from_db()
    assert item.featured


def test_a_topic_lead_can_review_too(member):
    lead = MemberFactory(roles=["Topic lead"])
    item = submitted(member)
    services.item_publish(actor=lead, item=item)
    assert item.is_published


def test_restoring_a_revision_makes_a_new_version(member):
    item = draft(member)
    services.item_update(actor=member, item=item, data=item_data(title="Second title"))
    first = item.revisions.get(number=1)
    services.item_restore_revision(actor=member, item=item, revision=first)
    item.refresh_from_db()
    assert item.title == "Safer handover at shift change"
    assert item.revisions.count() == 3


def test_followers_of_a_category_hear_about_new_items(
    member, editor, other_member, django_capture_on_commit_callbacks
):
    from hub.engagement import services as engagement

    category = a_category()
    engagement.follow_set(actor=other_member, target=category.parent, following=True)
    with django_capture_on_commit_callbacks(execute=True):
        published(member, editor)
    assert Notification.objects.filter(recipient=other_member, kind="library:new_item").exists()


def test_the_review_queue_is_for_reviewers_only(member, editor):
    submitted(member)
    assert len(queries.review_queue(viewer=editor)["submitted"]) == 1
    with pytest.raises(PermissionDenied):
        queries.review_queue(viewer=member)
