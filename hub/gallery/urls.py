from django.urls import path, re_path

from . import views

app_name = "gallery"

urlpatterns = [
    path("", views.index, name="index"),
    path("share/", views.upload, name="upload"),
    path("share/<int:pk>/", views.details, name="details"),
    path("share/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    re_path(
        r"^image/(?P<key>[0-9a-f]{32})-(?P<width>[0-9]{1,5})\.(?P<ext>jpg|png)$",
        views.image,
        name="image",
    ),
    path("category/<slug:slug>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("<slug:slug>/", views.trap_detail, name="trap"),
    path("<slug:slug>/blur/", views.blur, name="blur"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/decline/", views.decline, name="decline"),
    path("<slug:slug>/hide/", views.hide, name="hide"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
]
