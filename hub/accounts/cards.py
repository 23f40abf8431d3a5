"""A member's card in the member directory and member search: their picture or initial, name,
the real name and details the viewer may see (`ProfileView` decides which).

Built in Python, once per card: through the template language, each card's dozen look-ups
(profile, member, avatar, organisation, country) cost more than the page's search did, so a
page of twenty members took several milliseconds longer than a page of six.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString

from .queries import ProfileView

AVATAR = '<img class="avatar avatar-small" src="{}" alt="" width="48" height="48">'
INITIAL = '<span class="avatar avatar-small avatar-placeholder" aria-hidden="true">{}</span>'


def member_card(profile: ProfileView) -> SafeString:
    member = profile.member
    if member.avatar:
        picture = format_html(AVATAR, member.avatar.url)
    else:
        picture = format_html(INITIAL, member.initial)
    real_name = profile.real_name
    organisation = profile.organisation
    role = ", ".join(
        part for part in (profile.job_title, organisation and organisation.name) if part
    )
    country = profile.country
    details = " · ".join(
        part for part in (role, country and country.name, profile.member_type) if part
    )
    return format_html(
        '{}\n<div>\n  <a href="{}"><strong>{}</strong></a>{}\n  <div class="meta">{}</div>\n</div>',
        picture,
        member.get_absolute_url(),
        member.public_name,
        format_html(' <span class="meta">({})</span>', real_name) if real_name else "",
        details,
    )
