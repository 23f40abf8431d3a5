from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created", "recipient", "kind", "title", "read_at", "emailed_at")
    list_filter = ("kind", "email_wanted", ("read_at", admin.EmptyFieldListFilter), "created")
    search_fields = ("title", "body", "kind", "recipient__username", "recipient__email")
    date_hierarchy = "created"
    list_select_related = ("recipient",)
    raw_id_fields = ("recipient",)
    readonly_fields = ("created",)
