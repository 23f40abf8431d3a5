from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("forum/<slug:slug>/", views.forum, name="forum"),
    path("forum/<slug:slug>/new/", views.topic_new, name="topic_new"),
    path("network/<slug:network_slug>/", views.network_topics, name="network_topics"),
    path("network/<slug:network_slug>/new/", views.network_topic_new, name="network_topic_new"),
    path("topic/<int:pk>-<slug:slug>/", views.topic, name="topic"),
    path("topic/<int:pk>/reply/", views.reply, name="reply"),
    path("topic/<int:pk>/moderate/<slug:action>/", views.topic_moderate, name="topic_moderate"),
    path("post/<int:pk>/", views.post, name="post"),
    path("post/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("post/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("post/<int:pk>/history/", views.post_history, name="post_history"),
    path("post/<int:pk>/moderate/<slug:action>/", views.post_moderate, name="post_moderate"),
]
