from django.contrib import admin

from .models import Forum


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "slug", "position")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "slug", "description")
    list_select_related = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
