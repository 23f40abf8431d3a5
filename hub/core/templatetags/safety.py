"""Template helpers for safe sharing, for every content kind.

``{% load safety %}{% posted_time post.created post.is_anonymous %}`` renders a ``<time>``:
the day only for anonymous posts (so a time cannot be matched against rotas or sign-ins),
day and minute otherwise.
"""

from datetime import date, datetime

from django import template
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


@register.filter
def day_if_anonymous(value: datetime | None, anonymous: bool) -> date | datetime | None:
    """``{{ item.created|day_if_anonymous:item.is_anonymous|date:"j F Y" }}``."""
    return coarse_time(value, bool(anonymous))


@register.simple_tag
def anonymity_help() -> str:
    """``{% anonymity_help %}``: what posting anonymously means, as every form says it."""
    return ANONYMOUS_HELP
