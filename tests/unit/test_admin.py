"""The Django admin: every registered model's pages open; the audit log is read-only."""

import csv
import io

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from hub.accounts.models import User
from hub.community.models import Forum
from hub.core.models import AuditEntry
from hub.core.services import audit_record
from hub.engagement.models import Comment
from hub.networks.models import Invitation, JoinRequest, Membership, Network
from hub.notifications.models import Digest, Notification, NotificationPreference, OutboundEmail
from hub.taxonomy.models import Category, Series, Tag
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def ensure_task_result():
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="hub.core.tasks.example",
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )


# Builders for registered models, so each change page has a row to open.
def library_draft(owner):
    from tests.unit.library.helpers import draft

    return draft(owner)


def an_event(organiser=None, **overrides):
    from tests.unit.events.helpers import make_event

    return make_event(organiser or MemberFactory(roles=["Editor"]), **overrides)


def a_registration():
    from hub.events import recurrence
    from hub.events.services import registration_create

    event = an_event()
    start = recurrence.occurrence_starts(event)[0]
    return registration_create(actor=MemberFactory(), event=event, start=start)


def a_cancelled_session():
    from hub.events import recurrence
    from hub.events.models import Repeat
    from hub.events.services import occurrence_cancel

    event = an_event(repeat=Repeat.WEEKLY, repeat_count=3)
    start = recurrence.occurrence_starts(event)[1]
    return occurrence_cancel(actor=event.organiser, event=event, start=start, reason="Holiday")


def topic_start(**kwargs):
    from hub.community.services import topic_start as start

    return start(**kwargs)


BUILDERS = {
    "auth.group": lambda: Group.objects.first(),
    "django_tasks_database.dbtaskresult": ensure_task_result,
    "account.emailaddress": lambda: EmailAddress.objects.get(user=MemberFactory()),
    "mfa.authenticator": lambda: Authenticator.objects.create(
        user=MemberFactory(),
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": "00" * 20, "used_mask": 0},
    ),
    "core.auditentry": lambda: audit_record(action="test:admin", target=OrganisationFactory()),
    "accounts.user": lambda: MemberFactory(organisation=OrganisationFactory()),
    "accounts.organisation": lambda: OrganisationFactory(),
    "taxonomy.category": lambda: Category.objects.filter(parent__isnull=False).first(),
    "community.forum": lambda: Forum.objects.first(),
    "taxonomy.tag": lambda: Tag.objects.create(name="falls", slug="falls"),
    "taxonomy.series": lambda: Series.objects.create(name="Interviews", slug="interviews"),
    "library.item": lambda: library_draft(MemberFactory()),
    "community.topic": lambda: topic_start(
        actor=MemberFactory(), title="A question", body="<p>Hello</p>", forum=Forum.objects.first()
    ),
    "community.post": lambda: topic_start(
        actor=MemberFactory(), title="A question", body="<p>Hi</p>", forum=Forum.objects.first()
    ).posts.first(),
    "networks.network": lambda: Network.objects.create(name="N", slug="n", purpose="P"),
    "networks.joinrequest": lambda: JoinRequest.objects.create(
        network=Network.objects.create(name="J", slug="j", purpose="P"),
        user=MemberFactory(),
        answer="I lead patient safety at my trust.",
    ),
    "networks.invitation": lambda: Invitation.objects.create(
        network=Network.objects.create(name="I", slug="i", purpose="P"),
        invited_user=MemberFactory(),
        token="a-test-token",
    ),
    "engagement.comment": lambda: Comment.objects.create(
        content_type=ContentType.objects.get_for_model(Forum),
        object_id=Forum.objects.first().pk,
        author=MemberFactory(),
        body="<p>A comment</p>",
    ),
    "networks.membership": lambda: Membership.objects.create(
        network=Network.objects.create(name="M", slug="m", purpose="P"), user=MemberFactory()
    ),
    "notifications.notification": lambda: Notification.objects.create(
        recipient=MemberFactory(), kind="test:admin", title="A test notification"
    ),
    "notifications.notificationpreference": lambda: NotificationPreference.objects.create(
        user=MemberFactory(), kind="library:new_item", delivery="weekly"
    ),
    "notifications.outboundemail": lambda: OutboundEmail.objects.create(
        recipient=MemberFactory(), idempotency_key="admin-test", available_at=timezone.now()
    ),
    "events.event": lambda: an_event(speakers=[("Dr Ada Lovelace", "Speaker")]),
    "events.registration": a_registration,
    "events.cancelledoccurrence": a_cancelled_session,
    "notifications.digest": lambda: Digest.objects.create(
        recipient=MemberFactory(), frequency="weekly", period="2026-11-23"
    ),
}
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)


