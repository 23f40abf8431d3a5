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
