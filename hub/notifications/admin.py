from django.contrib import admin

from .models import Digest, Notification, NotificationPreference, OutboundEmail


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created", "recipient", "kind", "delivery", "title", "read_at", "emailed_at")
    list_filter = ("kind", "delivery", ("read_at", admin.EmptyFieldListFilter), "created")
    search_fields = ("title", "body", "kind", "recipient__username", "recipient__email")
    date_hierarchy = "created"
    list_select_related = ("recipient",)
    raw_id_fields = ("recipient", "digest")
    readonly_fields = ("created", "delivery")


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "delivery", "updated")
    list_filter = ("kind", "delivery")
    search_fields = ("user__username", "user__email", "kind")
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox, for operators: what was sent, skipped or failed, and why. Read-only: a
    worker's claim must never be edited by hand."""

    list_display = ("idempotency_key", "recipient", "status", "attempts", "created", "sent_at")
    list_filter = ("status",)
    search_fields = ("idempotency_key", "recipient__username", "recipient__email", "last_error")
    list_select_related = ("recipient",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("recipient", "frequency", "period", "since", "created")
    list_filter = ("frequency",)
    search_fields = ("recipient__username", "recipient__email", "period")
    list_select_related = ("recipient",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
