"""``{% load richtext %}{{ post.body|rich_text }}``: the one way to print stored rich text.

The value is sanitised again with the hub's allow-list (``hub.core.richtext.render_rich_text``)
and comes out as ``SanitisedHTML``; anything else a template prints is escaped. Plain-text
fields (titles, summaries, names) are printed with ``{{ value }}``, never through this.
"""

from django import template

from hub.core.richtext import SanitisedHTML, render_rich_text

register = template.Library()


@register.filter
def rich_text(value) -> SanitisedHTML:
    return render_rich_text(value)
