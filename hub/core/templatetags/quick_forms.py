"""`{% quick_field form.q %}` and `{% quick_choices form.type %}`: form fields rendered in
Python, for pages that render a whole filter form on every request (the search pages)."""

from django import template

from hub.core.widgets import choices_html, field_html

register = template.Library()


@register.simple_tag
def quick_field(field):
    return field_html(field)


@register.simple_tag
def quick_choices(field):
    return choices_html(field)
