from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from hub.community.sitemaps import ForumSitemap, TopicSitemap
from hub.core.sitemaps import StaticPagesSitemap
from hub.events.sitemaps import EventSitemap
from hub.gallery.sitemaps import ErrorTrapSitemap
from hub.library.sitemaps import CategorySitemap, ItemSitemap, TagSitemap

SITEMAPS = {
    "pages": StaticPagesSitemap,
    "library": ItemSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "forums": ForumSitemap,
    "topics": TopicSitemap,
    "events": EventSitemap,
    "error-traps": ErrorTrapSitemap,
}

admin.site.site_header = "Safety Hub administration"
admin.site.site_title = "Safety Hub admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("accounts/", include("allauth.urls")),
    path("library/", include("hub.library.urls")),
    path("community/", include("hub.community.urls")),
    path("networks/", include("hub.networks.urls")),
    path("gallery/", include("hub.gallery.urls")),
    path("engage/", include("hub.engagement.urls")),
    path("notifications/", include("hub.notifications.urls")),
    path("events/", include("hub.events.urls")),
    path("search/", include("hub.searchpages.urls")),
    path("moderation/", include("hub.moderation.urls")),
    path("", include("hub.accounts.urls")),
    path("", include("hub.core.urls")),
]

handler400 = "hub.core.views.error_400"
handler403 = "hub.core.views.error_403"
handler404 = "hub.core.views.error_404"
handler500 = "hub.core.views.error_500"
