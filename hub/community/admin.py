from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from hub.core.admin import AnonymousAuthorAdminMixin

from . import services
from .models import Forum, Post, PostRevision, Topic

ADMIN_REASON = "From the admin"


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "slug", "position")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "slug", "description")
    list_select_related = ("parent",)
    prepopulated_fields = {"slug": ("name",)}


def _run(modeladmin, request, rows, service, done: str, **kwargs) -> None:
    """Call a service for each selected row; report what happened and what was refused."""
    changed, refused = 0, []
    for row in rows:
        try:
            service(actor=request.user, **{modeladmin.target_name: row}, **kwargs)
        except (PermissionDenied, ValidationError) as error:
            messages_list = getattr(error, "messages", None) or [str(error)]
            refused.append(f"{row}: {' '.join(messages_list)}")
        else:
            changed += 1
    if changed:
        modeladmin.message_user(request, f"{done}: {changed}.", messages.SUCCESS)
    for message in refused:
        modeladmin.message_user(request, message, messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows change only through services (the actions); nothing is edited or added by hand."""

    target_name = ""

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(Topic)
class TopicAdmin(AnonymousAuthorAdminMixin, ReadOnlyAdmin):
    target_name = "topic"
    list_display = (
        "title",
        "forum",
        "network",
        "shown_author",
        "is_anonymous",
        "pinned",
        "locked",
        "is_hidden",
        "is_deleted",
        "reply_count",
        "last_post_at",
    )
    list_filter = (
        "pinned",
        "locked",
        "is_anonymous",
        ("hidden_at", admin.EmptyFieldListFilter),
        ("deleted_at", admin.EmptyFieldListFilter),
        ("forum", admin.RelatedOnlyFieldListFilter),
        ("network", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title",)
    list_select_related = ("forum", "network", "author")
    date_hierarchy = "created"
    actions = [
        "pin_topics",
        "unpin_topics",
        "lock_topics",
        "unlock_topics",
        "hide_topics",
        "unhide_topics",
        "delete_topics",
    ]

    @admin.display(boolean=True, description="hidden")
    def is_hidden(self, obj: Topic) -> bool:
        return obj.hidden_at is not None

    @admin.display(boolean=True, description="deleted")
    def is_deleted(self, obj: Topic) -> bool:
        return obj.deleted_at is not None

    @admin.action(description="Pin the selected discussions")
    def pin_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_pin, "Pinned", reason=ADMIN_REASON)

    @admin.action(description="Unpin the selected discussions")
    def unpin_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_unpin, "Unpinned", reason=ADMIN_REASON)

    @admin.action(description="Lock the selected discussions")
    def lock_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_lock, "Locked", reason=ADMIN_REASON)

    @admin.action(description="Unlock the selected discussions")
    def unlock_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_unlock, "Unlocked", reason=ADMIN_REASON)

    @admin.action(description="Hide the selected discussions")
    def hide_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_hide, "Hidden", reason=ADMIN_REASON)

    @admin.action(description="Show the selected discussions again")
    def unhide_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_unhide, "Shown", reason=ADMIN_REASON)

    @admin.action(description="Delete the selected discussions (soft)")
    def delete_topics(self, request, queryset):
        _run(self, request, queryset, services.topic_delete, "Deleted", reason=ADMIN_REASON)


class PostRevisionInline(admin.TabularInline):
    model = PostRevision
    extra = 0
    can_delete = False
    fields = ("created", "edited_by", "body")
    readonly_fields = fields
    ordering = ("-created",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Post)
class PostAdmin(AnonymousAuthorAdminMixin, ReadOnlyAdmin):
    target_name = "post"
    list_display = (
        "__str__",
        "number",
        "shown_author",
        "is_anonymous",
        "created",
        "edited_at",
        "is_hidden",
        "is_deleted",
    )
    list_filter = (
        "is_anonymous",
        ("hidden_at", admin.EmptyFieldListFilter),
        ("deleted_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("body", "topic__title")
    list_select_related = ("topic", "author")
    inlines = [PostRevisionInline]
    actions = ["hide_posts", "unhide_posts", "delete_posts"]

    @admin.display(boolean=True, description="hidden")
    def is_hidden(self, obj: Post) -> bool:
        return obj.hidden_at is not None

    @admin.display(boolean=True, description="deleted")
    def is_deleted(self, obj: Post) -> bool:
        return obj.deleted_at is not None

    @admin.action(description="Hide the selected posts")
    def hide_posts(self, request, queryset):
        _run(self, request, queryset, services.post_hide, "Hidden", reason=ADMIN_REASON)

    @admin.action(description="Show the selected posts again")
    def unhide_posts(self, request, queryset):
        _run(self, request, queryset, services.post_unhide, "Shown", reason=ADMIN_REASON)

    @admin.action(description="Delete the selected posts (soft)")
    def delete_posts(self, request, queryset):
        _run(self, request, queryset, services.post_delete, "Deleted", reason=ADMIN_REASON)
