from django.contrib.sitemaps import Sitemap

from . import queries


class EventSitemap(Sitemap):
    """Public events only: a network's events and drafts never appear."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return queries.public_events().order_by("-start")[:5000]

    def lastmod(self, event):
        return event.updated
