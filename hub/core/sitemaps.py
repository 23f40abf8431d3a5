from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return [
            "core:home",
            "core:about",
            "core:privacy",
            "core:cookies",
            "core:accessibility",
            "library:index",
            "community:index",
        ]

    def location(self, name):
        return reverse(name)
