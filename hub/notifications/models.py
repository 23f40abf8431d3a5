from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Delivery(models.TextChoices):
    """How a member wants to hear about one kind of notification."""

    SITE = "site", "On the site only"
    IMMEDIATE = "immediate", "Email me straight away"
    DAILY = "daily", "In a daily email digest"
    WEEKLY = "weekly", "In a weekly email digest"
    OFF = "off", "Off (not even on the site)"


EMAIL_DELIVERIES = (Delivery.IMMEDIATE, Delivery.DAILY, Delivery.WEEKLY)
DIGEST_DELIVERIES = (Delivery.DAILY, Delivery.WEEKLY)


class Digest(models.Model):
    """One digest email for one member and one period: notifications join it when it is built."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_digests"
    )
    frequency = models.CharField(
        max_length=10, choices=[(d.value, d.label) for d in DIGEST_DELIVERIES]
    )
    period = models.CharField(max_length=20, help_text="The period's start, e.g. 2026-11-23")
    since = models.DateTimeField(null=True, blank=True, help_text="When the previous one was built")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "frequency", "period"], name="notifications_digest_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} for {self.recipient} ({self.period})"


class Notification(models.Model):
    """Something a member should know about: shown on the site, and emailed when they want it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, help_text='e.g. "library:comment", "library:decision"')
    title = models.CharField(max_length=250)
    body = models.TextField(blank=True, help_text="Plain text")
    url = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(
        auto_now_add=True,
        help_text="When it happened: the start of its day when it tells of an anonymous post",
    )
    read_at = models.DateTimeField(null=True, blank=True)
    # About something posted anonymously: only its day is kept (in `created`), shown or
    # emailed, and its email waits for the next day (issue 21).
    anonymous_source = models.BooleanField(default=False, editable=False)
    email_wanted = models.BooleanField(default=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # What it is about, so emails and digests can ask again, when they are sent, whether the
    # recipient may still see it (a network left, an item unpublished, a post hidden).
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    delivery = models.CharField(
        max_length=10, choices=Delivery.choices, default=Delivery.SITE, editable=False
    )
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created"]),
            models.Index(fields=["recipient", "kind", "-created"]),
            models.Index(
                fields=["delivery", "recipient"],
                condition=models.Q(digest__isnull=True, delivery__in=["daily", "weekly"]),
                name="notifications_awaiting_digest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.title}"


class NotificationPreference(models.Model):
    """A member's choice for one entry of the catalogue (hub.notifications.kinds)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40, help_text="A catalogue key, e.g. library:new_item")
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class EmailSettings(models.Model):
    """Per member: all notification email paused (the one-click "stop all email")."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="notification_email_settings",
    )
    email_paused = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {'paused' if self.email_paused else 'on'}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Claimed by a worker"
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Not sent (nothing left the recipient may see, or email turned off)"
    FAILED = "failed", "Gave up after repeated errors"


class OutboundEmail(models.Model):
    """One email to send, exactly once: a notification's own email or a digest.

    A worker claims a row (status "sending", claimed_at, claim_token) before sending and marks
    it sent in the transaction that sends it. The idempotency key is unique, so the same email
    cannot be queued twice; it is also the Message-ID.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outbound_emails"
    )
    idempotency_key = models.CharField(max_length=100, unique=True)
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    available_at = models.DateTimeField(help_text="Not tried before this time (retry back-off)")
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "available_at"])]

    def __str__(self) -> str:
        return f"{self.idempotency_key} ({self.status})"


class ScheduledJob(models.Model):
    """When a repeating background job next runs: one row per job, claimed by conditional
    UPDATE so that two workers never both run the same turn."""

    name = models.CharField(max_length=50, primary_key=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} next at {self.next_run_at}"
