from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "hub.insights"
    label = "insights"
    verbose_name = "Insights"
