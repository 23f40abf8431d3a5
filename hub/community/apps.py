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

        from . import queries

        register(AuthoredKind(key="posts", written_by=queries.authored_posts))

        from .search import register_forum_sources

        register_forum_sources()

        from hub.networks.sections import Section, register_section

        # A network's pages list its discussions. The lambdas look the reads up when called.
        register_section(
            Section(
                key="discussions",
                everything=lambda viewer, network: queries.topic_list(
                    viewer=viewer, network=network
                ),
                latest=lambda viewer, network, limit: queries.latest_topics(
                    viewer=viewer, network=network, limit=limit
                ),
            )
        )

        from hub.notifications import visibility

        from . import permissions
        from .models import Post

        # A post's notification: visible while not deleted or hidden, where it sits is.
        def post_visible(user, post) -> bool:
            return permissions.post_is_visible(post) and permissions.can_view_topic(
                user, post.topic
            )

        visibility.register(Post, post_visible, select_related=("topic",))
