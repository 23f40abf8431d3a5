"""Rich text: the sanitiser against 6,613 public XSS payloads and named tricks, plain text
conversion both ways, and the form field."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django import forms

from hub.core.richtext import (
    LINK_REL,
    RichTextarea,
    RichTextField,
    html_to_text,
    plain_text_to_html,
    sanitize_html,
)

PAYLOAD_FILE = Path(__file__).resolve().parents[2] / "data" / "xss" / "xss-payload-list.txt"

# The checker's own copy of the allow-list: a change to the sanitiser must be made here too.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "caption", "code", "pre",
    "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
FORBIDDEN_ATTRIBUTES = {"style", "src", "srcdoc", "formaction", "action", "xlink:href", "class"}
SAFE_SCHEMES = {"http", "https", "mailto"}
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")


def load_payloads() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").split("\n")
    return [line.rstrip("\r") for line in lines if line.strip()]


def href_scheme(value: str) -> str | None:
    """The scheme a browser would see, or None for a relative URL."""
    normalised = CONTROL_AND_SPACE.sub("", html.unescape(value)).lower().replace("\\", "/")
    match = re.match(r"([a-z][a-z0-9+.\-]*):", normalised)
    if match:
        return match.group(1)
    before_path = re.split(r"[/?#]", normalised, maxsplit=1)[0]
    return "?" if ":" in before_path else None


class ExecutableConstructFinder(HTMLParser):
    """Lists anything in sanitised output that is not plain allow-listed markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name in FORBIDDEN_ATTRIBUTES or name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href":
                scheme = href_scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self.problems.append(f"href scheme {scheme!r}: {value!r}")
            if name == "rel" and value != LINK_REL:
                self.problems.append(f"rel {value!r}")
            if "<" in value or ">" in value:
                self.problems.append(f"markup in attribute {name}: {value!r}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.problems.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.problems.append(f"declaration {data!r}")


def executable_constructs(output: str) -> list[str]:
    finder = ExecutableConstructFinder()
    finder.feed(output)
    finder.close()
    problems = finder.problems
    lowered = output.lower()
    if "<script" in lowered:
        problems.append("<script in output")
    if "\x00" in output:
        problems.append("null byte in output")
    return problems


# The XSS payload list ---------------------------------------------------------------------


def test_payload_list_is_complete():
    assert len(load_payloads()) >= 6600
    assert (PAYLOAD_FILE.parent / "LICENSE").exists()


@pytest.mark.parametrize("convert", [sanitize_html, plain_text_to_html])
def test_no_payload_survives_as_executable_markup(convert):
    failures = []
    for number, payload in enumerate(load_payloads(), start=1):
        output = convert(payload)
        if problems := executable_constructs(output):
            failures.append(f"payload {number}: {payload!r} -> {output!r}: {problems}")
    assert not failures, f"{len(failures)} payloads survived:\n" + "\n".join(failures[:20])


def test_sanitising_is_stable():
    """Sanitised output sanitises to itself, so re-saving content never changes it."""
    for payload in load_payloads():
        once = sanitize_html(payload)
        assert sanitize_html(once) == once, payload


# Named tricks -----------------------------------------------------------------------------

NAMED_CASES = {
    "script": "<script>alert('xss')</script>",
    "script-uppercase-src": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "script-split": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "onerror-odd-case-and-spacing": '<IMG SRC=x OnErRoR  =  "alert(1)">',
    "onload-body": "<body onload=alert(1)>",
    "onload-svg-slash": "<svg/onload=alert(1)>",
    "onmouseover": "<p onmouseover='alert(1)'>hover me</p>",
    "onmouseover-slash-separator": "<p/onMouseOver=alert(1)>hover</p>",
    "onfocus-autofocus": "<a href='#' onfocus=alert(1) autofocus tabindex=1>x</a>",
    "ontoggle-details": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "href-javascript": '<a href="javascript:alert(1)">x</a>',
    "href-entity-decimal": '<a href="&#106;avascript:alert(1)">x</a>',
    "href-entity-hex-no-semicolons": '<a href="&#x6A&#x61&#x76&#x61script:alert(1)">x</a>',
    "href-entity-tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "href-newline": '<a href="java\nscript:alert(1)">x</a>',
    "href-mixed-case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "href-leading-control": '<a href=" \x01\x0bjavascript:alert(1)">x</a>',
    "href-colon-entity": '<a href="javascript&colon;alert(1)">x</a>',
    "href-data-html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "href-data-uppercase": '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    "href-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "href-vbscript-entities": '<a href="&#118;bscript:msgbox(1)">x</a>',
    "xlink-href": '<a xlink:href="javascript:alert(1)">x</a>',
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-animate-href": (
        "<svg><a><animate attributeName=href values=javascript:alert(1) />"
        "<text y=20>x</text></a></svg>"
    ),
    "math-xlink": '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x',
    "math-mglyph-mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "iframe-javascript": "<iframe src=javascript:alert(1)></iframe>",
    "object-data": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="data:text/html,<script>alert(1)</script>">',
    "style-tag": "<style>body{background:url(javascript:alert(1))}</style><p>text</p>",
    "style-import": "<style>@import 'http://evil.example/x.css';</style>",
    "style-expression": '<p style="width: expression(alert(1))">x</p>',
    "style-url-javascript": "<p style=\"background-image: url('javascript:alert(1)')\">x</p>",
    "css-behaviour-binding": '<p style="behavior: url(x.htc); -moz-binding: url(x.xml#x)">x</p>',
    "css-escaped-expression": '<p style="width: e\\x\\p\\r\\e\\s\\s\\i\\o\\n(alert(1))">x</p>',
    "link-stylesheet": "<link rel=stylesheet href=http://evil.example/x.css>",
    "class-and-id": '<p class="skip-link" id="main">x</p>',
    "unclosed-img": "<img src=x onerror=alert(1) ",
    "unclosed-a": '<a href="javascript:alert(1)',
    "malformed-attribute-breakout": '<p title=""><img src=x onerror=alert(1)>">x</p>',
    "nested-a": '<a href="https://ok.example/">one <a href="javascript:alert(1)">two</a></a>',
    "form-button-formaction": "<form><button formaction=javascript:alert(1)>x</button></form>",
    "form-action": '<form action="javascript:alert(1)"><input type=submit></form>',
    "input-autofocus": "<input autofocus onfocus=alert(1)>",
    "base-href": '<base href="javascript:alert(1)//"><a href="/x">x</a>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "conditional-comment": "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "comment-breakout": "<!--><img src=x onerror=alert(1)>-->",
    "null-byte-tag": "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "null-byte-href": '<a href="java\x00script:alert(1)">x</a>',
    "noscript-mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "template": "<template><img src=x onerror=alert(1)></template>",
    "textarea-breakout": "<textarea></textarea><img src=x onerror=alert(1)>",
    "title-attribute-markup": '<a href="/x" title="<script>alert(1)</script>">x</a>',
    "target-and-opener": '<a href="https://ok.example/" target="_blank" rel="opener">x</a>',
    "table-attributes": '<table onclick=alert(1) background="javascript:alert(1)"><tr><td>x',
    "th-scope-injection": '<table><tr><th scope="col onmouseover=alert(1)">x</th></tr></table>',
}


