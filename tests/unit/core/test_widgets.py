"""The search page's quick <select> renders exactly what Django's template-rendered one does."""

import pytest
from django import forms

from hub.core.widgets import QuickSelect

CHOICES = [
    ("", "Any category"),
    ("falls", "Falls & fractures"),
    ("meds", "— Medication <safety>"),
    ("quote", 'The "quoted" one'),
]


@pytest.mark.parametrize("value", ["", "meds", "quote", "missing", None])
@pytest.mark.parametrize(
    "attrs",
    [
        {"id": "id_category"},
        {"id": "id_category", "aria-describedby": "id_category_helptext", "required": True},
        {"id": "x", "disabled": False, "data-note": 'a "b" <c>'},
    ],
)
def test_quick_select_renders_the_same_markup_as_django(value, attrs):
    expected = forms.Select(choices=CHOICES).render("category", value, attrs=dict(attrs))
    assert QuickSelect(choices=CHOICES).render("category", value, attrs=dict(attrs)) == expected


def test_quick_select_renders_option_groups_like_django():
    grouped = [("Areas", [("a", "Area A"), ("b", "Area <B>")]), ("c", "Loose")]
    expected = forms.Select(choices=grouped).render("forum", "b", attrs={"id": "id_forum"})
    assert QuickSelect(choices=grouped).render("forum", "b", attrs={"id": "id_forum"}) == expected


# Inputs and whole fields -------------------------------------------------------------------

import datetime  # noqa: E402

from django.template import Context, Template  # noqa: E402
from django.test.html import parse_html  # noqa: E402

from hub.core.widgets import (  # noqa: E402
    QuickDateInput,
    QuickNumberInput,
    QuickTextInput,
    choices_html,
    field_html,
)


@pytest.mark.parametrize("value", [None, "", "falls", 'a "quoted" <b>', 0, 12])
@pytest.mark.parametrize(
    "attrs",
    [
        {"id": "id_q"},
        {"id": "id_q", "type": "search", "autocomplete": "off", "required": True},
        {"id": "x", "disabled": False, "data-tag-suggest": "", "aria-invalid": "true"},
    ],
)
def test_quick_inputs_render_the_same_markup_as_django(value, attrs):
    for quick, django_widget in [
        (QuickTextInput, forms.TextInput),
        (QuickNumberInput, forms.NumberInput),
    ]:
        expected = django_widget().render("q", value, attrs=dict(attrs))
        assert quick().render("q", value, attrs=dict(attrs)) == expected


@pytest.mark.parametrize("value", [None, "", datetime.date(2024, 3, 9), "2024-13-45"])
def test_quick_date_input_formats_dates_like_django(value):
    options = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}
    expected = forms.DateInput(**options).render("after", value, attrs={"id": "id_after"})
    assert QuickDateInput(**options).render("after", value, attrs={"id": "id_after"}) == expected


class EveryKindOfField(forms.Form):
    words = forms.CharField(label="Words <and> more", help_text="Use “quotes”.")
    optional = forms.CharField(required=False, widget=QuickTextInput)
    since = forms.DateField(required=False, widget=QuickDateInput(attrs={"type": "date"}))
    count = forms.IntegerField(required=False, min_value=0, widget=QuickNumberInput)
    where = forms.ChoiceField(
        required=False, choices=[("", "Anywhere"), ("a", "A & B")], widget=QuickSelect
    )
    agree = forms.BooleanField(label="I agree", help_text="Needed.")


FIELD_TEMPLATE = Template('{% include "includes/field.html" %}')


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"words": "x", "optional": "<y>", "since": "2024-02-01", "count": "3", "where": "a"},
        {"words": "", "since": "yesterday", "count": "-1", "where": "zzz"},
    ],
)
def test_field_html_renders_what_the_field_template_renders(data):
    form = EveryKindOfField(data)
    form.is_valid()
    for field in form:
        expected = FIELD_TEMPLATE.render(Context({"field": field}))
        assert parse_html(field_html(field)) == parse_html(expected), field.name


# What the choices' template was before it moved to Python: each option rendered by Django.
CHOICES_TEMPLATE = Template(
    '<fieldset class="choice-group{% if field.errors %} field-has-error{% endif %}" '
    'id="{{ field.auto_id }}"><legend>{{ field.label }}</legend>'
    '{% if field.errors %}<p class="field-error">{% for error in field.errors %}{{ error }} '
    "{% endfor %}</p>{% endif %}"
    '{% for choice in field %}<div class="checkbox">{{ choice.tag }} '
    '<label for="{{ choice.id_for_label }}">{{ choice.choice_label }}</label></div>'
    "{% endfor %}</fieldset>"
)


class Choosing(forms.Form):
    match = forms.ChoiceField(
        choices=[("all", "All the words"), ("any", "Any <of> them")], widget=forms.RadioSelect
    )
    kinds = forms.MultipleChoiceField(
        required=False,
        choices=[("article", "Articles"), ("news", "News & views"), ("topic", "Topics")],
        widget=forms.CheckboxSelectMultiple,
    )


@pytest.mark.parametrize(
    "data",
    [None, {"match": "any", "kinds": ["news", "topic"]}, {"match": "none", "kinds": ["x"]}],
)
def test_choices_html_renders_each_option_as_django_does(data):
    form = Choosing(data)
    form.is_valid()
    for field in form:
        expected = CHOICES_TEMPLATE.render(Context({"field": field}))
        assert parse_html(choices_html(field)) == parse_html(expected), field.name
    if data and data["match"] == "any":
        assert 'value="any" id="id_match_1" required checked>' in choices_html(form["match"])
        assert "Any &lt;of&gt; them" in choices_html(form["match"])
