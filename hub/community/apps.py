from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "hub.community"
    label = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        from .engagement import register_community_kinds

        register_community_kinds()

        from .moderation import register_moderated_kinds

        register_moderated_kinds()