@pytest.mark.parametrize("payload", NAMED_CASES.values(), ids=NAMED_CASES.keys())
@pytest.mark.parametrize("convert", [sanitize_html, plain_text_to_html])
def test_named_tricks_are_neutralised(convert, payload):
    output = convert(payload)
    assert not executable_constructs(output), output
    # Escaped text may mention them; no tag may contain them.
    assert not re.search(r"<[^>]*(javascript|onerror|onload)", output, re.IGNORECASE), output


@pytest.mark.parametrize(
    "payload",
    [NAMED_CASES[key] for key in ["script", "svg-script", "style-tag", "conditional-comment"]],
)
def test_script_and_style_contents_disappear(payload):
    assert "alert" not in sanitize_html(payload)


def test_script_only_content_is_empty():
    assert sanitize_html("<script>alert(1)</script>") == ""
    assert sanitize_html("<style>p{}</style>  ") == ""


@pytest.mark.parametrize(
    "payload",
    [
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,hi">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
    ],
)
def test_dangerous_links_lose_their_href_but_keep_text(payload):
    assert sanitize_html(payload) == f'<a rel="{LINK_REL}">x</a>'


def test_nested_links_are_separated_and_the_bad_one_loses_its_href():
    output = sanitize_html(NAMED_CASES["nested-a"])
    assert output.count("<a ") == 2
    assert output.count("href=") == 1
    assert 'href="https://ok.example/"' in output


