"""Email sent for networks outside the notification system (to people with no account yet)."""

from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse

from .models import Invitation, InvitationStatus


@task
def email_signup_invitation(invitation_id: int) -> bool:
    """Invite an address nobody on the hub uses: sign up with it, then answer the invitation."""
    from hub.notifications.outbox import absolute_url

    invitation = (
        Invitation.objects.select_related("network", "invited_by")
        .filter(pk=invitation_id, status=InvitationStatus.PENDING, invited_user__isnull=True)
        .first()
    )
    if invitation is None or not invitation.email:
        return False
    network = invitation.network
    inviter = invitation.invited_by.public_name if invitation.invited_by else "A network leader"
    body = (
        f"{inviter} invites you to join {network.name} on Safety Hub, a place to share learning "
        f"about patient safety.\n\n{network.purpose}\n\n"
        f"To accept, first join Safety Hub with this email address ({invitation.email}):\n"
        f"{absolute_url(reverse('account_signup'))}\n\n"
        "When you have confirmed your address, the invitation is waiting on your invitations "
        f"page:\n{absolute_url(reverse('networks:invitations'))}\n\n"
        "If you did not expect this email, you can ignore it: nothing happens unless you join."
    )
    send_mail(
        f"You are invited to join {network.name} on Safety Hub", body, None, [invitation.email]
    )
    return True
