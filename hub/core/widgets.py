"""Form widgets tuned for pages that render on every search (content and member search)."""

import html

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeData, SafeString, mark_safe


def _escape(value) -> str:
    """Django's conditional_escape without its lazy-string wrapper (same output: both use
    html.escape), which cost more than the escaping on a page of a hundred options."""
    if isinstance(value, SafeData):
        return str(value)
    return html.escape(str(value))


def _attrs(attrs: dict) -> str:
    """The markup of Django's widgets/attrs.html, built in Python."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_escape(name)}")
        else:
            parts.append(f' {_escape(name)}="{_escape(value)}"')
    return "".join(parts)


class QuickSelect(forms.Select):
    """A <select> whose markup is the same as Django's template-rendered one, built in Python.

    The category list has a hundred-odd options; rendering each through the option template
    took about half of the search page's time.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    f'\n  <option value="{_escape(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308  (every part escaped above)


def _input(widget: dict) -> str:
    """The markup of Django's widgets/input.html for a widget's context, built in Python."""
    value = widget["value"]
    shown = "" if value is None else f' value="{_escape(value)}"'
    return (
        f'<input type="{_escape(widget["type"])}" name="{_escape(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


class QuickInputMixin:
    """An <input> widget rendered in Python, with the same markup as Django's templates: a
    search page renders a dozen of them on every request."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        return mark_safe(_input(self.get_context(name, value, attrs)["widget"]))  # noqa: S308


class QuickTextInput(QuickInputMixin, forms.TextInput):
    pass


class QuickDateInput(QuickInputMixin, forms.DateInput):
    pass


class QuickNumberInput(QuickInputMixin, forms.NumberInput):
    pass


def _errors(field) -> SafeString:
    return format_html_join("", "{} ", ((error,) for error in field.errors))


def field_html(field) -> SafeString:
    """One form field as templates/includes/field.html renders it (label, hint, error, input),
    built in Python for the search pages; a test holds the two to the same markup."""
    errors = field.errors
    auto_id = field.auto_id
    parts = [format_html('<div class="field{}">', " field-has-error" if errors else "")]
    help_text = (
        format_html('<span class="helptext" id="{}_helptext">{}</span>', auto_id, field.help_text)
        if field.help_text
        else ""
    )
    error_text = (
        format_html('<p class="field-error" id="{}_error">{}</p>', auto_id, _errors(field))
        if errors
        else ""
    )
    if field.widget_type == "checkbox":
        parts += [
            error_text,
            format_html(
                '<div class="checkbox">{} <label for="{}">{}</label></div>',
                field,
                field.id_for_label,
                field.label,
            ),
            help_text,
        ]
    else:
        label = (
            '<label for="{}">{}</label>'
            if field.field.required
            else '<label for="{}">{} <span class="optional">(optional)</span></label>'
        )
        parts += [
            format_html(label, field.id_for_label, field.label),
            help_text,
            error_text,
            str(field),
        ]
    parts.append("</div>")
    return mark_safe("\n".join(parts))  # noqa: S308  (every part escaped above)


def choices_html(field) -> SafeString:
    """Radio buttons or checkboxes as a fieldset with a legend (the error, if any, under the
    legend), each option an input followed by its label."""
    errors = field.errors
    parts = [
        format_html(
            '<fieldset class="choice-group{}" id="{}">',
            " field-has-error" if errors else "",
            field.auto_id,
        ),
        format_html("<legend>{}</legend>", field.label),
    ]
    if errors:
        parts.append(format_html('<p class="field-error">{}</p>', _errors(field)))
    for choice in field:
        option = dict(choice.data, wrap_label=False)
        parts.append(
            format_html(
                '<div class="checkbox">{} <label for="{}">{}</label></div>',
                mark_safe(_input(option)),  # noqa: S308  (escaped in _input)
                choice.id_for_label,
                choice.choice_label,
            )
        )
    parts.append("</fieldset>")
    return mark_safe("\n".join(parts))  # noqa: S308  (every part escaped above)
