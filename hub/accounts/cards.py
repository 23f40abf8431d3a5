"""A member's card in the member directory and member search: their picture or initial, name,
the real name and details the viewer may see (`ProfileView` decides which).

Built in Python, once per card: through the template language, each card's dozen look-ups
(profile, member, avatar, organisation, country) cost more than the page's search did, so a
page of twenty members took several milliseconds longer than a page of six.
"""

from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.urls.resolvers import RFC3986_SUBDELIMS
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django_countries import countries

from .queries import ProfileView

SLOT = "USERNAMESLOT"

AVATAR = '<img class="avatar avatar-small" src="{}" alt="" width="48" height="48">'
INITIAL = '<span class="avatar avatar-small avatar-placeholder" aria-hidden="true">{}</span>'


# Per card, django-countries' name look-up, the member type's lazy label (now cached in
# ProfileView) and reverse() were most of the card's cost (0.17 ms a card under cProfile,
# 0.066 ms without them): each is worked out once per language or script prefix.
@lru_cache(maxsize=2048)
def _country_name(code: str, language: str | None) -> str:
    return str(countries.name(code))


@lru_cache(maxsize=16)
def _profile_url_template(script_prefix: str) -> str:
    return reverse("accounts:profile", kwargs={"username": SLOT})


def profile_url(username: str) -> str:
    """`member.get_absolute_url()`, escaped as reverse() escapes it."""
    template = _profile_url_template(get_script_prefix())
    return template.replace(SLOT, quote(username, safe=RFC3986_SUBDELIMS + "/~:@"))


def member_card(profile: ProfileView) -> SafeString:
    member = profile.member
    if member.avatar:
        picture = format_html(AVATAR, member.avatar.url)
    else:
        picture = format_html(INITIAL, member.initial)
    language = get_language()
    real_name = profile.real_name
    organisation = profile.organisation
    role = ", ".join(
        part for part in (profile.job_title, organisation and organisation.name) if part
    )
    country = profile.country
    country_name = _country_name(country.code, language) if country else ""
    details = " · ".join(part for part in (role, country_name, profile.member_type) if part)
    return format_html(
        '{}\n<div>\n  <a href="{}"><strong>{}</strong></a>{}\n  <div class="meta">{}</div>\n</div>',
        picture,
        profile_url(member.username),
        member.public_name,
        format_html(' <span class="meta">({})</span>', real_name) if real_name else "",
        details,
    )
