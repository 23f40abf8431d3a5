from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "hub.engagement"
    label = "engagement"
    verbose_name = "Comments, reactions and follows"

    def ready(self) -> None:
        from .moderation import register_moderated_kinds

        register_moderated_kinds()

        from hub.accounts.authored import AuthoredKind, register

        from .queries import authored_comments

        register(AuthoredKind(key="comments", written_by=authored_comments))
