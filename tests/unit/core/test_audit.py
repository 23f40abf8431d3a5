import pytest

from hub.core.models import AuditEntry
from hub.core.services import audit_record


@pytest.mark.django_db
def test_audit_record_stores_actor_target_and_old_and_new_values(member, other_member):
    entry = audit_record(
        action="accounts:profile:update",
        actor=member,
        target=other_member,
        reason="Typo in the job title",
        old={"job_title": "Nurse", "member_type": ""},
        new={"job_title": "Ward sister", "member_type": "staff"},
    )

    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.action == "accounts:profile:update"
    assert stored.actor == member
    assert stored.target_type == "accounts.user"
    assert stored.target_id == str(other_member.pk)
    assert stored.target_repr == str(other_member)
    assert stored.reason == "Typo in the job title"
    assert stored.old_values == {"job_title": "Nurse", "member_type": ""}
    assert stored.new_values == {"job_title": "Ward sister", "member_type": "staff"}


@pytest.mark.django_db
def test_audit_record_stores_objects_and_lists_as_text(member, organisation):
    entry = audit_record(
        action="test:values",
        target=member,
        old={"organisation": None, "roles": ["Editor"], "active": True},
        new={"organisation": organisation, "roles": ("Editor", "Moderator"), "active": False},
    )

    entry.refresh_from_db()
    assert entry.old_values == {"organisation": None, "roles": ["Editor"], "active": True}
    assert entry.new_values == {
        "organisation": organisation.name,
        "roles": ["Editor", "Moderator"],
        "active": False,
    }


@pytest.mark.django_db
def test_audit_record_keeps_no_actor_for_an_anonymous_or_system_change(member):
    from django.contrib.auth.models import AnonymousUser

    anonymous = audit_record(action="test:anonymous", actor=AnonymousUser(), target=member)
    system = audit_record(action="test:system")

    assert anonymous.actor is None
    assert system.actor is None
    assert system.target_type == ""
    assert system.target_id == ""
