from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "hub.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from hub.taxonomy.services import register_tag_name_check

        from .guard import require_clean_tags

        # Every tag any content kind attaches is read by the patient-data guard first.
        register_tag_name_check(require_clean_tags)

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
        register_kind(
            KindEntry(
                "moderation:referral",
                "For safeguarding leads: anonymous authors referred by moderators",
                "editorial",
                Delivery.IMMEDIATE,
            )
        )
        from hub.notifications import visibility
        from hub.notifications.outbox import register_recipient_check

        from .auth import can_sign_in

        # A banned member (a quiet ban included) gets no more email from the hub.
        register_recipient_check(can_sign_in)

        from .models import Case
        from .services import can_see_case

        # A notification about a case is shown (and emailed) only to whoever may see the case.
        visibility.register(Case, can_see_case, select_related=("content_type", "member"))