@pytest.fixture
def superuser_client(client, admin_member):
    client.force_login(admin_member)
    return client


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def row_for(model):
    """A row to open: built for the models we know, else whatever row the database holds."""
    builder = BUILDERS.get(model._meta.label_lower)
    return builder() if builder else model._default_manager.first()


def test_admin_index_opens_for_a_superuser(superuser_client):
    response = superuser_client.get("/admin/")

    assert response.status_code == 200
    assert "Safety Hub administration" in response.content.decode()


def test_admin_refuses_a_member_who_is_not_staff(client, member):
    client.force_login(member)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label_lower)
def test_superuser_can_open_the_changelist_with_a_search(superuser_client, model):
    row_for(model)

    plain = superuser_client.get(admin_url(model, "changelist"))
    searched = superuser_client.get(admin_url(model, "changelist"), {"q": "x"})

    assert plain.status_code == 200
    assert searched.status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label_lower)
def test_superuser_can_open_the_add_page_unless_adding_is_switched_off(
    superuser_client, admin_member, rf, model
):
    request = rf.get("/admin/")
    request.user = admin_member
    can_add = admin.site._registry[model].has_add_permission(request)

    response = superuser_client.get(admin_url(model, "add"))

    assert response.status_code == (200 if can_add else 403)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label_lower)
def test_superuser_can_open_the_change_page(superuser_client, model):
    obj = row_for(model)
    if obj is None:
        pytest.skip(f"no row to open: add a builder for {model._meta.label_lower} to BUILDERS")

    response = superuser_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200


def test_user_changelist_search_finds_by_organisation(superuser_client):
    MemberFactory(username="heron", organisation=OrganisationFactory(name="Quillfeather Trust"))
    MemberFactory(username="otter")

    response = superuser_client.get("/admin/accounts/user/", {"q": "quillfeather"})

    usernames = [u.username for u in response.context["cl"].result_list]
    assert usernames == ["heron"]


def test_organisation_changelist_counts_members(superuser_client):
    organisation = OrganisationFactory(name="Quillfeather Trust")
    MemberFactory(organisation=organisation)
    MemberFactory(organisation=organisation)

    response = superuser_client.get("/admin/accounts/organisation/")

    row = next(o for o in response.context["cl"].result_list if o.pk == organisation.pk)
    assert row.member_count == 2


# Audit log ---------------------------------------------------------------------------------


