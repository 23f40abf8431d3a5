from allauth.account.adapter import DefaultAccountAdapter
from django import forms

from hub.core.validators import validate_plain_text

# Names that would let someone pass as the hub, its staff or an anonymous poster.
RESERVED_USERNAMES = frozenset(
    {
        "admin",
        "administrator",
        "anonymous",
        "anon",
        "editor",
        "moderator",
        "support",
        "safetyhub",
        "safety-hub",
        "hub",
        "staff",
        "system",
        "root",
        "deleted",
        "null",
        "none",
    }
)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render in the request, send in the worker: every account email takes the same time
        to answer, whether it says "confirm your address" or "you already have an account"."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from .tasks import send_account_mail

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = message.content_subtype == "html"
        send_account_mail.enqueue(
            {
                "subject": str(message.subject),
                "body": "" if html else str(message.body),
                "from_email": message.from_email,
                "to": list(message.to),
                "headers": dict(message.extra_headers),
                "alternatives": [[str(a[0]), a[1]] for a in getattr(message, "alternatives", [])]
                + ([[str(message.body), "text/html"]] if html else []),
            }
        )

    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        if username.lower() in RESERVED_USERNAMES:
            raise forms.ValidationError("That username is reserved. Please choose another.")
        validate_plain_text(username)
        return username

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from django.contrib.auth.models import Group

            from hub.core.services import audit_record

            member_group, _ = Group.objects.get_or_create(name="Member")
            user.groups.add(member_group)
            audit_record(action="accounts:member:signup", actor=user, target=user)
        return user

    def pre_login(self, request, user, **kwargs):
        # A banned member is turned away like an inactive account, whether the ban made the
        # account inactive or, for the author of an anonymous post, left it as it was.
        from hub.moderation.auth import is_banned

        if user.is_active and is_banned(user):
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return self.respond_user_inactive(request, user)
        return super().pre_login(request, user, **kwargs)
