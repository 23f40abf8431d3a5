"""The demo app's one job: load the demo content in hub/demo/content/ through the apps' services."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hub.demo"
    label = "demo"
    verbose_name = "Demo"
