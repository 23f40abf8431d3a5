"""Reading query and form parameters that anyone can type: one place, never a server error.

`str.isdigit()` is true for "²", "٣" and "𝟗", which `int()` refuses or reads as another number;
a 40-digit page number overflows a database integer; "2024-13-45" is no date. Every view reads
numbers, id lists, dates and return addresses from the request through these helpers, which
give a sensible default (or an empty list) for anything malformed, never an exception.
"""

from datetime import date
from typing import Any

from django.utils.http import url_has_allowed_host_and_scheme

# Enough for any real page or id; a database integer is at most 2**63 - 1.
MAX_INT = 2**31 - 1
MAX_DIGITS = 10
MAX_PAGE = 100_000
MAX_IDS = 500


def ascii_int(value: Any) -> int | None:
    """The integer written in ASCII digits (an optional minus sign), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value if value is not None else "").strip()
    digits = text[1:] if text[:1] in ("-", "+") else text
    if not digits or len(digits) > MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    number = int(text)
    return number if -MAX_INT <= number <= MAX_INT else None


def int_param(
    value: Any,
    *,
    default: int | None = None,
    minimum: int | None = None,
    maximum: int | None = MAX_INT,
) -> int | None:
    """A whole number within [minimum, maximum], or `default` for anything else."""
    number = ascii_int(value)
    if number is None:
        return default
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number


def page_param(value: Any) -> int:
    """A page number: 1 unless the value is a plausible page."""
    return int_param(value, default=1, minimum=1, maximum=MAX_PAGE) or 1


def id_list(values: Any, *, limit: int = MAX_IDS) -> list[int]:
    """Positive ids from a list of values ("3", "4,5"): the well-formed ones, in order, once."""
    if isinstance(values, str | int):
        values = [values]
    ids: list[int] = []
    for value in values or []:
        for part in str(value).split(","):
            number = int_param(part, minimum=1)
            if number is not None and number not in ids:
                ids.append(number)
            if len(ids) >= limit:
                return ids
    return ids


def date_param(value: Any, *, default: date | None = None) -> date | None:
    """A date written YYYY-MM-DD, or `default`."""
    text = str(value or "").strip()
    if len(text) != 10 or not text.isascii():
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        return default


def text_param(value: Any, *, max_length: int = 200, default: str = "") -> str:
    """Free text: NUL and other control characters removed, cut to `max_length`."""
    if value is None:
        return default
    text = "".join(ch for ch in str(value) if ch >= " " or ch in "\t\n")
    return text[:max_length]


def local_path(value: Any, *, default: str = "/") -> str:
    """A return address on this site ("/…", never "//host", "/\\host" or a scheme), or default.

    Return it through `HttpResponseRedirect`, not `redirect()`, which reads a value without a
    slash as the name of a view.
    """
    text = str(value or "")
    if (
        not text.startswith("/")
        or text.startswith(("//", "/\\"))
        or len(text) > 2000
        or any(ch < " " for ch in text)
        or not url_has_allowed_host_and_scheme(text, allowed_hosts=None)
    ):
        return default
    return text


def single_line(value: Any) -> str:
    """Plain single-line text (a title, a venue): line breaks and runs of spaces become one
    space, control characters go."""
    return " ".join(text_param(value, max_length=10_000).split())
