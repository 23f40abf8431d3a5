import re

from django.core.exceptions import ValidationError

# A tag opening ("<b", "</", "<!", "<?") or a script URL: plain-text fields take neither.
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|javascript\s*:|&#", re.IGNORECASE)
# Control characters, and the bidirectional overrides that can disguise how text reads.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def validate_plain_text(value: str) -> None:
    """Refuse HTML or script in fields that are plain text, with a message that says why."""
    if MARKUP.search(value or ""):
        raise ValidationError(
            "Please use plain text here: HTML tags and code are not allowed.", code="markup"
        )
    if CONTROL_CHARS.search(value or ""):
        raise ValidationError("This contains invisible control characters.", code="control")
