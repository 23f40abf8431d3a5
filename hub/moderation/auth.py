"""Banned members cannot sign in, and a signed-in member who is banned is signed out at their
next request.

A ban is a ``Sanction`` row in force (kind ban, not lifted). A ban on a named member also
makes the account inactive, so it leaves the directory; a ban on the author of an anonymous
post leaves the account exactly as it was for everyone else (``services._sanction``), so only
these backends, the sign-in adapter and the publishing services stop them. Both of the hub's
authentication backends check it: ``get_user`` reads the ban in the same query as the member.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from .models import Sanction, SanctionKind


def bans_in_force():
    return Sanction.objects.filter(kind=SanctionKind.BAN, lifted_at__isnull=True)


def _with_ban():
    return get_user_model()._default_manager.annotate(
        _ban_in_force=Exists(bans_in_force().filter(member_id=OuterRef("pk")))
    )


def is_banned(user: Any) -> bool:
    """Is a ban in force on this member (quiet or not)?"""
    if user is None or not getattr(user, "pk", None):
        return False
    known = getattr(user, "_ban_in_force", None)
    if known is not None:
        return bool(known)
    return bans_in_force().filter(member_id=user.pk).exists()


def can_sign_in(user: Any) -> bool:
    return bool(getattr(user, "is_active", False)) and not is_banned(user)


class BanAware:
    def user_can_authenticate(self, user: Any) -> bool:
        return super().user_can_authenticate(user) and not is_banned(user)  # type: ignore[misc]

    def get_user(self, user_id: Any) -> Any:
        user = _with_ban().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> Any:
        user = await _with_ban().filter(pk=user_id).afirst()
        return user if user is not None and self.user_can_authenticate(user) else None


class BanAwareModelBackend(BanAware, ModelBackend):
    pass


class BanAwareAuthenticationBackend(BanAware, AllauthBackend):
    pass
