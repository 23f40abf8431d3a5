"""Networks take follows (hub.engagement): a member follows a network to hear about its new
discussions and resources. Only people who may see a network's content may follow it."""

from hub.engagement.registry import EngageableKind, register

from .access import can_see_network_content
from .models import Network


def register_network_kind() -> None:
    register(
        EngageableKind(
            model=Network,
            can_view=lambda user, network: can_see_network_content(user, network.pk),
            can_engage=lambda user, network: False,
            can_follow=lambda user, network: bool(user.is_authenticated and user.is_active),
        )
    )
