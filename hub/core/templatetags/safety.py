"""Template helpers for safe sharing, for every content kind.

``{% load safety %}{% posted_time post.created post.is_anonymous %}`` renders a ``<time>``:
the day only for anonymous posts (so a time cannot be matched against rotas or sign-ins),
day and minute otherwise. ``{% time_of obj "field" %}`` does the same from the object (a post,
comment, item, error trap, or a notification, case or audit entry about one), and
``public_time(obj, "field")`` is the one function for times leaving the hub any other way
(feeds, sitemaps, JSON, HTTP and email headers).
"""

from datetime import date, datetime
from typing import Any

from django import template
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

from hub.core.anonymity import ANONYMOUS_HELP

register = template.Library()


def coarse_time(value: datetime | None, anonymous: bool) -> date | datetime | None:
    """The time to show for a post: its local day when anonymous."""
    if value is None:
        return None
    if anonymous:
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return timezone.localtime(value) if timezone.is_aware(value) else value


def day_start(value: datetime) -> datetime:
    """The start of the (local) day of ``value``: the time kept and shown for anything
    derived from an anonymous post (a topic's last activity, search's dates, feeds)."""
    if timezone.is_aware(value):
        local = timezone.localtime(value)
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


def day_start_if_anonymous(value: datetime | None, anonymous: bool) -> datetime | None:
    return day_start(value) if value is not None and anonymous else value


def is_anonymous_source(obj: Any) -> bool:
    """Was ``obj`` posted anonymously, or does it tell of something that was?

    Content (posts, topics, comments, library items, error traps) says so with
    ``is_anonymous``; what is derived from it (a notification, a moderation case, an audit
    entry of the author's action) with ``anonymous_source``. A user's ``is_anonymous`` (a
    signed-out visitor) is not a post's and is ignored.
    """
    if obj is None or isinstance(obj, AbstractBaseUser | AnonymousUser):
        return False
    for name in ("anonymous_source", "is_anonymous"):
        value = getattr(obj, name, False)
        if value is True:
            return True
    return False


def public_time(obj: Any, field: str = "created") -> datetime | None:
    """The time of ``obj``'s ``field`` that may be shown or sent anywhere (pages, feeds, JSON,
    sitemaps, HTTP headers, email headers): the start of its day when ``obj`` is anonymous.

    Use it for every time of anything that may be anonymous (issue 21: only the day of an
    anonymous post may be shown or derivable)."""
    value = getattr(obj, field, None) if obj is not None else None
    if value is None or not isinstance(value, datetime):
        return value
    return day_start_if_anonymous(value, is_anonymous_source(obj))


@register.simple_tag
def posted_time(value: datetime | None, anonymous: bool = False) -> str:
    shown = coarse_time(value, bool(anonymous))
    if shown is None:
        return ""
    if isinstance(shown, datetime):
        return format_html(
            '<time datetime="{}">{}</time>', shown.isoformat(), date_format(shown, "j F Y, H:i")
        )
    return format_html(
        '<time datetime="{}">{}</time>', shown.isoformat(), date_format(shown, "j F Y")
    )


@register.simple_tag
def time_of(obj: Any, field: str = "created", style: str = "minute") -> str:
    """``{% time_of notification %}``, ``{% time_of item "updated" "day" %}``: a ``<time>``
    of one of ``obj``'s times: the day only when ``obj`` is anonymous (or about something
    anonymous), else the day and minute (``style="minute"``) or the day (``style="day"``)."""
    value = getattr(obj, field, None) if obj is not None else None
    if value is None:
        return ""
    anonymous = is_anonymous_source(obj)
    if style == "day" and not anonymous:
        shown = coarse_time(value, True) if isinstance(value, datetime) else value
        return format_html(
            '<time datetime="{}">{}</time>', shown.isoformat(), date_format(shown, "j F Y")
        )
    return posted_time(value, anonymous)


@register.filter
def public(obj: Any, field: str = "created") -> datetime | None:
    """``{{ item|public:"published_at"|date:"j M Y" }}``: see ``public_time``."""
    return public_time(obj, field)


@register.filter
def day_if_anonymous(value: datetime | None, anonymous: bool) -> date | datetime | None:
    """``{{ item.created|day_if_anonymous:item.is_anonymous|date:"j F Y" }}``."""
    return coarse_time(value, bool(anonymous))


@register.simple_tag
def anonymity_help() -> str:
    """``{% anonymity_help %}``: what posting anonymously means, as every form says it."""
    return ANONYMOUS_HELP
