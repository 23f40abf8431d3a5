"""send_notification_email: a plain-text and HTML email, sent exactly once."""

import threading
from datetime import timedelta

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.utils import timezone

from hub.notifications import outbox, services
from hub.notifications.models import Notification, OutboundEmail
from hub.notifications.outbox import MAX_ATTEMPTS
from hub.notifications.tasks import absolute_url, deliver_outbox, send_notification_email

pytestmark = pytest.mark.django_db


def send(notification: Notification) -> bool:
    return send_notification_email.call(notification_id=notification.pk)


@pytest.fixture
def notification(member):
    (created,) = services.notify(
        recipients=[member],
        kind="engagement:comment",
        title="Ada commented on “Safer handover”",
        body="Ada wrote:\n\nA <b>great</b> idea & well told.",
        url="/library/item/safer-handover/#comment-7",
    )
    return created


def test_the_email_has_a_plain_text_and_an_html_part(notification, mailoutbox, settings):
    settings.SITE_URL = "https://hub.example.org"

    assert send(notification) is True

    (email,) = mailoutbox
    assert email.subject == "[Safety Hub] Ada commented on “Safer handover”"
    assert isinstance(email, EmailMultiAlternatives)
    assert "A <b>great</b> idea & well told." in email.body
    assert "https://hub.example.org/library/item/safer-handover/#comment-7" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "Ada commented on “Safer handover”" in html
    assert "A &lt;b&gt;great&lt;/b&gt; idea &amp; well told." in html
    assert 'href="https://hub.example.org/library/item/safer-handover/#comment-7"' in html


def test_links_use_the_local_address_when_no_site_url_is_set(notification, mailoutbox, settings):
    settings.SITE_URL = ""

    send(notification)

    assert "http://localhost:8000/library/item/safer-handover/#comment-7" in mailoutbox[0].body


def test_absolute_url_keeps_full_urls_and_joins_paths(settings):
    settings.SITE_URL = "https://hub.example.org/"

    assert absolute_url("/a/") == "https://hub.example.org/a/"
    assert absolute_url("a/") == "https://hub.example.org/a/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"


def test_running_the_task_twice_sends_one_email(notification, mailoutbox):
    assert send(notification) is True
    assert send(notification) is False

    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_an_outbox_email_already_sent_is_never_sent_again(notification, mailoutbox):
    OutboundEmail.objects.filter(notification=notification).update(
        status="sent", sent_at=timezone.now()
    )

    assert send(notification) is False
    assert deliver_outbox.call() == {}
    assert mailoutbox == []


def test_a_failed_send_is_retried_later_and_then_sent_once(notification, mailoutbox, monkeypatch):
    def broken(self, messages):
        raise ConnectionError("SMTP server went away")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", broken)
        assert send(notification) is False
    row = OutboundEmail.objects.get(notification=notification)
    assert (row.status, row.attempts) == ("pending", 1)
    assert "SMTP server went away" in row.last_error
    assert row.available_at > timezone.now()  # backs off before trying again
    notification.refresh_from_db()
    assert notification.emailed_at is None and mailoutbox == []

    assert deliver_outbox.call() == {}  # not yet due
    OutboundEmail.objects.filter(pk=row.pk).update(available_at=timezone.now())
    assert deliver_outbox.call() == {"sent": 1}
    assert deliver_outbox.call() == {}
    assert len(mailoutbox) == 1


