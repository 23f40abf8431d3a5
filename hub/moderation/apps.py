from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "hub.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from hub.notifications.kinds import KindEntry, register_kind
        from hub.notifications.models import Delivery

        register_kind(
            KindEntry(
                "moderation:you",
                "Moderators' decisions about your posts, your reports and your account",
                "you",
                Delivery.IMMEDIATE,
                (
                    "moderation:outcome",
                    "moderation:author",
                    "moderation:sanction",
                    "moderation:reveal",
                ),
            )
        )
        register_kind(
            KindEntry(
                "moderation:held",
                "For moderators: posts held for review",
                "editorial",
                Delivery.IMMEDIATE,
            )
        )
