from django.contrib.sitemaps import Sitemap

from .models import ErrorTrap


class ErrorTrapSitemap(Sitemap):
    """Published error traps only. The last change is given as a day, never a time: an
    anonymous upload's exact time could point to who took it."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ErrorTrap.objects.published().order_by("-published_at", "-id")

    def lastmod(self, trap):
        return trap.updated.date()
