from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_account_mail(message: dict) -> None:
    """Send an account email (verification, reset, "you already have an account") rendered
    during the request, so the request never waits for the mail server."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        headers=message.get("headers") or None,
    )
    for content, mimetype in message.get("alternatives", []):
        email.attach_alternative(content, mimetype)
    email.send()
