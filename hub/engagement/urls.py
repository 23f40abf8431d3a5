from django.urls import path

from . import views

app_name = "engagement"

urlpatterns = [
    path("comment/<int:ct>/<int:pk>/", views.comment_add, name="comment_add"),
    path("comment/<int:comment_id>/edit/", views.comment_edit, name="comment_edit"),
    path("comment/<int:comment_id>/delete/", views.comment_delete, name="comment_delete"),
    path("react/<int:ct>/<int:pk>/", views.reaction_toggle, name="react"),
    path("follow/<int:ct>/<int:pk>/", views.follow_set, name="follow"),
]
