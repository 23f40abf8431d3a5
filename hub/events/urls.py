from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.index, name="index"),
    path("calendar/", views.month, name="month"),
    path("past/", views.past, name="past"),
    path("mine/", views.mine, name="mine"),
    path("mine/new-calendar-links/", views.feed_token_regenerate, name="feed_token_regenerate"),
    path("new/", views.event_new, name="new"),
    path("feed.ics", views.feed, name="feed"),
    path("category/<slug:slug>/feed.ics", views.category_feed, name="category_feed"),
    path("private/<str:token>/network/<slug:slug>.ics", views.network_feed, name="network_feed"),
    path("private/<str:token>/mine.ics", views.my_feed, name="my_feed"),
    path("<int:pk>/", views.detail_by_id, name="detail_by_id"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel"),
    path("<slug:slug>/cancel-session/", views.occurrence_cancel, name="occurrence_cancel"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/unregister/", views.unregister, name="unregister"),
]
