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

        from hub.notifications import visibility

        from .models import Comment

        # A comment's notification stays visible while the comment does and its target may be
        # seen (asked again of the target's own check).
        def comment_visible(user, comment) -> bool:
            target = comment.target
            return comment.is_visible and target is not None and visibility.can_view(user, target)

        visibility.register(Comment, comment_visible, prefetch_related=("target",))

        from . import registry

        # Any other kind registered here: its own can_view answers for its notifications.
        def engaged_kind_visible(user, obj) -> bool | None:
            if not registry.is_registered(type(obj)):
                return None
            return registry.kind_for(obj).can_view(user, obj)

        visibility.register_fallback(engaged_kind_visible)
