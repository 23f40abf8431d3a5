"""The audit log in Django's admin, with who wrote an anonymous post masked as on the
moderation audit page (moderation owns the masking, so it owns this page; the model is core's)."""

import csv

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.http import HttpResponse

from hub.core.models import AuditEntry
from hub.core.templatetags.safety import public_time

from .queries import mask_anonymous_authors


class MaskedAuditChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        mask_anonymous_authors(self.result_list)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log: read-only for everyone, exportable as CSV.

    Who wrote an anonymous post is masked here as on the moderation audit page.
    """

    list_display = ("shown_created", "action", "shown_actor", "target_repr", "reason")
    list_filter = ("action", "target_type", "created")
    # No search by actor: it would list the anonymous posts a member wrote.
    search_fields = ("action", "target_repr", "reason")
    date_hierarchy = "created"
    list_select_related = ("actor",)
    fields = [
        "shown_created",
        "action",
        "shown_actor",
        "target_type",
        "target_id",
        "target_repr",
        "shown_reason",
        "shown_old",
        "shown_new",
    ]
    readonly_fields = fields
    actions = ["export_csv"]

    def get_changelist(self, request, **kwargs):
        return MaskedAuditChangeList

    def get_object(self, request, object_id, from_field=None):
        entry = super().get_object(request, object_id, from_field)
        if entry is not None:
            mask_anonymous_authors([entry])
        return entry

    @admin.display(description="created", ordering="created")
    def shown_created(self, obj: AuditEntry):
        # The author's action on an anonymous post: its day only (issue 21).
        return public_time(obj)

    @admin.display(description="actor")
    def shown_actor(self, obj: AuditEntry) -> str:
        return getattr(obj, "shown_actor", "")

    @admin.display(description="reason")
    def shown_reason(self, obj: AuditEntry) -> str:
        return getattr(obj, "shown_reason", "")

    @admin.display(description="old values")
    def shown_old(self, obj: AuditEntry) -> str:
        return getattr(obj, "shown_old", "")

    @admin.display(description="new values")
    def shown_new(self, obj: AuditEntry) -> str:
        return getattr(obj, "shown_new", "")

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
        entries = list(queryset.select_related("actor"))
        mask_anonymous_authors(entries)
        for entry in entries:
            writer.writerow(
                [
                    public_time(entry).isoformat(),
                    entry.action,
                    entry.shown_actor,
                    entry.target_type,
                    entry.target_id,
                    entry.target_repr,
                    entry.shown_reason,
                    entry.shown_old,
                    entry.shown_new,
                ]
            )
        return response
