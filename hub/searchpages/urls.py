from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("feed/", views.SearchFeed(), name="feed"),
    path("tags/", views.tag_suggestions, name="tags"),
    path("suggest/", views.title_suggestions, name="suggest"),
    path("members/", views.members, name="members"),
]
