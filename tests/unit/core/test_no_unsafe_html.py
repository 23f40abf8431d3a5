"""Nothing in the hub prints text unescaped except sanitised HTML (issue 21, item 1).

Plain text is never marked safe; rich text is only ever ``SanitisedHTML`` (made by
``hub.core.richtext.sanitize_html`` / ``render_rich_text`` and printed with the
``rich_text`` filter). These scans fail on any new ``|safe``, ``{% autoescape off %}``,
``mark_safe`` or ``SafeString(...)`` that is not in the small list of reviewed uses below,
and on ``format_html`` with a format string that is not written in the code.
"""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeData

from hub.core.richtext import SanitisedHTML, plain_text_to_html, sanitize_html

HUB = Path(__file__).resolve().parents[3] / "hub"

# Template constructs that print text unescaped.
UNSAFE_TEMPLATE = re.compile(
    r"\|\s*safe(?:seq)?\b|{%\s*autoescape\s+off\s*%}|{%\s*filter\s+[^%]*\bsafe\b"
)
# Reviewed uses in templates: (path under hub/, construct) -> (count, reason).
ALLOWED_IN_TEMPLATES = {
    ("notifications/templates/notifications/email/notification.txt", "autoescape off"): (
        1,
        "the text/plain part of an email: not HTML, so escaping would only garble it",
    ),
    ("notifications/templates/notifications/email/digest.txt", "autoescape off"): (
        1,
        "the text/plain part of an email: not HTML, so escaping would only garble it",
    ),
}

# Calls that mark text safe; a class deriving from these makes a new kind of safe text.
SAFE_MAKERS = {"mark_safe", "SafeString", "SafeText", "SanitisedHTML", "SafeData"}
# Reviewed uses in Python: (path under hub/, name) -> (count, reason).
ALLOWED_IN_PYTHON = {
    ("core/richtext.py", "SafeString"): (1, "SanitisedHTML derives from it: the sanitiser's type"),
    ("core/richtext.py", "SanitisedHTML"): (
        3,
        "made only from nh3's output (sanitize_html, render_rich_text) and the empty string",
    ),
    ("core/widgets.py", "mark_safe"): (
        5,
        "form widgets built from format_html parts and attributes escaped by _escape",
    ),
    ("search/backends/base.py", "mark_safe"): (
        1,
        "a search snippet: the text is escaped first, then only <mark> is added",
    ),
    ("searchpages/queries.py", "mark_safe"): (
        1,
        "a plain search snippet, escaped in the same line",
    ),
}


def _templates():
    for path in sorted(HUB.rglob("templates/**/*")):
        if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".ics", ".json"}:
            yield path


def _python_files():
    yield from sorted(p for p in HUB.rglob("*.py") if "migrations" not in p.parts)


def _name(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def test_no_template_prints_stored_text_unescaped():
    found = Counter()
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for match in UNSAFE_TEMPLATE.finditer(text):
            construct = "autoescape off" if "autoescape" in match.group() else match.group()
            found[(str(path.relative_to(HUB)), construct.replace(" ", ""))] += 1
    allowed = {
        (path, construct.replace(" ", "")): count
        for (path, construct), (count, _reason) in ALLOWED_IN_TEMPLATES.items()
    }
    assert dict(found) == allowed, (
        "Print rich text with {% load richtext %}{{ value|rich_text }} and plain text with "
        "{{ value }}; never |safe or autoescape off."
    )


def test_nothing_marks_text_safe_outside_the_reviewed_places():
    found = Counter()
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Call):
                names = [_name(node.func)]
            elif isinstance(node, ast.ClassDef):
                names = [_name(base) for base in node.bases]
            for name in names:
                if name in SAFE_MAKERS:
                    found[(str(path.relative_to(HUB)), name)] += 1
    allowed = {key: count for key, (count, _reason) in ALLOWED_IN_PYTHON.items()}
    assert dict(found) == allowed, (
        "Only the sanitiser makes text safe: return sanitize_html(...) for rich text and leave "
        "plain text as str. A new reviewed use needs an entry (with its reason) here."
    )


def _is_literal(node, assignments) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.IfExp):
        return _is_literal(node.body, assignments) and _is_literal(node.orelse, assignments)
    if isinstance(node, ast.Name) and assignments.get(node.id):
        return all(_is_literal(value, {}) for value in assignments[node.id])
    return False


def test_format_html_is_only_given_a_format_written_in_the_code():
    """format_html escapes its arguments, not its format: a format built from data (an
    f-string, a variable filled from a field) would print that data unescaped."""
    wrong = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assignments: dict[str, list] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assignments.setdefault(target.id, []).append(node.value)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            position = {"format_html": 0, "format_html_join": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            if not _is_literal(node.args[position], assignments):
                wrong.append(f"{path.relative_to(HUB)}:{node.lineno}")
    assert wrong == []


def test_the_scans_catch_what_they_are_for(tmp_path):
    """The scans are not vacuous: each pattern matches the construct it is meant to catch."""
    for text in ("{{ x|safe }}", "{{ x | safeseq }}", "{% autoescape off %}", "{% filter safe %}"):
        assert UNSAFE_TEMPLATE.search(text), text
    assert not UNSAFE_TEMPLATE.search("{{ x|rich_text }} {{ is_safe_url }} {{ safeguarding }}")
    tree = ast.parse("from x import mark_safe\nmark_safe(title)\nclass A(SafeString): pass")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert _name(calls[0].func) == "mark_safe"
    assert not _is_literal(ast.parse('f"<b>{x}</b>"').body[0].value, {})


# The sanitiser's type -----------------------------------------------------------------------


def test_the_sanitiser_returns_its_own_type():
    assert isinstance(sanitize_html("<p>Hi</p>"), SanitisedHTML)
    assert isinstance(sanitize_html(""), SanitisedHTML)
    assert isinstance(plain_text_to_html("Hi <there>"), SanitisedHTML)


def test_joining_sanitised_html_with_text_is_no_longer_safe():
    joined = sanitize_html("<p>Hi</p>") + "<meta http-equiv=refresh>"
    assert not isinstance(joined, SafeData)


@pytest.mark.parametrize(
    "stored",
    [
        '<meta http-equiv=refresh content="1;url=https://evil.example/">',
        '<p>Hi</p><form action="https://evil.example/"><input name=x></form>',
        '<iframe src="https://evil.example/"></iframe><base href="https://evil.example/">',
        "<img src=x onerror=alert(1)><script>alert(1)</script>",
    ],
)
def test_the_rich_text_filter_sanitises_whatever_is_stored(stored):
    html = Template("{% load richtext %}{{ body|rich_text }}").render(Context({"body": stored}))
    for tag in ("<meta", "<form", "<input", "<iframe", "<base", "<img", "<script"):
        assert tag not in html


def test_the_rich_text_filter_keeps_allowed_markup():
    html = Template("{% load richtext %}{{ body|rich_text }}").render(
        Context({"body": '<p>A <strong>b</strong> <a href="https://nhs.uk">c</a></p>'})
    )
    assert html.startswith('<p>A <strong>b</strong> <a href="https://nhs.uk"')
