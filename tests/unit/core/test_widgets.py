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
