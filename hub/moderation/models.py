"""Reports, held posts and member sanctions: what moderators work through.

A ``Case`` is one line in the moderation queue: a piece of content (any kind registered with
``hub.moderation.registry``) or a member, with why it is there (``source``), its state and
its outcome. Reports from members attach to the open case for the same target, so several
reports about one comment are one line with a count.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property

from . import registry


class Source(models.TextChoices):
    REPORT = "report", "Reported by members"
    HELD = "held", "Held: possible patient information"
    AUTO_HIDDEN = "auto_hidden", "Hidden automatically after reports"
    # An anonymous post's author, referred by a moderator: only safeguarding leads see these.
    REFERRAL = "referral", "Anonymous author referred to a safeguarding lead"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Waiting for review"
    RESOLVED = "resolved", "Resolved"


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved: no action needed"
    HIDDEN = "hidden", "Hidden"
    EDITED = "edited", "Edited by a moderator"
    WARNED = "warned", "Member warned"
    SUSPENDED = "suspended", "Member suspended"
    BANNED = "banned", "Member banned"


class ReportReason(models.TextChoices):
    PATIENT_INFORMATION = "patient_information", "It identifies a patient or member of staff"
    ABUSIVE = "abusive", "It is abusive, bullying or discriminatory"
    UNSAFE_ADVICE = "unsafe_advice", "It gives unsafe or misleading clinical advice"
    SPAM = "spam", "It is spam or advertising"
    OTHER = "other", "Something else"


class Case(models.Model):
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_cases",
        help_text="Who the case is about: the author, or the member reported.",
    )
    is_member_report = models.BooleanField(default=False)
    source = models.CharField(max_length=12, choices=Source.choices, db_index=True)
    status = models.CharField(
        max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN, db_index=True
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    top_reason = models.CharField(max_length=30, choices=ReportReason.choices, blank=True)
    report_count = models.PositiveIntegerField(default=0)
    # For held posts: the findings the author marked as not patient information.
    findings = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True, help_text="The author's or reporter's note")
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        permissions = [
            ("moderate_content", "Can work through the moderation queue"),
            ("reveal_anonymous", "Can reveal the author of an anonymous post"),
            ("view_moderation_audit", "Can view and export the moderation audit log"),
        ]
        indexes = [
            models.Index(fields=["status", "-created"]),
            models.Index(fields=["content_type", "object_id", "status"]),
        ]

    def __str__(self) -> str:
        return f"Case {self.pk} ({self.get_source_display()})"

    @cached_property
    def anonymous_source(self) -> bool:
        """About an anonymous post: its times (a held post's case opens when it is posted) are
        shown to the day only, in the queue and in notifications (issue 21)."""
        return about_anonymous_post(self)


def about_anonymous_post(case: Case) -> bool:
    """Is the case about an anonymous post (so its member must stay unknown to moderators)?"""
    if case.source == Source.REFERRAL:
        return True
    target = case.target if case.content_type_id is not None else None
    return target is not None and bool(registry.kind_for(target).is_anonymous(target))


class Report(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_reports"
    )
    reason = models.CharField(max_length=30, choices=ReportReason.choices)
    details = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reporter"], name="moderation_report_once")
        ]
        indexes = [models.Index(fields=["reporter", "-created"])]

    def __str__(self) -> str:
        return f"Report by {self.reporter_id} on case {self.case_id}"


class SanctionKind(models.TextChoices):
    WARNING = "warning", "Warning"
    SUSPENSION = "suspension", "Suspension"
    BAN = "ban", "Ban"


class Sanction(models.Model):
    """A warning, suspension (until a date) or ban. Suspended members cannot post; banned
    members cannot sign in."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(max_length=12, choices=SanctionKind.choices)
    until = models.DateTimeField(null=True, blank=True)
    reason = models.TextField()
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["member", "kind", "-created"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.member_id}"


class PiiClearance(models.Model):
    """A finding of the patient-data guard that someone said is not patient information.

    Authors clear findings when they submit; for library items a reviewer must clear them too
    before the item can be published.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    token = models.CharField(max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_reviewer = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "token", "by_reviewer"],
                name="moderation_clearance_once",
            )
        ]

    def __str__(self) -> str:
        return f"Cleared {self.token} on {self.content_type_id}:{self.object_id}"
