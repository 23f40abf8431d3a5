from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One recorded state change: who did what to which object, with old and new values."""

    action = models.CharField(
        max_length=100, db_index=True, help_text='e.g. "accounts:profile:update"'
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_repr = models.CharField(max_length=255, blank=True)
    reason = models.TextField(blank=True)
    old_values = models.JSONField(default=dict, blank=True)
    new_values = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"


class WorkerHeartbeat(models.Model):
    """The background worker's sign of life: each `manage.py run_worker` process updates its
    row every WORKER_HEARTBEAT_SECONDS. /healthz reads the newest; a task left "running" by a
    worker whose row went quiet is cleaned up (hub/core/worker.py)."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid}, seen {self.last_seen:%H:%M:%S})"


class RateLimitCounter(models.Model):
    """One rate limit's hits in one time window, counted by `hub.core.ratelimit` in the database.

    The key names the limit, who it counts and the window, so a new window is a new row; rows
    past `expires` (a Unix time) are deleted as new ones arrive.
    """

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"
