"""Networks in the admin. Every change goes through the services, so the rules (one leader at
least, no duplicate members) and the audit log hold here too. Join requests and invitations are
read-only: people decide on them on the network's pages."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q

from . import services
from .models import Invitation, JoinRequest, Membership, Network


def _say(request, error: Exception) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("user", "role", "joined")
    readonly_fields = ("joined",)
    raw_id_fields = ("user",)
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "listed", "parent", "member_count", "created")
    list_filter = ("kind", "listed", ("parent", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "slug", "purpose", "membership_criteria")
    list_select_related = ("parent",)
    readonly_fields = ("slug", "created", "created_by")
    fields = (
        "name",
        "slug",
        "purpose",
        "kind",
        "listed",
        "membership_criteria",
        "criteria_question",
        "parent",
        "created",
        "created_by",
    )
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _members=Count(
                    "memberships", filter=Q(memberships__user__is_active=True), distinct=True
                )
            )
        )

    @admin.display(description="members", ordering="_members")
    def member_count(self, obj: Network) -> int:
        return obj._members

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Sub-networks go one level deep.
            kwargs["queryset"] = Network.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in services.NETWORK_SETTINGS}
        try:
            if change:
                fresh = Network.objects.get(pk=obj.pk)
                services.network_update(actor=request.user, network=fresh, changes=data)
            else:
                created = services.network_create(actor=request.user, **data)
                obj.pk, obj.slug = created.pk, created.slug
                obj._state.adding = False
        except (ValidationError, PermissionDenied) as error:
            _say(request, error)
            if not change:
                raise

    def save_formset(self, request, form, formset, change):
        """Inline memberships: added, re-roled and removed through the services."""
        network = form.instance
        for membership in formset.save(commit=False):
            try:
                if membership.pk is None:
                    services.member_add(
                        actor=request.user,
                        network=network,
                        user=membership.user,
                        role=membership.role,
                    )
                else:
                    services.member_set_role(
                        actor=request.user,
                        network=network,
                        user=membership.user,
                        role=membership.role,
                    )
            except (ValidationError, PermissionDenied) as error:
                _say(request, error)
        for membership in formset.deleted_objects:
            try:
                services.member_remove(
                    actor=request.user,
                    network=network,
                    user=membership.user,
                    reason="Removed in the admin",
                )
            except (ValidationError, PermissionDenied) as error:
                _say(request, error)

    def delete_model(self, request, obj):
        # Deleting a network deletes its discussions and resources: superusers only.
        if not request.user.is_superuser:
            raise PermissionDenied
        super().delete_model(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "network", "role", "joined")
    list_filter = ("role", ("network", admin.RelatedOnlyFieldListFilter), "joined")
    search_fields = ("user__username", "user__email", "user__display_name", "network__name")
    list_select_related = ("user", "network")
    raw_id_fields = ("user",)
    readonly_fields = ("joined",)
    date_hierarchy = "joined"

    def get_readonly_fields(self, request, obj=None):
        # Who and where are fixed once the membership exists; only the role changes.
        return ("user", "network", "joined") if obj is not None else ("joined",)

    def save_model(self, request, obj, form, change):
        try:
            if change:
                services.member_set_role(
                    actor=request.user, network=obj.network, user=obj.user, role=obj.role
                )
            else:
                created = services.member_add(
                    actor=request.user, network=obj.network, user=obj.user, role=obj.role
                )
                obj.pk = created.pk
                obj._state.adding = False
        except (ValidationError, PermissionDenied) as error:
            _say(request, error)

    def delete_model(self, request, obj):
        try:
            services.member_remove(
                actor=request.user,
                network=obj.network,
                user=obj.user,
                reason="Removed in the admin",
            )
        except (ValidationError, PermissionDenied) as error:
            _say(request, error)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("network", "user"):
            self.delete_model(request, membership)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadOnlyAdmin):
    list_display = ("user", "network", "status", "created", "decided_by", "decided_at")
    list_filter = ("status", ("network", admin.RelatedOnlyFieldListFilter), "created")
    search_fields = ("user__username", "user__email", "network__name", "answer", "reason")
    list_select_related = ("user", "network", "decided_by")
    date_hierarchy = "created"


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("invited_user", "email", "network", "status", "invited_by", "created")
    list_filter = ("status", ("network", admin.RelatedOnlyFieldListFilter), "created")
    search_fields = (
        "invited_user__username",
        "invited_user__email",
        "email",
        "network__name",
        "invited_by__username",
    )
    list_select_related = ("invited_user", "network", "invited_by")
    exclude = ("token",)
    date_hierarchy = "created"
