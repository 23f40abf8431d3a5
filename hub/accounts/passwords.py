"""Password rules after NIST SP 800-63B: length, not composition; refuse known-bad passwords.

Django's CommonPasswordValidator refuses the 20,000 most common passwords. The validator here
refuses the patterns breached-password corpora are full of but that list misses: a common
password dressed up with capitals, leetspeak or a year/number/symbol suffix, one repeated
character, keyboard walks and simple sequences.
"""

import re
from functools import cache

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "qwertzuiop", "azertyuiop")
SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789") + KEYBOARD_ROWS
SITE_WORDS = frozenset({"safetyhub", "patientsafety", "safety", "patient"})


@cache
def _common_passwords() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


def _is_sequence(text: str) -> bool:
    if len(text) < 4:
        return False
    return any(text in seq or text in seq[::-1] for seq in SEQUENCES)


def looks_breached(password: str) -> bool:
    lowered = password.lower().strip()
    if len(set(lowered)) <= 2:
        return True  # "aaaaaaaa", "abababab"
    if _is_sequence(lowered):
        return True
    core = re.sub(r"[\d\W_]+$", "", lowered)  # drop a trailing year/number/symbol suffix
    core = re.sub(r"^[\d\W_]+", "", core)
    for candidate in {core, core.translate(LEET), lowered.translate(LEET)}:
        squashed = re.sub(r"[\W_]+", "", candidate)
        if len(candidate) >= 4 and (
            candidate in _common_passwords()
            or squashed in _common_passwords()
            or squashed in SITE_WORDS
            or _is_sequence(candidate)
        ):
            return True
    return False


class BreachedPatternValidator:
    def validate(self, password: str, user=None) -> None:
        if looks_breached(password):
            raise ValidationError(
                "This password is too easy to guess: it is a common password or a simple "
                "variation of one. Try a few unrelated words together.",
                code="password_breached_pattern",
            )

    def get_help_text(self) -> str:
        return "Avoid common passwords and simple variations of them."


class MaximumLengthValidator:
    def __init__(self, max_length: int = 128):
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                f"This password is too long: use at most {self.max_length} characters.",
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return f"Use at most {self.max_length} characters."
