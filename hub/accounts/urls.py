from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<str:username>/", views.profile, name="profile"),
    path("profile/", views.profile_me, name="profile_me"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/posts/", views.my_posts, name="my_posts"),
    path("profile/picture/", views.avatar_upload, name="avatar_upload"),
    path("profile/picture/remove/", views.avatar_remove, name="avatar_remove"),
    path("profile/delete/", views.account_delete, name="delete"),
]
