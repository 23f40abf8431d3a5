from django.conf import settings
from django.db import models


class Notification(models.Model):
    """Something a member should know about: shown on the site, and emailed when they want it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, help_text='e.g. "library:comment", "library:decision"')
    title = models.CharField(max_length=250)
    body = models.TextField(blank=True, help_text="Plain text")
    url = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_wanted = models.BooleanField(default=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created"]),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.title}"
