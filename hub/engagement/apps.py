from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "hub.engagement"
    label = "engagement"
    verbose_name = "Comments, reactions and follows"
