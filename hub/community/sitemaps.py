from django.contrib.sitemaps import Sitemap

from . import queries
from .models import Forum


class TopicSitemap(Sitemap):
    """Public topics only: never a network's topics, never hidden or deleted ones."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return queries.public_topics().only("pk", "slug", "last_post_at")

    def lastmod(self, topic):
        return topic.last_post_at


class ForumSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Forum.objects.order_by("position", "pk")
