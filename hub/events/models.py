"""Events: conferences, webinars and regular drop-in sessions, with registration and calendars.

Times are stored in UTC together with the IANA time zone the organiser chose, so a weekly
drop-in at 12:30 London time stays at 12:30 London time across daylight-saving changes: the
recurrence is worked out in local time (see recurrence.py) and only then converted to UTC.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from .recurrence import Repeat, Rule  # Repeat lives with the rules; imported here for callers


class EventFormat(models.TextChoices):
    DROP_IN = "drop_in", "Drop-in session"
    WEBINAR = "webinar", "Webinar"
    CONFERENCE = "conference", "Conference"
    WORKSHOP = "workshop", "Workshop"
    MEETING = "meeting", "Meeting"


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft (only organisers see it)"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"


class MonthWeek(models.IntegerChoices):
    FIRST = 1, "First"
    SECOND = 2, "Second"
    THIRD = 3, "Third"
    FOURTH = 4, "Fourth"
    LAST = -1, "Last"


class EventQuerySet(models.QuerySet):
    def listed(self):
        """Published or cancelled events (a cancelled event stays listed, marked cancelled)."""
        return self.exclude(status=EventStatus.DRAFT)


class Event(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.CharField(max_length=300, help_text="One or two sentences, plain text.")
    description = models.TextField(help_text="Sanitised HTML")
    format = models.CharField(max_length=12, choices=EventFormat.choices)
    status = models.CharField(
        max_length=10, choices=EventStatus.choices, default=EventStatus.PUBLISHED
    )
    cancelled_reason = models.TextField(blank=True)

    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organised_events"
    )
    host_name = models.CharField(
        "hosted by", max_length=150, blank=True, help_text="An organisation, if not the organiser."
    )
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        help_text="A network's events are seen by its members only.",
    )
    categories = models.ManyToManyField("taxonomy.Category", related_name="events", blank=True)
    tags = models.ManyToManyField("taxonomy.Tag", related_name="events", blank=True)

    venue = models.CharField(max_length=300, blank=True)
    online_url = models.URLField("online joining link", max_length=500, blank=True)
    external_registration_url = models.URLField(
        "external registration link", max_length=500, blank=True
    )

    start = models.DateTimeField(help_text="First occurrence, UTC")
    end = models.DateTimeField(help_text="End of the first occurrence, UTC")
    time_zone = models.CharField(max_length=64, help_text="IANA name, e.g. Europe/London")
    repeat = models.CharField(max_length=12, choices=Repeat.choices, default=Repeat.NEVER)
    month_week = models.SmallIntegerField(choices=MonthWeek.choices, null=True, blank=True)
    repeat_until = models.DateField(null=True, blank=True, help_text="Local date, inclusive")
    repeat_count = models.PositiveSmallIntegerField(null=True, blank=True)
    last_end = models.DateTimeField(help_text="End of the last occurrence (for listing), UTC")

    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places per session; empty means no limit."
    )
    writeup = models.ForeignKey(
        "library.Item",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_writeups",
    )
    sequence = models.PositiveIntegerField(default=0, help_text="iCalendar SEQUENCE")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["status", "last_end"]),
            models.Index(fields=["network", "last_end"]),
            models.Index(fields=["start"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_recurring(self) -> bool:
        return self.repeat != Repeat.NEVER

    @property
    def is_external(self) -> bool:
        return bool(self.external_registration_url)

    @property
    def repeat_text(self) -> str:
        """Plain English, e.g. "Every Friday, until 31 July 2027"."""
        return Rule.of(self).describe()

    @property
    def takes_registrations(self) -> bool:
        return self.status == EventStatus.PUBLISHED and not self.is_external


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class CancelledOccurrence(models.Model):
    """One session of a repeating event that will not take place (an iCalendar EXDATE)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="cancellations")
    occurrence_start = models.DateTimeField(help_text="UTC")
    reason = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurrence_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start"], name="events_cancelled_occurrence_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} on {self.occurrence_start:%Y-%m-%d %H:%M} UTC cancelled"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class Registration(models.Model):
    """A member's place at one session (occurrence) of an event; one row per person and session.

    Registration is per session: people come to the drop-ins they can make. Cancelling keeps the
    row (status cancelled) so signing up again reuses it.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    occurrence_start = models.DateTimeField(help_text="UTC")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=10, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(help_text="Place in the waiting list")
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "user"], name="events_registration_once"
            )
        ]
        indexes = [
            models.Index(fields=["event", "occurrence_start", "status"]),
            models.Index(fields=["user", "occurrence_start"]),
            models.Index(fields=["status", "reminded_at", "occurrence_start"]),
        ]

    def __str__(self) -> str:
        return (
            f"{self.user} at {self.event} ({self.occurrence_start:%Y-%m-%d %H:%M}): {self.status}"
        )


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarPreference(models.Model):
    """A member's time zone for showing events, and the secret in their private calendar links."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_preference"
    )
    time_zone = models.CharField(max_length=64, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    def __str__(self) -> str:
        return f"Calendar preference of {self.user}"
