from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "hub.networks"
    label = "networks"
    verbose_name = "Networks"

    def ready(self) -> None:
        from .engagement import register_network_kind

        register_network_kind()

        from hub.notifications import visibility

        from .models import JoinRequest
        from .permissions import can_manage

        # A join request's answer is for the network's leaders (and the person who asked) only.
        visibility.register(
            JoinRequest,
            lambda user, request: request.user_id == user.pk or can_manage(user, request.network),
            select_related=("network",),
        )

        from allauth.account.signals import email_confirmed

        email_confirmed.connect(claim_invitations, dispatch_uid="networks.claim_invitations")


def claim_invitations(sender, request, email_address, **kwargs) -> None:
    """An address confirmed: invitations sent to it before its owner joined now apply."""
    from .services import invitations_claim

    if email_address.user_id:
        invitations_claim(user=email_address.user, email=email_address.email)
