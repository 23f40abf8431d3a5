"""``{% load moderation %}{% report_link obj %}``: a "Report" link for any registered kind."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def report_link(obj, label: str = "Report") -> str:
    """The template decides who sees it (signed-in members, not the author)."""
    if obj is None:
        return ""
    # ContentType.objects caches per process, so a list of comments costs no extra queries.
    ct = ContentType.objects.get_for_model(obj)
    url = reverse("moderation:report", args=[ct.pk, obj.pk])
    return format_html('<a class="report-link" href="{}" rel="nofollow">{}</a>', url, label)