def test_audit_log_is_read_only_even_for_a_superuser(superuser_client, admin_member, rf):
    entry = audit_record(action="test:readonly", actor=admin_member, new={"a": 1})
    model_admin = admin.site._registry[AuditEntry]
    request = rf.get("/admin/")
    request.user = admin_member

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    page = superuser_client.get(admin_url(AuditEntry, "change", entry.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    post = superuser_client.post(admin_url(AuditEntry, "change", entry.pk), {"action": "x"})
    assert post.status_code == 403
    assert superuser_client.post(admin_url(AuditEntry, "delete", entry.pk)).status_code == 403
    entry.refresh_from_db()
    assert entry.action == "test:readonly"


def test_audit_log_exports_the_selected_entries_as_csv(superuser_client, admin_member, member):
    chosen = audit_record(
        action="accounts:profile:update",
        actor=admin_member,
        target=member,
        reason='Fix, "quoted"',
        old={"job_title": "Nurse"},
        new={"job_title": "Ward sister"},
    )
    audit_record(action="test:not-selected")

    response = superuser_client.post(
        admin_url(AuditEntry, "changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "created",
        "action",
        "actor",
        "target_type",
        "target_id",
        "target",
        "reason",
        "old",
        "new",
    ]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["action"] == "accounts:profile:update"
    assert row["actor"] == admin_member.username
    assert row["target_type"] == "accounts.user"
    assert row["target_id"] == str(member.pk)
    assert row["reason"] == 'Fix, "quoted"'
    assert "Nurse" in row["old"]
    assert "Ward sister" in row["new"]


def test_user_admin_erase_action_erases_the_selected_members_but_not_the_admin(
    superuser_client, admin_member
):
    target = MemberFactory()

    superuser_client.post(
        "/admin/accounts/user/",
        {"action": "erase_personal_data", "_selected_action": [target.pk, admin_member.pk]},
    )

    target.refresh_from_db()
    admin_member.refresh_from_db()
    assert target.is_active is False
    assert target.username.startswith("deleted-")
    assert admin_member.is_active is True
    assert User.objects.filter(username="hubadmin").exists()


def test_admin_never_names_the_author_of_anonymous_posts(superuser_client):
    """Only a safeguarding lead may reveal an author: the admin shows "Anonymous" everywhere."""
    from hub.community.models import Post, Topic
    from hub.community.services import topic_start
    from hub.engagement.services import comment_add

    writer = MemberFactory(username="quietnurse", display_name="Quinn Quietly")
    topic = topic_start(
        actor=writer,
        title="A near miss on the ward",
        body="<p>It nearly went wrong at handover.</p>",
        forum=Forum.objects.first(),
        anonymous=True,
    )
    from tests.unit.library.helpers import published

    item = published(MemberFactory(), MemberFactory(roles=["Editor"]))
    comment = comment_add(actor=writer, target=item, body="<p>And again.</p>", anonymous=True)
    post = topic.posts.first()

    pages = [
        admin_url(Topic, "changelist"),
        admin_url(Topic, "change", topic.pk),
        admin_url(Post, "changelist"),
        admin_url(Post, "change", post.pk),
        admin_url(Comment, "changelist"),
        admin_url(Comment, "change", comment.pk),
        admin_url(AuditEntry, "changelist"),
    ] + [
        admin_url(AuditEntry, "change", pk)
        for pk in AuditEntry.objects.values_list("pk", flat=True)
    ]
    for url in pages:
        html = superuser_client.get(url).content.decode()
        assert "quietnurse" not in html, url
        assert "Quinn Quietly" not in html, url
    assert "Anonymous" in superuser_client.get(admin_url(Topic, "changelist")).content.decode()

    # Searching by the author's name finds none of their anonymous rows.
    for model in (Topic, Post, Comment):
        found = superuser_client.get(admin_url(model, "changelist"), {"q": "quietnurse"})
        assert found.context["cl"].result_count == 0

    exported = superuser_client.post(
        admin_url(AuditEntry, "changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(AuditEntry.objects.values_list("pk", flat=True)),
        },
    ).content.decode()
    assert "quietnurse" not in exported and "Quinn Quietly" not in exported


# Events --------------------------------------------------------------------------------------


def test_event_changelist_counts_places_and_waiting_and_finds_by_speaker(superuser_client):
    from hub.events import recurrence
    from hub.events.models import Event
    from hub.events.services import registration_create

    event = an_event(title="Falls drop-in", capacity=1, speakers=[("Dr Ada Lovelace", "Chair")])
    an_event(title="Another webinar")
    start = recurrence.occurrence_starts(event)[0]
    for _ in range(3):
        registration_create(actor=MemberFactory(), event=event, start=start)

    response = superuser_client.get(admin_url(Event, "changelist"), {"q": "lovelace"})

    (row,) = response.context["cl"].result_list
    assert row.pk == event.pk
    assert (row._registered, row._waiting) == (1, 2)
    html = response.content.decode()
    assert "Places taken" in html and "Falls drop-in" in html


def test_event_changelist_filters_by_network_and_status(superuser_client):
    from hub.events.models import Event

    network = Network.objects.create(name="Managers", slug="managers", purpose="P")
    leader = MemberFactory()
    Membership.objects.create(network=network, user=leader, role="leader")
    in_network = an_event(leader, title="Managers drop-in", network=network)
    an_event(title="Public webinar")

    by_network = superuser_client.get(
        admin_url(Event, "changelist"), {"network__id__exact": network.pk}
    )
    cancelled = superuser_client.get(admin_url(Event, "changelist"), {"status__exact": "cancelled"})

    assert [e.pk for e in by_network.context["cl"].result_list] == [in_network.pk]
    assert list(cancelled.context["cl"].result_list) == []


@pytest.mark.parametrize(
    "label", ["events.event", "events.registration", "events.cancelledoccurrence"]
)
def test_events_are_read_only_in_the_admin(superuser_client, admin_member, rf, label):
    """Changes go through the services on the site (recurrence, waiting list, audit)."""
    obj = BUILDERS[label]()
    model_admin = admin.site._registry[type(obj)]
    request = rf.get("/admin/")
    request.user = admin_member

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, obj)
    assert not model_admin.has_delete_permission(request, obj)
    assert superuser_client.post(admin_url(type(obj), "delete", obj.pk)).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
