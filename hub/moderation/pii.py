"""The patient-identifiable data guard: find identifiers in text before it is published.

Fully offline: regular expressions plus validation (check digits, real dates, postcode
shapes, context words). No model, no network.

    >>> [f.kind for f in scan("NHS number 943 476 5919")]
    ['nhs_number']

``scan(text)`` returns ``Finding`` objects with character offsets into ``text`` (``text[start:end]
== finding.text``) and a plain-English ``reason`` to show the author. Findings never overlap:
where two detectors claim the same characters the more specific one wins.

``scan_fields({"title": ..., "body": ...})`` scans several fields and returns only the fields
with findings. Rich-text (HTML) fields should be turned into text first
(``hub.core.richtext.html_to_text``) so markup cannot split a number and hide it.

Kinds: ``nhs_number``, ``chi_number``, ``hospital_number``, ``date_of_birth``, ``postcode``,
``phone``, ``email``, ``ni_number``, ``name``.

Settings (all optional):
- ``PII_HOSPITAL_NUMBER_PATTERNS``: regexes for hospital/MRN numbers; a match counts only
  after a context word such as "MRN" or "hospital number" (``PII_HOSPITAL_NUMBER_CONTEXT``).
- ``PII_NAME_ALLOWLIST``: titled names that are organisations or publications, not people
  (default: "Dr Foster", the healthcare-data company).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings

__all__ = ["KINDS", "Finding", "fingerprint", "scan", "scan_fields"]


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    reason: str


KINDS: dict[str, str] = {
    "nhs_number": "NHS number",
    "chi_number": "CHI number",
    "hospital_number": "Hospital number",
    "date_of_birth": "Date of birth",
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "Email address",
    "ni_number": "National Insurance number",
    "name": "Name",
}

REASONS: dict[str, str] = {
    "nhs_number": "This looks like an NHS number (10 digits with a valid check digit). "
    "An NHS number identifies one patient.",
    "chi_number": "This looks like a Scottish CHI number (a date of birth followed by four "
    "digits). A CHI number identifies one patient.",
    "hospital_number": "This looks like a hospital or medical record number (MRN). "
    "It identifies one patient in that hospital.",
    "date_of_birth": "This looks like someone's date of birth. With other details it can "
    "identify a person.",
    "postcode": "This looks like a full postcode. It can point to someone's home.",
    "phone": "This looks like a phone number.",
    "email": "This looks like an email address.",
    "ni_number": "This looks like a National Insurance number, which identifies one person.",
    "name": "This looks like a person's name with a title (such as Mr or Nurse). "
    "Use a role instead, for example 'the patient' or 'the nurse'.",
}

# Where two findings overlap, the lower number wins.
PRIORITY = {
    "email": 0,
    "nhs_number": 1,
    "chi_number": 1,
    "ni_number": 2,
    "hospital_number": 3,
    "date_of_birth": 4,
    "phone": 5,
    "postcode": 6,
    "name": 7,
}

# --- numbers: NHS and CHI -------------------------------------------------------------------

# A run of digit groups joined by spaces, hyphens or a line break (an NHS number split across
# lines must still be caught).
_SPACE = r"[ \t\u00a0]"
_SEP = rf"(?:{_SPACE}*[-\u2010-\u2013]{_SPACE}*|{_SPACE}*\r?\n{_SPACE}*|{_SPACE}{{1,3}})"
_DIGIT_RUN = re.compile(rf"(?<![\w.,/£$€%])\d+(?:{_SEP}\d+)*(?![\w%]|[.,]\d)")
_GROUP = re.compile(r"\d+")
# How people write ten-digit identifiers: all together, 3-3-4 (NHS), 6-4 (CHI), and near
# variants seen in records.
_TEN_DIGIT_SHAPES = {(10,), (3, 3, 4), (6, 4), (3, 7), (5, 5), (3, 4, 3), (2, 2, 2, 4)}
_NHS_CONTEXT = re.compile(r"\bNHS\s*(?:no\.?|num(?:ber)?|#)\s*[:\-]?\s*$", re.IGNORECASE)


def _mod11_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _valid_ddmmyy(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    try:
        datetime.date(2000 + year, month, day)
    except ValueError:
        try:  # 29 February in a 19xx leap year
            datetime.date(1900 + year, month, day)
        except ValueError:
            return False
    return True


def _ten_digit_findings(text: str) -> Iterator[Finding]:
    for run in _DIGIT_RUN.finditer(text):
        groups = list(_GROUP.finditer(run.group()))
        if sum(len(g.group()) for g in groups) < 10:
            continue
        for i in range(len(groups)):
            length = 0
            for j in range(i, len(groups)):
                length += len(groups[j].group())
                if length >= 10:
                    break
            if length != 10:
                continue
            window = groups[i : j + 1]
            shape = tuple(len(g.group()) for g in window)
            if shape not in _TEN_DIGIT_SHAPES:
                continue
            digits = "".join(g.group() for g in window)
            start = run.start() + window[0].start()
            end = run.start() + window[-1].end()
            if _mod11_valid(digits):
                kind = "chi_number" if _valid_ddmmyy(digits) else "nhs_number"
            elif _NHS_CONTEXT.search(text[max(0, start - 30) : start]):
                kind = "nhs_number"  # written as an NHS number even if mistyped
            else:
                continue
            # A number starting 0 is a phone number, not an NHS number; leave it to that rule.
            if digits[0] == "0" and kind == "nhs_number":
                continue
            yield Finding(kind, start, end, text[start:end], REASONS[kind])


# --- hospital numbers (MRN) -----------------------------------------------------------------

DEFAULT_HOSPITAL_NUMBER_PATTERNS = [r"[A-Z]{0,3}\d{5,10}[A-Z]?", r"[A-Z]{1,3}-?\d{4,10}"]
DEFAULT_HOSPITAL_NUMBER_CONTEXT = [
    r"MRN",
    r"M\.R\.N\.?",
    r"medical record (?:number|no\.?)",
    r"hospital (?:number|no\.?|num)",
    r"hosp\.? (?:number|no\.?)",
    r"unit (?:number|no\.?)",
    r"case ?note (?:number|no\.?)",
    r"patient (?:id|identifier|number|no\.?)",
    r"PAS (?:number|no\.?|id)",
    r"RXX? ?(?:number|no\.?)",
]


def _hospital_number_findings(text: str) -> Iterator[Finding]:
    patterns = getattr(settings, "PII_HOSPITAL_NUMBER_PATTERNS", DEFAULT_HOSPITAL_NUMBER_PATTERNS)
    context = getattr(settings, "PII_HOSPITAL_NUMBER_CONTEXT", DEFAULT_HOSPITAL_NUMBER_CONTEXT)
    number = "|".join(f"(?:{p})" for p in patterns)
    words = "|".join(f"(?:{c})" for c in context)
    regex = re.compile(
        rf"\b(?:{words})(?!\w)\s*(?:is|was|of|:|#|-|=)?\s*(?P<number>(?<![\w])(?:{number}))(?![\w])",
        re.IGNORECASE,
    )
    for match in regex.finditer(text):
        value = match.group("number")
        if not any(ch.isdigit() for ch in value):
            continue
        yield _finding("hospital_number", text, match.start("number"), match.end("number"))


# --- dates of birth -------------------------------------------------------------------------

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+(?:\d{{4}}|'?\d{{2}})"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r")(?![\w/])",
    re.IGNORECASE,
)
_DOB_BEFORE = re.compile(
    r"(?:\bD\.?O\.?B\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bbirthday\b|\bborn\b"
    r"|\bb\.(?=\s*\d))[^.;\n]{0,25}$",
    re.IGNORECASE,
)
_AGED_BEFORE = re.compile(r"\baged?\s+\d{1,3}\s*(?:years?\s*(?:old)?)?[\s,(]{0,4}$", re.IGNORECASE)
_DOB_AFTER = re.compile(r"^\s*\(?\s*(?:D\.?O\.?B\b|date of birth\b|birthday\b)", re.IGNORECASE)


def _date_of_birth_findings(text: str) -> Iterator[Finding]:
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 20]
        if _DOB_BEFORE.search(before) or _AGED_BEFORE.search(before) or _DOB_AFTER.match(after):
            yield _finding("date_of_birth", text, match.start(), match.end())


# --- postcodes, phones, email, NI numbers ---------------------------------------------------

# All UK formats: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, and GIR 0AA.
_POSTCODE = re.compile(
    r"(?<![\w])(?:GIR\s?0AA|"
    r"(?:[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]))"
    r"\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w])",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-\)]{0,2}\d){8,9}(?![\d])"
)
_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w])"
)
_NI_NUMBER = re.compile(
    r"(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-D](?![\w])",
    re.IGNORECASE,
)


def _phone_findings(text: str) -> Iterator[Finding]:
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        digits = digits.removeprefix("00")
        if digits.startswith("44"):
            digits = digits[2:]
        digits = digits.removeprefix("0")
        # UK national numbers: 10 digits (9 for a few old area codes); no 0 or 4/6 first digit.
        if len(digits) in (9, 10) and digits[0] in "123578":
            yield _finding("phone", text, match.start(), match.end())


def _simple(kind: str, regex: re.Pattern[str], text: str) -> Iterator[Finding]:
    for match in regex.finditer(text):
        yield _finding(kind, text, match.start(), match.end())


# --- names with titles ----------------------------------------------------------------------

# Short titles are matched as written (so "MS", multiple sclerosis, is not "Ms"); titles that
# are also ordinary words must be capitalised.
_TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Matron|Doctor|Sr|Rev|Revd|Sir|Dame"
    r"|Lady|Lord|Master|Midwife|Father|Consultant"
)
_NAME_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z\u00e0-\u00ff]+(?:['\u2019\-][A-Z]?[a-z\u00e0-\u00ff]+)?"
_NAME = re.compile(
    rf"\b(?P<title>{_TITLES})\.?[ \t]+"
    rf"(?P<name>(?:[A-Z]\.?[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
)
# Capitalised words that follow a title without being a name ("Nurse Practitioner").
_NOT_NAMES = frozenset(
    """
    a an and the of in on at to for from with by or but not no is was are were be as it its
    this that these those who what when where which while our my your their his her
    practitioner practitioners specialist specialists consultant consultants associate
    associates manager managers lead leads led education educator training trainee staffing
    station bank agency team teams unit units ward wards day days night nights shift shifts
    in-charge charge clinician clinicians prescriber prescribers advocate advocates
    assistant assistants apprentice apprentices endoscopist anaesthetist anaesthetists
    practice handover rota call calls review reviews safety patient patients staff
    foundation registrar registrars surgeon surgeons physician physicians who's
    """.split()  # noqa: SIM905 (a word list reads better this way)
)
DEFAULT_NAME_ALLOWLIST = ["Dr Foster"]


def _name_findings(text: str) -> Iterator[Finding]:
    allowlist = {a.lower() for a in getattr(settings, "PII_NAME_ALLOWLIST", DEFAULT_NAME_ALLOWLIST)}
    for match in _NAME.finditer(text):
        words = match.group("name").split()
        if words[0].rstrip(".").lower() in _NOT_NAMES:
            continue
        if len(words) > 1 and words[-1].lower() in _NOT_NAMES:
            words = words[:-1]
        full = f"{match.group('title')} {' '.join(words)}".lower()
        if any(full.startswith(a) for a in allowlist):
            continue
        name_words = list(re.finditer(r"\S+", match.group("name")))
        end = match.start("name") + name_words[len(words) - 1].end()
        if text[end - 2 : end] in ("'s", "\u2019s"):  # "Mrs Patel's" is Mrs Patel
            end -= 2
        yield _finding("name", text, match.start(), end)


# --- putting it together --------------------------------------------------------------------


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, text[start:end], REASONS[kind])


def _all_findings(text: str) -> Iterable[Finding]:
    yield from _simple("email", _EMAIL, text)
    yield from _ten_digit_findings(text)
    yield from _simple("ni_number", _NI_NUMBER, text)
    yield from _hospital_number_findings(text)
    yield from _date_of_birth_findings(text)
    yield from _phone_findings(text)
    yield from _simple("postcode", _POSTCODE, text)
    yield from _name_findings(text)


def scan(text: str) -> list[Finding]:
    """Every identifier found in ``text``, in reading order, with no two overlapping."""
    if not text:
        return []
    chosen: list[Finding] = []
    candidates = sorted(
        _all_findings(text), key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start)
    )
    for finding in candidates:
        if all(finding.end <= c.start or finding.start >= c.end for c in chosen):
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


def scan_fields(fields: dict[str, str]) -> dict[str, list[Finding]]:
    """Scan several named fields; only fields with at least one finding are returned."""
    results: dict[str, list[Finding]] = {}
    for name, value in fields.items():
        findings = scan(value or "")
        if findings:
            results[name] = findings
    return results


def fingerprint(field: str, finding: Finding) -> str:
    """A stable token for one finding in one field, used when an author marks a false alarm.

    Based on the kind and the text (not the offsets) so it survives edits elsewhere.
    """
    import hashlib

    normalised = re.sub(r"\s+", " ", finding.text.strip())
    digest = hashlib.sha256(f"{field}|{finding.kind}|{normalised}".encode()).hexdigest()
    return digest[:16]
