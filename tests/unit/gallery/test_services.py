"""Gallery services and who may see what: unpublished never shown to others, anonymity kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from hub.core.images import Region
from hub.core.models import AuditEntry
from hub.gallery import queries, services
from hub.gallery.models import ErrorTrap, TrapStatus
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import details, draft_trap, pending_trap, photo, published_trap

pytestmark = pytest.mark.django_db


def test_an_upload_without_the_consent_tick_is_refused_and_nothing_is_stored(uploader):
    with pytest.raises(ValidationError) as refused:
        services.trap_upload(actor=uploader, upload=photo(), alt_text="A shelf", consent=False)

    assert "consent" in refused.value.message_dict
    assert not ErrorTrap.objects.exists()
    assert not default_storage.exists("gallery")


def test_an_upload_without_a_description_of_the_photo_is_refused(uploader):
    with pytest.raises(ValidationError) as refused:
        services.trap_upload(actor=uploader, upload=photo(), alt_text="  ", consent=True)

    assert "alt_text" in refused.value.message_dict


def test_a_visitor_who_is_not_signed_in_cannot_upload():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.trap_upload(actor=AnonymousUser(), upload=photo(), alt_text="x", consent=True)


def test_an_upload_is_a_draft_recorded_in_the_audit_log(uploader):
    trap = draft_trap(uploader)

    assert trap.status == TrapStatus.DRAFT
    assert trap.consent_at is not None
    assert AuditEntry.objects.filter(action="gallery:trap:upload", target_id=str(trap.pk)).exists()


def test_submitting_sets_the_details_and_waits_for_a_moderator(uploader):
    trap = pending_trap(uploader)

    assert trap.status == TrapStatus.PENDING
    assert trap.slug == "look-alike-insulin-pens"
    assert [t.name for t in trap.tags.order_by("name")] == ["insulin", "packaging"]
    assert trap.categories.get().name == "Medication"
    assert trap.submitted_at is not None


def test_submitting_without_saying_what_could_go_wrong_is_refused_and_stays_a_draft(uploader):
    trap = draft_trap(uploader)

    with pytest.raises(ValidationError) as refused:
        services.trap_submit(actor=uploader, trap=trap, data=details(hazard=" "))

    assert "hazard" in refused.value.message_dict
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DRAFT


def test_someone_else_cannot_submit_a_members_draft(uploader, other_member):
    trap = draft_trap(uploader)

    with pytest.raises(PermissionDenied):
        services.trap_submit(actor=other_member, trap=trap, data=details())


def test_a_title_that_matches_a_gallery_address_gets_a_safe_slug(uploader):
    trap = pending_trap(uploader, title="Review")

    assert trap.slug == "error-trap-review"


def test_only_moderators_publish_blur_decline_and_hide(uploader, other_member):
    trap = pending_trap(uploader)
    for call in (
        lambda: services.trap_publish(actor=uploader, trap=trap),
        lambda: services.trap_decline(actor=other_member, trap=trap, reason="no"),
        lambda: services.trap_blur(actor=uploader, trap=trap, regions=[Region(0, 0, 1, 1)]),
        lambda: services.trap_set_hidden(actor=other_member, trap=trap, hidden=True, reason="x"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    trap.refresh_from_db()
    assert trap.status == TrapStatus.PENDING


def test_publishing_tells_the_uploader_and_is_audited(uploader, moderator):
    trap = published_trap(uploader, moderator)

    assert trap.status == TrapStatus.PUBLISHED and trap.published_at
    assert Notification.objects.filter(recipient=uploader, kind="gallery:published").exists()
    assert AuditEntry.objects.filter(action="gallery:trap:published", actor=moderator).exists()


def test_declining_needs_a_reason_which_the_uploader_is_told(uploader, moderator):
    trap = pending_trap(uploader)
    with pytest.raises(ValidationError):
        services.trap_decline(actor=moderator, trap=trap, reason="")

    services.trap_decline(actor=moderator, trap=trap, reason="A name badge can be read.")

    note = Notification.objects.get(recipient=uploader, kind="gallery:declined")
    assert "A name badge can be read." in note.body
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DECLINED
    assert not queries.published_traps().exists()


def test_a_draft_cannot_be_published_or_blurred_by_a_moderator(uploader, moderator):
    trap = draft_trap(uploader)

    with pytest.raises(ValidationError):
        services.trap_publish(actor=moderator, trap=trap)
    with pytest.raises(PermissionDenied):
        services.trap_blur(actor=moderator, trap=trap, regions=[Region(0, 0, 1, 1)])


@pytest.mark.parametrize("state", ["draft", "pending", "declined", "hidden"])
def test_an_unpublished_trap_is_never_visible_to_other_members_or_visitors(
    state, uploader, moderator, other_member
):
    from django.contrib.auth.models import AnonymousUser

    if state == "draft":
        trap = draft_trap(uploader)
    elif state == "pending":
        trap = pending_trap(uploader)
    elif state == "declined":
        trap = services.trap_decline(actor=moderator, trap=pending_trap(uploader), reason="No")
    else:
        trap = published_trap(uploader, moderator)
        services.trap_set_hidden(actor=moderator, trap=trap, hidden=True, reason="Reported")

    for viewer in (other_member, AnonymousUser()):
        assert trap not in queries.traps_visible_to(viewer)
        assert queries.trap_for_image(viewer=viewer, key=trap.image_key) is None
    assert trap not in queries.published_traps()
    assert trap in queries.traps_visible_to(uploader)
    assert (trap in queries.traps_visible_to(moderator)) is (state != "draft")


def test_the_review_queue_lists_pending_traps_for_moderators_only(uploader, moderator):
    trap = pending_trap(uploader)

    assert list(queries.review_queue(viewer=moderator)) == [trap]
    assert not queries.review_queue(viewer=uploader).exists()


def test_hiding_and_showing_again_is_audited(uploader, moderator):
    trap = published_trap(uploader, moderator)
    with pytest.raises(ValidationError):
        services.trap_set_hidden(actor=moderator, trap=trap, hidden=True, reason="")

    services.trap_set_hidden(actor=moderator, trap=trap, hidden=True, reason="Reported twice")
    assert not queries.published_traps().exists()
    services.trap_set_hidden(actor=moderator, trap=trap, hidden=False)

    assert queries.published_traps().get() == trap
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"gallery:trap:hide", "gallery:trap:unhide"} <= actions


def test_a_moderator_edit_needs_a_note_that_goes_to_the_audit_log(uploader, moderator):
    trap = pending_trap(uploader)
    with pytest.raises(ValidationError):
        services.trap_edit(actor=moderator, trap=trap, data=details(), note="")

    services.trap_edit(
        actor=moderator, trap=trap, data=details(title="Similar insulin pens"), note="Clearer"
    )

    entry = AuditEntry.objects.get(action="gallery:trap:edit")
    assert entry.reason == "Clearer"
    trap.refresh_from_db()
    assert trap.title == "Similar insulin pens"


def test_withdrawing_deletes_the_trap_and_its_pictures(
    uploader, django_capture_on_commit_callbacks
):
    trap = pending_trap(uploader)
    names = [trap.storage_name(w) for w in trap.image_widths]

    with django_capture_on_commit_callbacks(execute=True):
        services.trap_delete(actor=uploader, trap=trap)

    assert not ErrorTrap.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_a_published_trap_cannot_be_withdrawn_by_its_uploader(uploader, moderator):
    trap = published_trap(uploader, moderator)

    with pytest.raises(ValidationError):
        services.trap_delete(actor=uploader, trap=trap)


def test_the_author_name_is_anonymous_for_an_anonymous_trap(uploader, moderator):
    trap = published_trap(uploader, moderator, is_anonymous=True)

    assert services.author_name(trap) == "Anonymous"
    other = published_trap(MemberFactory(display_name="Named Person"), moderator, title="Other")
    assert services.author_name(other) == "Named Person"


def test_followers_of_a_category_or_tag_hear_of_a_new_trap_without_the_authors_name(
    uploader, moderator, django_capture_on_commit_callbacks
):
    from hub.engagement import services as engagement
    from hub.taxonomy.models import Category, Tag

    category_fan, tag_fan, bystander = MemberFactory(), MemberFactory(), MemberFactory()
    published_trap(uploader, moderator, title="An earlier insulin trap")  # shows the tag
    trap = pending_trap(uploader, is_anonymous=True)
    engagement.follow_set(
        actor=category_fan, target=Category.objects.get(name="Medication"), following=True
    )
    engagement.follow_set(actor=tag_fan, target=Tag.objects.get(name="insulin"), following=True)
    engagement.follow_set(actor=uploader, target=Tag.objects.get(name="insulin"), following=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.trap_publish(actor=moderator, trap=trap)

    told = set(
        Notification.objects.filter(kind="gallery:new_trap").values_list("recipient", flat=True)
    )
    assert told == {category_fan.pk, tag_fan.pk}
    for note in Notification.objects.filter(kind="gallery:new_trap"):
        assert uploader.public_name not in note.title + note.body
    assert bystander.pk not in told


def test_gallery_notices_have_their_own_entries_in_the_notification_preferences():
    from hub.notifications.kinds import entry_for

    assert entry_for("gallery:published").key == "gallery:decision"
    assert entry_for("gallery:declined").key == "gallery:decision"
    assert entry_for("gallery:new_trap").group == "following"
