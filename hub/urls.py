from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Safety Hub administration"
admin.site.site_title = "Safety Hub admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("library/", include("hub.library.urls")),
    path("community/", include("hub.community.urls")),
    path("", include("hub.accounts.urls")),
    path("", include("hub.core.urls")),
]

handler403 = "hub.core.views.error_403"
handler404 = "hub.core.views.error_404"
handler500 = "hub.core.views.error_500"
