from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.static_page, {"template": "core/about.html"}, name="about"),
    path("privacy/", views.static_page, {"template": "core/privacy.html"}, name="privacy"),
    path("cookies/", views.static_page, {"template": "core/cookies.html"}, name="cookies"),
    path("cookies/hide-notice/", views.cookie_notice_dismiss, name="cookie_notice_dismiss"),
    path(
        "accessibility/",
        views.static_page,
        {"template": "core/accessibility.html"},
        name="accessibility",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("gallery/", views.coming_soon, {"section": "gallery"}, name="gallery"),
    path("media/<path:path>", views.media, name="media"),
]
