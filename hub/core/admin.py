import csv

from django.contrib import admin
from django.http import HttpResponse

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log: read-only for everyone, exportable as CSV."""

    list_display = ("created", "action", "actor", "target_repr", "reason")
    list_filter = ("action", "target_type", "created")
    search_fields = ("action", "target_repr", "reason", "actor__username", "actor__email")
    date_hierarchy = "created"
    list_select_related = ("actor",)
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Export the selected entries as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "created",
                "action",
                "actor",
                "target_type",
                "target_id",
                "target",
                "reason",
                "old",
                "new",
            ]
        )
        for entry in queryset.select_related("actor"):
            writer.writerow(
                [
                    entry.created.isoformat(),
                    entry.action,
                    entry.actor.username if entry.actor else "",
                    entry.target_type,
                    entry.target_id,
                    entry.target_repr,
                    entry.reason,
                    entry.old_values,
                    entry.new_values,
                ]
            )
        return response
