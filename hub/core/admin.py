import csv

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.http import HttpResponse

from .models import AuditEntry
from .params import ascii_int
from .templatetags.safety import public_time

ANONYMOUS_NAME = "Anonymous"


class ReadableAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget looks the posted value up as an id when a form with errors
    is shown again; a value that is no id (a tampered form) is shown as empty, not a 500."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if ascii_int(v) is not None], attr)


class ReadableAutocompleteMixin:
    """Use `ReadableAutocompleteSelect` for every `autocomplete_fields` foreign key."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ReadableAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AnonymousAuthorAdminMixin:
    """Admin pages of content that can be posted anonymously: "Anonymous" instead of the author.

    Only a safeguarding lead may reveal an author (hub.moderation), so the admin shows the
    author's name only for rows that were not posted anonymously, and nobody searches by author.
    """

    author_field = "author"

    @admin.display(description="author")
    def shown_author(self, obj) -> str:
        if obj.is_anonymous:
            return ANONYMOUS_NAME
        return str(getattr(obj, self.author_field))

    def _masked(self, names) -> list[str]:
        shown = ["shown_author" if name == self.author_field else name for name in names]
        return list(dict.fromkeys(shown))

    def get_readonly_fields(self, request, obj=None):
        return self._masked(super().get_readonly_fields(request, obj))

    def get_fields(self, request, obj=None):
        return self._masked(super().get_fields(request, obj))


class MaskedAuditChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        from hub.moderation.queries import mask_anonymous_authors

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
        from hub.moderation.queries import mask_anonymous_authors

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
        from hub.moderation.queries import mask_anonymous_authors

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