def test_comments_are_stripped():
    assert sanitize_html("<p>a<!-- secret -->b</p>") == "<p>ab</p>"


def test_title_attribute_loses_markup():
    output = sanitize_html(NAMED_CASES["title-attribute-markup"])
    assert 'title="alert(1)"' in output


def test_target_is_dropped_and_rel_is_forced():
    output = sanitize_html(NAMED_CASES["target-and-opener"])
    assert output == f'<a href="https://ok.example/" rel="{LINK_REL}">x</a>'


def test_class_id_and_style_are_dropped():
    assert sanitize_html(NAMED_CASES["class-and-id"]) == "<p>x</p>"
    assert sanitize_html(NAMED_CASES["style-expression"]) == "<p>x</p>"


def test_table_span_and_scope_values_are_checked():
    output = sanitize_html(
        '<table><tr><th scope="row" colspan="2">a</th><th scope="evil">b</th>'
        '<td rowspan="0">c</td><td colspan="9999">d</td><td colspan=" 3 ">e</td></tr></table>'
    )
    assert '<th scope="row" colspan="2">a</th>' in output
    assert "<th>b</th>" in output
    assert "<td>c</td>" in output
    assert "<td>d</td>" in output
    assert '<td colspan="3">e</td>' in output


# Allowed formatting survives ----------------------------------------------------------------

FORMATTED = (
    "<h2>Title</h2><h3>Sub</h3><h4>Minor</h4>"
    "<p><strong>b</strong> <b>b2</b> <em>e</em> <i>i</i> <u>u</u> <s>s</s> <code>c</code>"
    "<br>next</p>"
    "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>q</p></blockquote>"
    "<pre>pre\n  kept</pre><hr>"
    '<table><caption>Cap</caption><thead><tr><th scope="col">H</th></tr></thead>'
    '<tbody><tr><th scope="row" rowspan="2">R</th><td colspan="2">D</td></tr></tbody></table>'
    '<p><a href="https://example.org/x?a=1&amp;b=2" title="T">L</a> '
    '<a href="mailto:a@example.org">M</a> <a href="/library/">Rel</a> <a href="#top">Top</a></p>'
)


def test_allowed_formatting_survives_with_rel_on_links():
    expected = re.sub(r"(<a [^>]*?)>", rf'\1 rel="{LINK_REL}">', FORMATTED)
    assert sanitize_html(FORMATTED) == expected


def test_links_get_rel_and_keep_safe_urls():
    output = sanitize_html('<p><a href="HTTPS://Example.org/">x</a></p>')
    assert output == f'<p><a href="HTTPS://Example.org/" rel="{LINK_REL}">x</a></p>'


@pytest.mark.parametrize("value", ["", "   ", "\n\t ", "<p> </p>", "<p><br></p>", "<div></div>"])
def test_whitespace_only_becomes_empty(value):
    assert sanitize_html(value) == ""


def test_text_is_escaped():
    assert sanitize_html("<p>a < b & I <3 you</p>") == "<p>a &lt; b &amp; I &lt;3 you</p>"


# html_to_text -------------------------------------------------------------------------------


def test_html_to_text_removes_tags_and_unescapes_entities():
    assert html_to_text("<p>Fish &amp; chips &lt;3 <strong>now</strong>&nbsp;please</p>") == (
        "Fish & chips <3 now please"
    )


def test_html_to_text_turns_blocks_into_line_breaks():
    value = (
        "<h2>Title</h2><p>One<br>two</p><ul><li>first</li><li>second</li></ul>"
        "<table><tr><th>a</th><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><p>end</p>"
    )
    assert html_to_text(value) == "Title\n\nOne\ntwo\n\nfirst\nsecond\n\na b\nc d\n\nend"


def test_html_to_text_keeps_line_breaks_of_preformatted_text():
    assert html_to_text("<pre>line one\nline two</pre>") == "line one\nline two"


def test_html_to_text_collapses_whitespace_and_drops_scripts():
    value = "<p>  lots   of\n\n  space </p>\n\n\n<script>alert(1)</script><style>p{}</style>"
    assert html_to_text(value) == "lots of space"


