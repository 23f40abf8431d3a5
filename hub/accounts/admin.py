from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count

from hub.core.admin import ReadableAutocompleteMixin

from . import services
from .models import Organisation, User


@admin.register(User)
class UserAdmin(ReadableAutocompleteMixin, DjangoUserAdmin):
    list_display = (
        "username",
        "email",
        "display_name",
        "member_type",
        "organisation",
        "country",
        "is_active",
        "date_joined",
        "deletion_requested_at",
    )
    list_filter = (
        "is_active",
        "member_type",
        "groups",
        "is_staff",
        "country",
        ("deletion_requested_at", admin.EmptyFieldListFilter),
        "date_joined",
    )
    search_fields = (
        "username",
        "email",
        "display_name",
        "first_name",
        "last_name",
        "organisation__name",
        "job_title",
    )
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    date_hierarchy = "date_joined"
    readonly_fields = ("last_login", "date_joined", "deletion_requested_at")
    fieldsets = DjangoUserAdmin.fieldsets + (
        (
            "Profile",
            {
                "fields": (
                    "display_name",
                    "country",
                    "organisation",
                    "job_title",
                    "member_type",
                    "about",
                    "avatar",
                    "deletion_requested_at",
                )
            },
        ),
        (
            "Who can see what",
            {
                "classes": ("collapse",),
                "fields": (
                    "real_name_visibility",
                    "country_visibility",
                    "organisation_visibility",
                    "job_title_visibility",
                    "member_type_visibility",
                    "about_visibility",
                ),
            },
        ),
    )
    actions = ["erase_personal_data"]

    # The Administrator role can change members, but only a superuser can make, change or
    # remove a superuser or grant single permissions: otherwise a role holder could promote
    # themselves (or take over a superuser's account through its email address).
    SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += [f for f in self.SUPERUSER_ONLY_FIELDS if f not in fields]
        return fields

    def _guards_superuser(self, request, obj) -> bool:
        return obj is not None and obj.is_superuser and not request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return not self._guards_superuser(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not self._guards_superuser(request, obj) and super().has_delete_permission(
            request, obj
        )

    @admin.action(description="Erase personal data of the selected members", permissions=["delete"])
    def erase_personal_data(self, request, queryset):
        erased = 0
        for member in queryset:
            if member.pk == request.user.pk or self._guards_superuser(request, member):
                continue
            services.member_erase(actor=request.user, member=member, reason="Erased from the admin")
            erased += 1
        self.message_user(
            request, f"Erased the personal data of {erased} member(s).", messages.SUCCESS
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "member_count", "created")
    list_filter = ("kind", "country")
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(ordering="member_count", description="Members")
    def member_count(self, obj):
        return obj.member_count
