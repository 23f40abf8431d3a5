"""send_notification_email: a plain-text and HTML email, sent exactly once."""

import threading

import pytest
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.utils import timezone

from hub.notifications import services
from hub.notifications.models import Notification
from hub.notifications.tasks import absolute_url, send_notification_email

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


def test_a_notification_already_emailed_is_never_sent_again(notification, mailoutbox):
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())

    assert send(notification) is False
    assert mailoutbox == []


def test_a_failed_send_leaves_the_notification_to_be_retried(notification, mailoutbox, monkeypatch):
    def broken(self, fail_silently=False):
        raise ConnectionError("SMTP server went away")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", broken)
        with pytest.raises(ConnectionError):
            send(notification)
    notification.refresh_from_db()
    assert notification.emailed_at is None

    assert send(notification) is True
    assert len(mailoutbox) == 1


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
    notification = Notification.objects.create(recipient=member, kind="test", title="Busy")
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                Notification.objects.select_for_update().get(pk=notification.pk)
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