def test_html_to_text_copes_with_any_payload():
    """Callers may pass unsanitised input (e.g. for a search snippet): it must never raise."""
    for payload in load_payloads():
        text = html_to_text(payload)
        assert isinstance(text, str)
        assert "\x00" not in text


def test_html_to_text_of_nothing():
    assert html_to_text("") == ""
    assert html_to_text("<p></p>") == ""


# plain_text_to_html -------------------------------------------------------------------------


def test_plain_text_blank_lines_make_paragraphs():
    assert plain_text_to_html("First.\n\nSecond.") == "<p>First.</p><p>Second.</p>"


def test_plain_text_single_newlines_make_line_breaks():
    assert plain_text_to_html("One\r\ntwo\n  \nthree") == "<p>One<br>two</p><p>three</p>"


def test_plain_text_dash_and_star_lines_make_a_list():
    text = "We learned:\n- check twice\n* ask for help\nThat is all.\n\n- alone"
    assert plain_text_to_html(text) == (
        "<p>We learned:</p><ul><li>check twice</li><li>ask for help</li></ul>"
        "<p>That is all.</p><ul><li>alone</li></ul>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I <3 safe care", "<p>I &lt;3 safe care</p>"),
        ("a < b", "<p>a &lt; b</p>"),
        ("A & E > ward 7", "<p>A &amp; E &gt; ward 7</p>"),
        ("-not a bullet", "<p>-not a bullet</p>"),
    ],
)
def test_plain_text_is_escaped(text, expected):
    assert plain_text_to_html(text) == expected


def test_plain_text_with_tags_is_sanitised_as_html():
    assert plain_text_to_html("<p>Hi <b>there</b></p><script>x</script>") == (
        "<p>Hi <b>there</b></p>"
    )


def test_plain_text_whitespace_only_is_empty():
    assert plain_text_to_html(" \n\n\t") == ""


# RichTextField ------------------------------------------------------------------------------


class StoryForm(forms.Form):
    story = RichTextField(max_length=20)


class OptionalForm(forms.Form):
    story = RichTextField(required=False)


@pytest.mark.parametrize(
    "value", ["", "   ", "<p> </p>", "<p><br></p>", "<script>alert(1)</script>", "<img src=x>"]
)
def test_field_refuses_empty_content(value):
    form = StoryForm(data={"story": value})
    assert not form.is_valid()
    assert form.errors["story"] == ["Please write something here."]


def test_field_max_length_counts_text_not_markup():
    ok = StoryForm(data={"story": "<p><strong><em>" + "x" * 20 + "</em></strong></p>"})
    assert ok.is_valid(), ok.errors
    too_long = StoryForm(data={"story": "<p>" + "x" * 21 + "</p>"})
    assert not too_long.is_valid()
    assert too_long.errors["story"] == [
        "Please shorten this to 20 characters or fewer (it has 21)."
    ]


def test_field_keeps_sanitised_html():
    form = StoryForm(data={"story": '<h2>Hi</h2><p onclick="x()">there</p>'})
    assert form.is_valid()
    assert form.cleaned_data["story"] == "<h2>Hi</h2><p>there</p>"


def test_field_turns_plain_text_into_paragraphs():
    form = StoryForm(data={"story": "One\n\nTwo\n- three"})
    assert form.is_valid()
    assert form.cleaned_data["story"] == "<p>One</p><p>Two</p><ul><li>three</li></ul>"


def test_optional_field_may_be_empty():
    form = OptionalForm(data={"story": "<p> </p>"})
    assert form.is_valid()
    assert form.cleaned_data["story"] == ""


def test_widget_is_a_plain_textarea_marked_for_the_editor():
    rendered = str(StoryForm()["story"])
    assert rendered.startswith("<textarea ")
    assert "data-rich-text" in rendered
    assert 'rows="12"' in rendered
    assert "maxlength" not in rendered
    assert "required" in rendered
    assert isinstance(StoryForm().fields["story"].widget, RichTextarea)


def test_widget_media_loads_the_editor():
    media = str(StoryForm().media)
    assert '<script src="/static/core/editor.js" defer></script>' in media
    assert 'href="/static/core/editor.css"' in media
