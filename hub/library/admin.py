from django.contrib import admin

from .models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    """A read-only overview for staff: the workflow happens on the site, through the services."""

    list_display = ("title", "kind", "status", "network", "featured", "published_at", "view_count")
    list_filter = ("kind", "status", "featured", "setting", "network", "created")
    search_fields = ("title", "summary", "slug")
    date_hierarchy = "created"
    list_select_related = ("network",)
    # The author stays out of the list: anonymous items must not be unmasked here.
    exclude = ("owner", "co_authors")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
