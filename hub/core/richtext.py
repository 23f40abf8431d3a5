"""Rich text shared by every content kind (library items, comments, forum posts).

Content is stored as sanitised HTML. Everything that comes from a person goes through
``sanitize_html`` (an explicit nh3 allow-list) before it is saved or shown. ``RichTextField``
does that for forms, and also accepts plain text from the no-JavaScript textarea (blank lines
make paragraphs, "- " makes bullets).

``sanitize_html`` returns a ``SanitisedHTML``: the only kind of text the hub ever lets a
template print unescaped. Templates never use ``|safe`` on stored content; they print rich
text with ``{% load richtext %}{{ post.body|rich_text }}``, which sanitises again on the way
out (so a row written by anything but a form, or before a change of the allow-list, is still
cleaned), and print every other field with ``{{ value }}`` (escaped). ``tests/unit/core/
test_no_unsafe_html.py`` fails on any other way of marking text safe.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ALLOWED_URL_SCHEMES",
    "LINK_REL",
    "RichTextField",
    "RichTextarea",
    "SanitisedHTML",
    "html_to_text",
    "is_safe_url",
    "looks_like_html",
    "plain_text_to_html",
    "render_rich_text",
    "sanitize_html",
]

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "code",
        "pre",
        "hr",
    }
)
# Free-valued attributes; "scope" is limited to its four keywords below instead.
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "th": frozenset({"colspan", "rowspan"}),
    "td": frozenset({"colspan", "rowspan"}),
}
SCOPE_VALUES = frozenset({"row", "col", "rowgroup", "colgroup"})
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer ugc"
# Removed together with everything inside them (nh3 strips other unknown tags but keeps text).
CLEAN_CONTENT_TAGS = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"}
    | {"textarea", "select", "title", "xmp", "noembed", "noframes", "plaintext", "frameset"}
)
MAX_SPAN = 100
MAX_TITLE_LENGTH = 300

# C0 controls, DEL, C1 controls, and invisible characters browsers ignore inside URL schemes.
_CONTROL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_TAG_LIKE = re.compile(r"<[^>]*>?")
_WHITESPACE = re.compile(r"\s+")
# A complete start tag, end tag, comment or declaration: "<3" and "a < b" are not tags.
_HTML_TAG = re.compile(r"<(?:/?[a-zA-Z][^<>]*>|!--|![a-zA-Z][^<>]*>|\?[^<>]*>)")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")


def is_safe_url(url: str) -> bool:
    """True for relative URLs and http, https and mailto URLs (after undoing obfuscation)."""
    normalised = _CONTROL_CHARS.sub("", html.unescape(url)).lower()
    # Browsers treat a backslash like a slash; "\\evil" must not hide a scheme either.
    normalised = normalised.replace("\\", "/")
    match = _SCHEME.match(normalised)
    if match is None:
        # No scheme before the first "/", "?" or "#": a relative URL (or a bare word).
        return ":" not in normalised.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return match.group(1) in ALLOWED_URL_SCHEMES


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Second line of defence after nh3's own checks. Must never raise."""
    try:
        if attribute == "rel":  # nh3's forced link_rel
            return LINK_REL
        if attribute == "href":
            value = value.strip()
            return value if value and is_safe_url(value) else None
        if attribute == "title":
            text = _WHITESPACE.sub(" ", _TAG_LIKE.sub("", value)).replace("<", "").strip()
            return text[:MAX_TITLE_LENGTH] or None
        if attribute in {"colspan", "rowspan"}:
            value = value.strip()
            return (
                value
                if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_SPAN
                else None
            )
        if attribute == "scope":
            return value if value in SCOPE_VALUES else None
    except Exception:  # an attribute we cannot judge is dropped
        return None
    return None


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(CLEAN_CONTENT_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    tag_attribute_values={"th": {"scope": set(SCOPE_VALUES)}},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=LINK_REL,
    generic_attribute_prefixes=set(),
    url_schemes=set(ALLOWED_URL_SCHEMES),
    url_relative="pass_through",
)


class SanitisedHTML(SafeString):
    """HTML that has been through ``sanitize_html``: the only text printed unescaped.

    Only ``sanitize_html`` makes one. Joining it with plain text (``+``) gives a plain ``str``
    again, which templates escape.
    """

    __slots__ = ()

    def __add__(self, rhs):
        return str.__add__(self, rhs)  # a plain str: escaped wherever it is printed


_EMPTY = SanitisedHTML("")


def sanitize_html(value: str) -> SanitisedHTML:
    """Keep only the allow-listed tags and attributes; "" when nothing but whitespace is left."""
    if not value or not value.strip():
        return _EMPTY
    cleaned = _cleaner.clean(str(value).replace("\x00", "")).strip()
    if not _extract_text(cleaned) and "<hr>" not in cleaned and "<table>" not in cleaned:
        return _EMPTY  # nothing visible: "<p> </p>", "<p><br></p>", a stripped "<script>"
    return SanitisedHTML(cleaned)


def render_rich_text(value) -> SanitisedHTML:
    """Stored rich text, sanitised again for printing (the ``rich_text`` template filter).

    Lighter than ``sanitize_html`` (no check for an empty result), so a long discussion
    renders quickly; anything that is not a string prints as nothing.
    """
    if not isinstance(value, str) or not value:
        return _EMPTY
    return SanitisedHTML(_cleaner.clean(str.replace(value, "\x00", "")).strip())


# Plain text ---------------------------------------------------------------------------------

_PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre", "hr"}
    | {"div", "section", "article", "header", "footer", "aside", "figure", "dl"}
)
_LINE_TAGS = frozenset({"br", "li", "tr", "caption", "dt", "dd", "thead", "tbody", "tfoot"})
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "title", "head"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.preformatted = 0

    def _break(self, tag: str, start: bool) -> None:
        if tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        elif tag in _LINE_TAGS and start:  # a new line, list item or row begins
            self.parts.append("\n")
        elif tag in _CELL_TAGS and start:
            self.parts.append(" ")

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_CONTENT_TAGS:
            self.skipping += 1
        elif tag == "pre":
            self.preformatted += 1
        self._break(tag, start=True)

    def handle_startendtag(self, tag, attrs):
        self._break(tag, start=True)

    def handle_endtag(self, tag):
        if tag in _SKIP_CONTENT_TAGS and self.skipping:
            self.skipping -= 1
        elif tag == "pre" and self.preformatted:
            self.preformatted -= 1
        self._break(tag, start=False)

    def handle_data(self, data):
        if self.skipping:
            return
        # Newlines in the source are just spaces, except inside <pre>.
        self.parts.append(data if self.preformatted else _WHITESPACE.sub(" ", data))


# Any input (not only sanitised HTML) is first made well-formed, keeping the tags that matter
# for line breaks, so Python's HTMLParser never meets markup it chokes on.
_text_cleaner = nh3.Cleaner(
    tags=set(_PARAGRAPH_TAGS | _LINE_TAGS | _CELL_TAGS),
    clean_content_tags=set(CLEAN_CONTENT_TAGS),
    attributes={},
    strip_comments=True,
    link_rel=None,
)


def html_to_text(value: str) -> str:
    """Plain text for summaries, emails and search snippets.

    Tags go, entities are unescaped, paragraphs (and other blocks) are separated by a blank
    line, line breaks and list items start a new line, and other whitespace collapses.
    Safe to call on any input, sanitised or not. The result is text, not HTML: escape it
    (Django templates do) before putting it into a page.
    """
    if not value:
        return ""
    return _extract_text(_text_cleaner.clean(value.replace("\x00", "")))


def _extract_text(value: str) -> str:
    if not value:
        return ""
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    lines = []
    for line in "".join(parser.parts).replace("\xa0", " ").split("\n"):
        lines.append(" ".join(line.split()))
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def looks_like_html(value: str) -> bool:
    """True when the value contains at least one complete tag, comment or declaration."""
    return bool(_HTML_TAG.search(value or ""))


def plain_text_to_html(value: str) -> str:
    """Turn text from the plain textarea into sanitised HTML.

    Text without tags is escaped; blank lines separate paragraphs, single newlines become
    <br>, and lines starting with "- " or "* " become a bulleted list. A value that already
    contains tags (from the editor) is only sanitised.
    """
    if not value or not value.strip():
        return ""
    if looks_like_html(value):
        return sanitize_html(value)
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    blocks = re.split(r"\n[ \t\f\v]*\n", text.strip("\n"))
    out: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        paragraph: list[str] = []
        bullets: list[str] = []

        def flush_paragraph(paragraph=paragraph):
            if paragraph:
                out.append("<p>" + "<br>".join(html.escape(p, quote=False) for p in paragraph))
                out[-1] += "</p>"
                paragraph.clear()

        def flush_bullets(bullets=bullets):
            if bullets:
                items = "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in bullets)
                out.append(f"<ul>{items}</ul>")
                bullets.clear()

        for line in lines:
            bullet = _BULLET.match(line)
            if bullet and bullet.group(1).strip():
                flush_paragraph()
                bullets.append(bullet.group(1).strip())
            else:
                flush_bullets()
                paragraph.append(line)
        flush_paragraph()
        flush_bullets()
    return sanitize_html("".join(out))


# Forms --------------------------------------------------------------------------------------


class RichTextarea(forms.Textarea):
    """A normal <textarea> (works without JavaScript) that editor.js enhances."""

    class Media:
        css = {"all": ["core/editor.css"]}
        js = [forms.Script("core/editor.js", defer=True)]

    def __init__(self, attrs=None):
        default_attrs = {"rows": 12, "cols": 60, "data-rich-text": True}
        if attrs:
            default_attrs.update(attrs)
        super().__init__(default_attrs)


class RichTextField(forms.CharField):
    """Rich text in, sanitised HTML out.

    ``max_length`` limits the visible text (not the markup). An empty result after
    sanitising counts as empty, so a required field refuses "<p> </p>" or "<script>…".
    """

    widget = RichTextarea
    default_error_messages = {
        "required": _("Please write something here."),
        "max_length": _(
            "Please shorten this to %(limit_value)s characters or fewer (it has %(show_value)s)."
        ),
    }

    def __init__(self, *, max_length=None, **kwargs):
        # Not passed on: CharField would count HTML markup and add a maxlength attribute
        # that does not fit the HTML the editor sends.
        super().__init__(**kwargs)
        self.max_length = max_length

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return self.empty_value
        cleaned = plain_text_to_html(value)
        if not html_to_text(cleaned):
            return self.empty_value
        return cleaned

    def validate(self, value):
        super().validate(value)
        if self.max_length is not None and value:
            length = len(html_to_text(value))
            if length > self.max_length:
                raise ValidationError(
                    self.error_messages["max_length"],
                    code="max_length",
                    params={"limit_value": self.max_length, "show_value": length},
                )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs
