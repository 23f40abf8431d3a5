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

        from hub.accounts.authored import AuthoredKind, register

        from .queries import authored_posts

        register(AuthoredKind(key="posts", written_by=authored_posts))
