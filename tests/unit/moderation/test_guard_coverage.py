"""The patient-data guard reads every free text others see (issue 21, item 11): attachment
file names, a profile's "about me" (and role, organisation), network join-request answers and
event text (title, summary, description, venue, speakers' roles, cancellation reasons)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hub.accounts.services import profile_update
from hub.events import services as events
from hub.library import services as library
from hub.library.models import Attachment
from hub.moderation import guard as pii_guard
from hub.moderation.guard import PersonalDataFound
from hub.moderation.models import PiiClearance
from hub.networks import services as networks
from hub.networks.models import JoinRequest
from tests.factories import MemberFactory
from tests.unit.accounts.test_profile_edit import form_data
from tests.unit.events.helpers import event_data, make_event
from tests.unit.library.helpers import draft

pytestmark = pytest.mark.django_db

NHS = "943 476 5919"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def organiser(db):
    return MemberFactory(username="orla", display_name="Orla", roles=["Editor"])


@pytest.fixture
def request_network(admin_member):
    return networks.network_create(
        actor=admin_member,
        name="Patient Safety Partners",
        kind="request",
        purpose="Partners in safety.",
    )


def _tokens(fields):
    return [flag.token for flag in pii_guard.inspect(fields).flags]


# Profiles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["about", "job_title", "organisation_name"])
def test_a_profile_with_an_nhs_number_is_not_saved(member, field):
    with pytest.raises(PersonalDataFound):
        profile_update(actor=member, member=member, data={field: f"Ask me about {NHS}"})
    member.refresh_from_db()
    assert NHS not in member.about and NHS not in member.job_title


def test_the_profile_form_shows_the_finding_and_keeps_what_was_typed(client, member):
    client.force_login(member)
    about = f"I once mixed up wristbands: {NHS} was on both."
    response = client.post("/profile/edit/", form_data(member, about=about, job_title="Nurse"))
    html = response.content.decode()
    assert response.status_code == 400
    assert f"<mark>{NHS}</mark>" in html and "valid check digit" in html
    assert about in html and 'value="Nurse"' in html  # everything typed is kept
    assert 'name="pii_false_alarm"' in html
    member.refresh_from_db()
    assert NHS not in member.about


def test_a_profile_finding_ticked_as_not_patient_information_is_saved_and_recorded(member):
    about = "Sister Okoro taught me everything."
    tokens = _tokens({"about": about})
    assert tokens
    profile_update(actor=member, member=member, data={"about": about}, pii_false_alarms=tokens)
    member.refresh_from_db()
    assert member.about == about
    assert PiiClearance.objects.filter(object_id=member.pk, token__in=tokens).exists()
    # not asked again when the profile is saved later
    profile_update(actor=member, member=member, data={"about": about, "job_title": "Nurse"})


# Network join requests ----------------------------------------------------------------------


def test_a_join_request_answer_with_an_nhs_number_is_not_sent(request_network, member):
    with pytest.raises(PersonalDataFound):
        networks.request_create(
            actor=member, network=request_network, answer=f"My patient {NHS} made me care."
        )
    assert not JoinRequest.objects.filter(user=member).exists()


def test_the_join_form_shows_the_finding_and_keeps_the_answer(client, request_network, member):
    client.force_login(member)
    answer = f"My patient {NHS} made me care."
    response = client.post(f"/networks/{request_network.slug}/join/", {"answer": answer})
    html = response.content.decode()
    assert response.status_code == 400
    assert f"<mark>{NHS}</mark>" in html and answer in html
    assert not JoinRequest.objects.filter(user=member).exists()


def test_a_ticked_join_answer_is_sent(request_network, member):
    answer = "Sister Okoro sent me."
    join_request = networks.request_create(
        actor=member,
        network=request_network,
        answer=answer,
        pii_false_alarms=_tokens({"answer": answer}),
    )
    assert join_request.answer == answer


# Events -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", f"Learning from {NHS}"),
        ("summary", f"About the patient {NHS}."),
        ("description", f"<p>The patient <strong>{NHS}</strong> agreed.</p>"),
        ("venue", f"Bed 4, patient {NHS}"),
    ],
)
def test_an_event_with_an_nhs_number_is_not_saved(organiser, field, value):
    with pytest.raises(PersonalDataFound):
        make_event(organiser, **{field: value})


def test_a_speakers_role_is_read(organiser):
    with pytest.raises(PersonalDataFound):
        make_event(organiser, speakers=[("Dr Ada Lane", f"Treated {NHS}")])


def test_changing_an_event_is_read_too(organiser):
    event = make_event(organiser)
    with pytest.raises(PersonalDataFound):
        events.event_update(
            actor=organiser, event=event, data=event_data(summary=f"Patient {NHS} came.")
        )
    event.refresh_from_db()
    assert NHS not in event.summary


def test_the_event_form_shows_the_finding_and_keeps_what_was_typed(client, organiser):
    client.force_login(organiser)
    response = client.post(
        "/events/new/",
        {
            "title": "Wristband audit",
            "summary": f"Why {NHS} was on two wristbands.",
            "description": "Come along.",
            "format": "drop_in",
            "start_date": "2030-01-04",
            "start_time": "12:30",
            "end_date": "2030-01-04",
            "end_time": "13:30",
            "time_zone": "Europe/London",
            "online_url": "https://meet.example.org/x",
            "repeat": "never",
            "status": "published",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400 and f"<mark>{NHS}</mark>" in html
    assert 'value="Wristband audit"' in html  # everything typed is kept


def test_an_event_cancellation_reason_is_read(organiser):
    event = make_event(organiser)
    with pytest.raises(ValidationError) as raised:
        events.event_cancel(actor=organiser, event=event, reason=f"Patient {NHS} is unwell.")
    assert NHS in " ".join(raised.value.messages)


# Attachment file names ----------------------------------------------------------------------


def test_an_attachment_named_with_an_nhs_number_is_refused(member):
    item = draft(member)
    with pytest.raises(ValidationError) as raised:
        library.attachment_add(
            actor=member, item=item, upload=SimpleUploadedFile(f"scan_{NHS}.pdf", PDF)
        )
    assert NHS in " ".join(raised.value.messages)
    assert not Attachment.objects.filter(item=item).exists()


def test_a_titled_name_with_underscores_in_a_file_name_is_read(member):
    item = draft(member)
    with pytest.raises(ValidationError):
        library.attachment_add(
            actor=member, item=item, upload=SimpleUploadedFile("Mrs_Jane_Doe_notes.pdf", PDF)
        )


def test_a_file_name_already_kept_blocks_submission(member):
    item = draft(member)
    Attachment.objects.create(
        item=item, original_name=f"{NHS}.pdf", content_type="application/pdf", size=10
    )
    with pytest.raises(PersonalDataFound) as raised:
        library.item_submit(actor=member, item=item)
    labels = [flag.field_label for flag in raised.value.guard.flags]
    assert any("File name" in label for label in labels)
