"""Test-only URLs for the rich text journeys: the hub's own URLs plus pages with an editor.

/_test/rich-text/              a form with a RichTextField under the normal strict CSP
/_test/rich-text/relaxed/      the same sanitiser under a CSP that lets inline script run, so a
                               payload that survived sanitising would execute
/_test/rich-text/unsanitised/  the control: renders the raw value, proving execution is detected
"""

from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from hub.core.richtext import RichTextField, plain_text_to_html
from hub.urls import handler403, handler404, handler500  # noqa: F401
from hub.urls import urlpatterns as hub_urlpatterns

RELAXED_CSP = {"default-src": ["*", CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL, "data:"]}

PAGE = """{% extends "base.html" %}
{% block title %}Rich text test{% endblock %}
{% block head %}{{ form.media }}{{ echo.media }}{% endblock %}
{% block content %}
<h1>Rich text test</h1>
{% if rendered is not None %}
<h2>What you wrote</h2>
<div id="rendered" class="rich-text">{{ rendered|safe }}</div>
{% endif %}
{% if each %}
<h2>Line by line</h2>
<div id="rendered-each">
{% for html in each %}<div class="rich-text">{{ html|safe }}</div>{% endfor %}
</div>
{% endif %}
<form method="post" id="story-form" novalidate>{% csrf_token %}
  {% include "includes/field.html" with field=form.story %}
  <button type="submit">Publish</button>
</form>
{% if echo %}
<h2>Edit again</h2>
<form method="post" id="echo-form">{% csrf_token %}
  {% include "includes/field.html" with field=echo.story %}
</form>
{% endif %}
{% endblock %}
"""


class StoryForm(forms.Form):
    story = RichTextField(
        label="Your story",
        max_length=5000,
        help_text="Leave a blank line between paragraphs. Start a line with “- ” for a list.",
    )


class PlainStoryForm(forms.Form):
    """The sanitiser path with a plain textarea, so a test can fill in raw payloads."""

    story = RichTextField(label="Payloads", required=False, widget=forms.Textarea)


class EchoForm(forms.Form):
    """The raw submission loaded back into an editor: checks editor.js's own cleaning."""

    story = RichTextField(label="Payloads, loaded into the editor", required=False)


def _render(request, context):
    template = engines["django"].from_string(PAGE)
    defaults = {"rendered": None, "each": None, "echo": None}
    return HttpResponse(template.render({**defaults, **context}, request))


def rich_text(request):
    form = StoryForm(request.POST or None)
    rendered = form.cleaned_data["story"] if request.method == "POST" and form.is_valid() else None
    return _render(request, {"form": form, "rendered": rendered})


@csp_override(RELAXED_CSP)
def rich_text_relaxed(request):
    form = PlainStoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        raw = request.POST["story"]
        echo = EchoForm({"echo-story": raw}, prefix="echo")
        # Each line on its own too, so one unclosed payload cannot hide the ones after it.
        each = [
            plain_text_to_html(line)
            for line in raw.replace("\r\n", "\n").split("\n")
            if line.strip()
        ]
        context = {"rendered": form.cleaned_data["story"], "each": each, "echo": echo}
        return _render(request, {"form": PlainStoryForm(), **context})
    return _render(request, {"form": form})


@csp_override(RELAXED_CSP)
def rich_text_unsanitised(request):
    form = PlainStoryForm()
    rendered = request.POST.get("story", "") if request.method == "POST" else None
    return _render(request, {"form": form, "rendered": rendered})


urlpatterns = [
    path("_test/rich-text/", rich_text, name="test_rich_text"),
    path("_test/rich-text/relaxed/", rich_text_relaxed, name="test_rich_text_relaxed"),
    path("_test/rich-text/unsanitised/", rich_text_unsanitised, name="test_rich_text_unsafe"),
    *hub_urlpatterns,
]