def test_after_repeated_failures_the_email_is_given_up(notification, mailoutbox, monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", lambda self, messages: 1 / 0)
    OutboundEmail.objects.filter(notification=notification).update(attempts=MAX_ATTEMPTS - 1)

    assert deliver_outbox.call() == {"failed": 1}
    assert OutboundEmail.objects.get(notification=notification).status == "failed"


def test_no_email_for_a_missing_notification_or_an_unwanted_email(member, mailoutbox):
    (quiet,) = services.notify(recipients=[member], kind="test", title="Quiet", email=False)

    assert send_notification_email.call(notification_id=987654) is False
    assert send(quiet) is False
    assert mailoutbox == []


def test_no_email_to_a_member_who_has_left(notification, member, mailoutbox):
    member.is_active = False
    member.save()

    assert send(notification) is False
    assert mailoutbox == []


def test_notify_queues_one_email_per_recipient_through_the_task_backend(
    member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipients=[member, other_member], kind="test", title="Hello")

    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, other_member.email])
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_notification_another_worker_is_sending_is_skipped(member, mailoutbox):
    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("needs SELECT … FOR UPDATE SKIP LOCKED (PostgreSQL)")
    (notification,) = services.notify(recipients=[member], kind="test", title="Busy")
    mailoutbox.clear()
    OutboundEmail.objects.update(status="pending", sent_at=None)
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                OutboundEmail.objects.select_for_update().get(notification=notification)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    worker = threading.Thread(target=other_worker)
    worker.start()
    try:
        assert locked.wait(10)
        assert send(notification) is False
        assert mailoutbox == []
    finally:
        release.set()
        worker.join()

    assert send(notification) is True
    assert len(mailoutbox) == 1


def test_an_email_claimed_by_a_live_worker_is_left_alone_until_its_lease_runs_out(
    notification, mailoutbox
):
    mine = outbox.claim_next()
    assert mine is not None and mine.status == "sending"

    assert outbox.claim_next() is None  # still claimed: nobody else may take it
    assert outbox.claim_next(lease=0, now=timezone.now() + timedelta(seconds=1)).pk == mine.pk

    # The first worker's lease was taken over: it sends nothing (the claim is checked and the
    # row marked before the message goes to the mail server), so the email cannot go twice.
    assert outbox.deliver(mine) == "lost"
    assert OutboundEmail.objects.get(pk=mine.pk).status == "sending"
    assert mailoutbox == []


# A dead worker's claims come back within a minute (issue 21, item 15) ----------------------


def test_a_claim_by_a_dead_worker_returns_within_a_minute(notification, mailoutbox):
    claimed = outbox.claim_next()  # then the worker dies: nothing renews its claim
    assert claimed is not None
    later = claimed.claimed_at + timedelta(seconds=59)

    assert outbox.lease_seconds() < 60
    taken = outbox.claim_next(now=later)

    assert taken is not None and taken.pk == claimed.pk
    assert outbox.deliver(taken) == "sent"
    assert len(mailoutbox) == 1


def test_a_live_workers_claim_is_renewed_by_its_heartbeat_and_not_taken_over(
    notification, mailoutbox
):
    claimed = outbox.claim_next()
    start = claimed.claimed_at
    lease = outbox.lease_seconds()

    for step in range(1, 7):  # the heartbeat renews it, longer than several leases
        assert outbox.renew_held_claims(now=start + timedelta(seconds=step * lease / 2)) == 1
    assert outbox.claim_next(now=start + timedelta(seconds=3 * lease + 1)) is None

    assert outbox.deliver(claimed) == "sent"
    assert outbox.renew_held_claims() == 0  # sent: no longer held
    assert len(mailoutbox) == 1


def test_the_worker_queues_at_once_what_a_dead_worker_had_claimed(notification, mailoutbox):
    from hub.notifications.tasks import resume_outbox

    claimed = outbox.claim_next()
    outbox._release(claimed.claim_token)  # its worker died
    assert resume_outbox() == 0  # the lease still holds

    expired = timezone.now() - timedelta(seconds=outbox.lease_seconds() + 1)
    OutboundEmail.objects.filter(pk=claimed.pk).update(claimed_at=expired)  # time went by
    assert resume_outbox() == 1  # the immediate test backend sends it now

    assert OutboundEmail.objects.get(pk=claimed.pk).status == "sent"
    assert len(mailoutbox) == 1
