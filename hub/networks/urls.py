from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("invitations/", views.invitations, name="invitations"),
    path(
        "invitations/<int:pk>/<str:answer>/",
        views.invitation_answer,
        name="invitation_answer",
    ),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/discussions/", views.discussions, name="discussions"),
    path("<slug:slug>/resources/", views.resources, name="resources"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/invite/", views.invite, name="invite"),
    path(
        "<slug:slug>/manage/invitations/<int:pk>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
    path(
        "<slug:slug>/manage/requests/<int:pk>/<str:decision>/",
        views.request_decide,
        name="request_decide",
    ),
    path(
        "<slug:slug>/manage/members/<int:user_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "<slug:slug>/manage/members/<int:user_id>/role/",
        views.member_role,
        name="member_role",
    ),
]
