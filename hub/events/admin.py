"""Events in the admin: a read-only overview for staff. Events are created, changed and cancelled
on the site through the services, which keep the recurrence, the iCalendar sequence, the waiting
list and the audit log right; the admin only helps find and check them."""

from django.contrib import admin
from django.db.models import Count, Q

from .models import CancelledOccurrence, Event, Registration, RegistrationStatus, Speaker


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SpeakerInline(ReadOnlyMixin, admin.TabularInline):
    model = Speaker
    extra = 0
    fields = readonly_fields = ("position", "name", "role")


class CancelledOccurrenceInline(ReadOnlyMixin, admin.TabularInline):
    model = CancelledOccurrence
    extra = 0
    fields = readonly_fields = ("occurrence_start", "reason", "created")


@admin.register(Event)
class EventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = (
        "title",
        "format",
        "status",
        "network",
        "organiser",
        "start",
        "repeat",
        "capacity",
        "registered",
        "waiting",
    )
    list_filter = (
        "status",
        "format",
        "repeat",
        ("network", admin.RelatedOnlyFieldListFilter),
        ("categories", admin.RelatedOnlyFieldListFilter),
        "start",
    )
    search_fields = (
        "title",
        "slug",
        "summary",
        "host_name",
        "venue",
        "organiser__username",
        "organiser__display_name",
        "speakers__name",
    )
    list_select_related = ("network", "organiser")
    date_hierarchy = "start"
    inlines = [SpeakerInline, CancelledOccurrenceInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _registered=Count(
                    "registrations",
                    filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
                    distinct=True,
                ),
                _waiting=Count(
                    "registrations",
                    filter=Q(registrations__status=RegistrationStatus.WAITING),
                    distinct=True,
                ),
            )
        )

    @admin.display(description="places taken", ordering="_registered")
    def registered(self, obj: Event) -> int:
        return obj._registered

    @admin.display(description="waiting", ordering="_waiting")
    def waiting(self, obj: Event) -> int:
        return obj._waiting


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = (
        "user",
        "event",
        "occurrence_start",
        "status",
        "registered_at",
        "reminded_at",
    )
    list_filter = (
        "status",
        ("event__network", admin.RelatedOnlyFieldListFilter),
        "occurrence_start",
    )
    search_fields = ("user__username", "user__email", "user__display_name", "event__title")
    list_select_related = ("user", "event")
    date_hierarchy = "occurrence_start"


@admin.register(CancelledOccurrence)
class CancelledOccurrenceAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("event", "occurrence_start", "reason", "created")
    list_filter = (("event__network", admin.RelatedOnlyFieldListFilter), "occurrence_start")
    search_fields = ("event__title", "reason")
    list_select_related = ("event",)
    date_hierarchy = "occurrence_start"
