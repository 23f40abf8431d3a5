import pytest
from django.core.exceptions import ValidationError

from hub.core.validators import validate_plain_text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<b>bold</b>",
        "hello </p> there",
        "< img src=x onerror=alert(1)>",
        "<!-- comment -->",
        "<?php echo 1; ?>",
        "click javascript:alert(1)",
        "JavaScript : alert(1)",
        "&#x3c;script&#x3e;",
        "&#60;b&#62;",
    ],
)
def test_plain_text_refuses_markup_and_script(text):
    with pytest.raises(ValidationError) as caught:
        validate_plain_text(text)

    assert caught.value.code == "markup"
    assert "plain text" in caught.value.messages[0]


@pytest.mark.parametrize(
    "text", ["null\x00byte", "bell\x07", "escape\x1b[31m", "delete\x7f", "admin\u202etxt.exe"]
)
def test_plain_text_refuses_control_characters(text):
    with pytest.raises(ValidationError) as caught:
        validate_plain_text(text)

    assert caught.value.code == "control"


@pytest.mark.parametrize(
    "text",
    [
        "I <3 safe care",
        "5 < 6",
        "Nurses' handover & A & E",
        "A & E",
        "Don't blame; learn.",
        "Line one\nline two\ttabbed\r\n",
        "Zoë Ó'Brien – ward 7",
        "",
    ],
)
def test_plain_text_accepts_ordinary_writing(text):
    assert validate_plain_text(text) is None
