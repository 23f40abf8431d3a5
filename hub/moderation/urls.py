from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("report/<int:ct>/<int:pk>/", views.report_content, name="report"),
    path("report/member/<str:username>/", views.report_member, name="report_member"),
    path("reveal/<int:ct>/<int:pk>/", views.reveal, name="reveal"),
    path("audit/", views.audit, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
]
