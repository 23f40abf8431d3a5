"""Comments in the admin: read-only rows; moderation goes through the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.html import strip_tags
from django.utils.text import Truncator

from hub.core.admin import AnonymousAuthorAdminMixin

from . import services
from .models import Comment


@admin.register(Comment)
class CommentAdmin(AnonymousAuthorAdminMixin, admin.ModelAdmin):
    list_display = ("created", "excerpt", "shown_author", "is_anonymous", "on", "state")
    list_filter = (
        "is_anonymous",
        ("deleted_at", admin.EmptyFieldListFilter),
        ("hidden_at", admin.EmptyFieldListFilter),
        "content_type",
        "created",
    )
    search_fields = ("body",)
    date_hierarchy = "created"
    list_select_related = ("author", "content_type")
    readonly_fields = [f.name for f in Comment._meta.fields]
    actions = ["hide_comments", "unhide_comments", "delete_comments"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # soft delete only, through the "Delete" action

    def has_hide_permission(self, request):
        return request.user.has_perm(services.HIDE_PERMISSION)

    def has_moderate_permission(self, request):
        return request.user.has_perm("engagement.delete_comment")

    @admin.display(description="comment")
    def excerpt(self, obj: Comment) -> str:
        return Truncator(strip_tags(obj.body)).chars(80)

    @admin.display(description="on")
    def on(self, obj: Comment) -> str:
        return f"{obj.content_type.name} {obj.object_id}"

    @admin.display(description="state")
    def state(self, obj: Comment) -> str:
        if obj.deleted_at:
            return "deleted"
        if obj.hidden_at:
            return "hidden"
        return "shown"

    def _each(self, request, queryset, verb, done: str) -> None:
        count = 0
        for comment in queryset:
            try:
                verb(actor=request.user, comment=comment, reason="Admin action")
            except PermissionDenied as error:
                self.message_user(request, str(error), messages.ERROR)
                return
            count += 1
        self.message_user(request, f"{count} comment(s) {done}.", messages.SUCCESS)

    @admin.action(description="Hide the selected comments", permissions=["hide"])
    def hide_comments(self, request, queryset):
        self._each(request, queryset, services.comment_hide, "hidden")

    @admin.action(description="Show the selected (hidden) comments again", permissions=["hide"])
    def unhide_comments(self, request, queryset):
        self._each(request, queryset, services.comment_unhide, "shown again")

    @admin.action(description="Delete the selected comments", permissions=["moderate"])
    def delete_comments(self, request, queryset):
        self._each(request, queryset, services.comment_delete, "deleted")
