"""Password rules (NIST SP 800-63B): AUTH_PASSWORD_VALIDATORS and hub/accounts/passwords.py."""

import pytest
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError

from hub.accounts.models import User
from hub.accounts.passwords import BreachedPatternValidator, MaximumLengthValidator

COMMON_WORDS = CommonPasswordValidator().passwords


def refusal_codes(password: str, user=None) -> set[str]:
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


def passphrase(length: int) -> str:
    words = ["mellow", "otter", "drinks", "tea", "quietly", "beside", "a", "violet", "lighthouse"]
    text = ""
    i = 0
    while len(text) < length:
        text += words[i % len(words)] + " "
        i += 1
    return text[:length]


# Length ------------------------------------------------------------------------------------


def test_seven_characters_are_too_short():
    assert "password_too_short" in refusal_codes("tq7mzp4")


def test_eight_characters_are_enough_when_not_common():
    assert refusal_codes("tq7mzp4k") == set()


@pytest.mark.parametrize("length", [64, 128])
def test_long_passphrases_are_accepted(length):
    password = passphrase(length)
    assert len(password) == length

    assert refusal_codes(password) == set()


def test_a_password_over_128_characters_is_refused():
    password = passphrase(129)

    assert refusal_codes(password) == {"password_too_long"}


def test_maximum_length_validator_names_its_limit():
    with pytest.raises(ValidationError, match="at most 10 characters"):
        MaximumLengthValidator(max_length=10).validate("x" * 11)
    assert MaximumLengthValidator(max_length=10).validate("x" * 10) is None


# No composition rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["mellow otter drinks tea quietly", "8302917465", "violetlighthousedawn"],
    ids=["all-lowercase-passphrase", "all-digits", "no-spaces-lowercase"],
)
def test_no_composition_rules_apply(password):
    assert refusal_codes(password) == set()


# Common and breached passwords -------------------------------------------------------------


@pytest.mark.parametrize("password", ["password", "qwerty123"])
def test_common_passwords_are_refused(password):
    assert "password_too_common" in refusal_codes(password)


BREACHED_PATTERNS = [
    "Password2024!",  # common word, capital, year, symbol
    "P@ssw0rd",  # leetspeak
    "aaaaaaaaaa",  # one repeated character
    "abababab",  # two characters alternating
    "12345678",  # sequence
    "abcdefgh",  # sequence
    "qwertyuiop",  # keyboard walk
    "poiuytrewq",  # keyboard walk backwards
    "safetyhub1",  # the site's own name
    "PatientSafety2025!",  # the site's own words
    "!!dragon99",  # common word with symbols on both sides
]


@pytest.mark.parametrize("password", BREACHED_PATTERNS)
def test_breached_patterns_are_refused_by_the_settings(password):
    codes = refusal_codes(password)

    assert codes & {"password_breached_pattern", "password_too_common"}, codes


@pytest.mark.parametrize("password", BREACHED_PATTERNS)
def test_breached_pattern_validator_refuses_each_pattern_on_its_own(password):
    with pytest.raises(ValidationError) as caught:
        BreachedPatternValidator().validate(password)

    assert caught.value.code == "password_breached_pattern"


@pytest.mark.parametrize("password", ["Password2024!", "safetyhub1", "PatientSafety2025!"])
def test_variations_missing_from_djangos_list_are_still_refused(password):
    assert password.lower() not in COMMON_WORDS  # guard: Django's own list does not catch these

    assert "password_breached_pattern" in refusal_codes(password)


def test_a_common_word_with_a_year_is_refused_when_the_word_is_common():
    if "summer" not in COMMON_WORDS:
        pytest.skip("'summer' is not in this Django version's common-password list")
    assert "summer2023" not in COMMON_WORDS

    assert "password_breached_pattern" in refusal_codes("Summer2023")


# Similarity to the member's own details ------------------------------------------------------


@pytest.mark.parametrize("password", ["rosalindfranklin", "Rosalind.Franklin", "rfranklin58"])
def test_a_password_like_the_username_or_email_is_refused(password):
    user = User(username="rfranklin58", email="rosalind.franklin@example.org")

    assert "password_too_similar" in refusal_codes(password, user=user)


def test_a_password_like_the_display_name_is_refused():
    user = User(username="member7", email="m7@example.org", display_name="Beachcomber Wanderer")

    assert "password_too_similar" in refusal_codes("beachcomberwanderer", user=user)


def test_an_unrelated_password_is_accepted_for_the_same_member():
    user = User(username="rfranklin58", email="rosalind.franklin@example.org")

    assert refusal_codes("mellow otter drinks tea quietly", user=user) == set()


def test_help_texts_explain_length_and_guessability_without_composition_rules():
    texts = " ".join(password_validators_help_texts())

    assert "at least 8 characters" in texts
    assert "at most 128 characters" in texts
    assert "common passwords" in texts.lower()
    assert "uppercase" not in texts.lower()
