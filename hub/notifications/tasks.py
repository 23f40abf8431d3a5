"""Background work for notifications: sending each notification's email exactly once."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

DEFAULT_SITE_URL = "http://localhost:8000"


def absolute_url(path: str) -> str:
    """A link for an email: SITE_URL (or the local development address) plus the path."""
    if path.startswith(("http://", "https://")):
        return path
    base = (getattr(settings, "SITE_URL", "") or DEFAULT_SITE_URL).rstrip("/")
    return base + (path if path.startswith("/") else "/" + path)


@task
def send_notification_email(*, notification_id: int) -> bool:
    """Email one notification. Idempotent: a notification already emailed is never sent again.

    The row is locked while sending (and skipped if another worker holds it), and emailed_at is
    set in the same transaction, so two workers or a re-run cannot both send it. Returns whether
    an email went out.
    """
    with transaction.atomic():
        rows = Notification.objects.select_related("recipient")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        else:
            rows = rows.select_for_update()
        notification = rows.filter(pk=notification_id).first()
        if notification is None or notification.emailed_at is not None:
            return False
        if not notification.email_wanted:
            return False
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            return False
        context = {
            "notification": notification,
            "recipient": recipient,
            "link": absolute_url(notification.url) if notification.url else "",
            "notifications_link": absolute_url("/notifications/"),
            "site_name": settings.SITE_NAME,
        }
        message = EmailMultiAlternatives(
            subject=f"[{settings.SITE_NAME}] {notification.title}".replace("\n", " "),
            body=render_to_string("notifications/email/notification.txt", context),
            to=[recipient.email],
        )
        message.attach_alternative(
            render_to_string("notifications/email/notification.html", context), "text/html"
        )
        message.send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    logger.info("Emailed notification %s", notification_id)
    return True
