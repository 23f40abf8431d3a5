"""``{% load moderation %}{% report_link obj %}``: a "Report" link for any registered kind."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def report_link(context, obj, label: str = "Report") -> str:
    user = context.get("user") or getattr(context.get("request"), "user", None)
    if obj is None or not getattr(user, "is_authenticated", False):
        return ""
    # ContentType.objects caches per process, so a list of comments costs no extra queries.
    ct = ContentType.objects.get_for_model(obj)
    url = reverse("moderation:report", args=[ct.pk, obj.pk])
    return format_html('<a class="report-link" href="{}" rel="nofollow">{}</a>', url, label)
