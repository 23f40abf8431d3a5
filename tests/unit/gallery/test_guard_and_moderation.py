"""The patient-data guard on error traps, and error traps in the moderation machinery."""

import pytest
from django.core.exceptions import PermissionDenied

from hub.gallery import services
from hub.gallery.models import TrapStatus
from hub.moderation import registry
from hub.moderation import services as moderation
from hub.moderation.guard import PersonalDataFound
from hub.moderation.models import Case, CaseStatus
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import details, draft_trap, published_trap

pytestmark = pytest.mark.django_db


def submit_as_false_alarm(uploader, trap, data):
    """Submit, get stopped by the guard, tick every finding as a false alarm, submit again."""
    with pytest.raises(PersonalDataFound) as found:
        services.trap_submit(actor=uploader, trap=trap, data=data)
    tokens = [flag.token for flag in found.value.guard.flags]
    return services.trap_submit(actor=uploader, trap=trap, data=data, pii_false_alarms=tokens)


NHS_NUMBER = "943 476 5919"  # a valid check digit


@pytest.mark.parametrize(
    "field", ["title", "hazard", "fix_ideas", "where_seen", "caption", "alt_text"]
)
def test_an_nhs_number_in_any_field_stops_the_submission(uploader, field):
    trap = draft_trap(uploader)
    text = f"Label shows {NHS_NUMBER}"

    with pytest.raises(PersonalDataFound) as found:
        services.trap_submit(actor=uploader, trap=trap, data=details(**{field: text}))

    assert [f.kind for f in found.value.guard.findings_by_field()[field]] == ["nhs_number"]
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DRAFT


def test_an_nhs_number_split_across_a_line_break_is_caught(uploader):
    trap = draft_trap(uploader)

    with pytest.raises(PersonalDataFound):
        services.trap_submit(
            actor=uploader, trap=trap, data=details(hazard="Chart with 943 476\n5919 on it")
        )


def test_a_false_alarm_goes_to_the_moderation_queue_with_its_findings(uploader, moderator):
    trap = draft_trap(uploader)

    submit_as_false_alarm(uploader, trap, details(caption="Seen by Nurse Jackie"))

    trap.refresh_from_db()
    assert trap.status == TrapStatus.PENDING and not trap.is_published
    case = Case.objects.get(object_id=trap.pk, status=CaseStatus.OPEN)
    assert case.findings[0]["field"] == "caption"
    assert case.findings[0]["kind"] == "name"


def test_publishing_a_held_trap_closes_its_case_and_tells_the_uploader_once(
    uploader, moderator, django_capture_on_commit_callbacks
):
    trap = draft_trap(uploader)
    submit_as_false_alarm(uploader, trap, details(caption="Seen by Nurse Jackie"))
    # The moderator edits the name out in the gallery, then publishes.
    services.trap_edit(
        actor=moderator, trap=trap, data=details(caption="Seen on a ward"), note="Name"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.trap_publish(actor=moderator, trap=trap)

    assert not Case.objects.filter(status=CaseStatus.OPEN).exists()
    assert Notification.objects.filter(recipient=uploader).count() == 1


def test_approving_a_held_trap_in_the_moderation_queue_publishes_it(uploader, moderator):
    trap = draft_trap(uploader)
    submit_as_false_alarm(uploader, trap, details(caption="Seen by Nurse Jackie"))
    case = Case.objects.get(object_id=trap.pk)

    moderation.case_approve(actor=moderator, case=case)

    trap.refresh_from_db()
    assert trap.is_published


def test_error_traps_are_registered_for_moderation_with_their_text_fields(uploader, moderator):
    trap = published_trap(uploader, moderator)
    kind = registry.kind_for(trap)

    assert kind.label == "Error trap"
    assert kind.fields_of(trap)["hazard"] == trap.hazard
    assert kind.author_of(trap) == uploader
    kind.edit(trap, {"caption": "New caption"}, "note")
    trap.refresh_from_db()
    assert trap.caption == "New caption"


def test_reports_from_enough_members_hide_a_published_trap(uploader, moderator, settings):
    trap = published_trap(uploader, moderator)
    threshold = moderation._auto_hide_threshold()

    for _ in range(threshold):
        moderation.report_content(actor=MemberFactory(), target=trap, reason="patient_information")

    trap.refresh_from_db()
    assert trap.is_hidden and not trap.is_published


def test_a_moderator_hides_a_reported_trap_from_the_queue(uploader, moderator):
    trap = published_trap(uploader, moderator)
    report = moderation.report_content(
        actor=MemberFactory(), target=trap, reason="patient_information"
    )

    moderation.case_hide(actor=moderator, case=report.case, note="A face shows")

    trap.refresh_from_db()
    assert trap.is_hidden


def test_a_suspended_member_cannot_upload(uploader, moderator):
    from datetime import timedelta

    from django.utils import timezone

    moderation.member_suspend(
        actor=moderator, member=uploader, reason="Spam", until=timezone.now() + timedelta(days=3)
    )

    with pytest.raises(PermissionDenied):
        draft_trap(uploader)
