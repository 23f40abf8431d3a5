from django.contrib.sitemaps import Sitemap

from hub.core.templatetags.safety import public_time
from hub.taxonomy.models import Category
from hub.taxonomy.queries import public_tags

from .models import Item


class ItemSitemap(Sitemap):
    """Published items only: drafts, items in review and declined items never appear."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Item.objects.published().order_by("-published_at")

    def lastmod(self, item):
        # The day only for an anonymous item (and so for the sitemap's Last-Modified).
        return public_time(item, "updated")


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.order_by("position", "pk")


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        # Tags of the public library's published items: each is one that anyone may know of.
        return public_tags().filter(items__in=Item.objects.published()).distinct().order_by("name")
