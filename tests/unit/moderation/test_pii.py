import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from hub.moderation.pii import Finding, fingerprint, scan, scan_fields

DATA = Path(__file__).resolve().parents[2] / "data" / "pii"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan(text)]


# --- NHS numbers and the check digit --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NHS number 943 476 5919", "943 476 5919"),
        ("9434765919", "9434765919"),
        ("943-476-5919 on the wristband", "943-476-5919"),
        ("split across lines 943 476\n5919 here", "943 476\n5919"),
        ("split 943 476\r\n5919", "943 476\r\n5919"),
    ],
)
def test_nhs_numbers_with_a_valid_check_digit_are_found_in_any_usual_layout(text, expected):
    assert kinds(text) == [("nhs_number", expected)]


def test_a_post_that_is_only_an_nhs_number_is_caught_with_offsets_covering_it_all():
    [finding] = scan("4010232137")
    assert (
        finding == Finding("nhs_number", 0, 10, "4010232137", finding.reason)
        and "NHS number" in finding.reason
    )


def test_ten_digits_with_a_wrong_check_digit_are_not_an_nhs_number():
    assert scan("Order reference 943 476 5918 was sent") == []


def check_digit(nine: str) -> int:
    return 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11


def test_check_digit_of_ten_means_no_valid_nhs_number_exists():
    prefix = "100000001"  # 1*10 + 1*2 = 12; 12 % 11 = 1; 11 - 1 = 10
    assert check_digit(prefix) == 10
    for last in "0123456789":
        assert scan(prefix + last) == [], prefix + last


def test_check_digit_of_eleven_becomes_zero():
    prefix = "400000002"  # 4*10 + 2*2 = 44; 44 % 11 = 0; 11 - 0 = 11, written as 0
    assert check_digit(prefix) == 11
    assert kinds(prefix + "0") == [("nhs_number", prefix + "0")]
    assert scan(prefix + "1") == []


def test_a_mistyped_number_labelled_as_an_nhs_number_is_still_flagged():
    assert kinds("NHS no: 943 476 5918") == [("nhs_number", "943 476 5918")]


# --- CHI numbers ----------------------------------------------------------------------------


def test_chi_number_is_a_valid_date_plus_four_digits_with_a_check_digit():
    assert kinds("CHI 0101501234 on the kardex") == [("chi_number", "0101501234")]


def test_a_valid_ten_digit_number_whose_date_is_impossible_is_not_a_chi_number():
    prefix = "310250123"  # would be 31 February
    number = prefix + str(check_digit(prefix) % 11)
    assert kinds(f"ref {number}") == [("nhs_number", number)]


# --- hospital numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MRN K1234567 on the sample", "K1234567"),
        ("MRN: 12345678", "12345678"),
        ("hospital number 998877 was wrong", "998877"),
        ("Hospital no. RX0045123 on the chart", "RX0045123"),
    ],
)
def test_hospital_numbers_need_a_context_word(text, expected):
    assert kinds(text) == [("hospital_number", expected)]


def test_a_number_without_a_hospital_number_context_word_is_left_alone():
    assert scan("We reviewed 12345678 records") == []


def test_hospital_number_patterns_are_configurable(settings):
    settings.PII_HOSPITAL_NUMBER_PATTERNS = [r"Q\d{3}"]
    assert kinds("MRN Q123") == [("hospital_number", "Q123")]
    assert scan("MRN K1234567") == []


# --- dates of birth -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DOB 12/03/1956", "12/03/1956"),
        ("D.O.B.: 3.7.41", "3.7.41"),
        ("date of birth 01-11-1987", "01-11-1987"),
        ("born on 3rd March 1948", "3rd March 1948"),
        ("she was born July 4, 1939 in Leeds", "July 4, 1939"),
        ("aged 84 (12.03.1940)", "12.03.1940"),
        ("11/12/33 (DOB)", "11/12/33"),
    ],
)
def test_dates_of_birth_with_context_are_found(text, expected):
    assert kinds(text) == [("date_of_birth", expected)]


def test_publication_and_review_dates_are_not_dates_of_birth():
    assert scan("Published 12 March 2024, reviewed on 01/02/2025, due in 2027.") == []


# --- postcodes, phones, email, NI -----------------------------------------------------------


@pytest.mark.parametrize(
    "postcode", ["M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "sw1a 1aa"]
)
def test_every_uk_postcode_format_is_found(postcode):
    assert kinds(f"lives at {postcode} alone") == [("postcode", postcode)]


@pytest.mark.parametrize(
    "phone", ["07700 900123", "020 7946 0958", "+44 (0)20 7946 0321", "0044 7700 900222"]
)
def test_uk_phone_numbers_are_found(phone):
    assert kinds(f"call {phone} today") == [("phone", phone)]


def test_email_addresses_are_found():
    assert kinds("write to jane.smith@nhs.net please") == [("email", "jane.smith@nhs.net")]


@pytest.mark.parametrize("ni", ["AB123456C", "AB 12 34 56 C", "ce123456a"])
def test_national_insurance_numbers_are_found(ni):
    assert kinds(f"NI {ni}.") == [("ni_number", ni)]


def test_ni_numbers_with_prefixes_never_issued_are_ignored():
    assert scan("GB123456A and BG 12 34 56 C") == []


# --- names with titles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr John Smith said", "Mr John Smith"),
        ("I told Nurse Jones, who", "Nurse Jones"),
        ("Sister Patel was in charge", "Sister Patel"),
        ("Dr. O'Brien-Smith", "Dr. O'Brien-Smith"),
        ("Mx Williams", "Mx Williams"),
        ("Mrs Patel's chart", "Mrs Patel"),
    ],
)
def test_names_with_titles_are_found(text, expected):
    assert kinds(text) == [("name", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "The Nurse Practitioner reviewed the chart.",
        "Dr Foster published mortality ratios.",
        "The MS nurse runs a clinic.",
        "the nurse and the doctor",
    ],
)
def test_roles_organisations_and_lower_case_words_are_not_names(text):
    assert scan(text) == []


# --- things that must not fire --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our trust moved to PSIRF and uses SEIPS.",
        "A NEWS2 score of 5 or more triggers a review.",
        "Ward 7B, bay 3, bed 12.",
        "Call NHS 111 or 999.",
        "Between 2019 and 2022 incidents rose by 37%.",
        "About 1 in 20 admissions; 11,000 deaths; 92.5% compliance.",
        "Published 12 March 2024.",
    ],
)
def test_acronyms_ward_numbers_years_nhs_111_statistics_and_dates_do_not_fire(text):
    assert scan(text) == []


# --- offsets, fields, fingerprints ----------------------------------------------------------


def test_offsets_index_the_input_and_findings_are_in_reading_order():
    text = "Mr Smith (DOB 12/03/1956) at SW1A 1AA, NHS 943 476 5919."
    findings = scan(text)
    assert [f.kind for f in findings] == ["name", "date_of_birth", "postcode", "nhs_number"]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.reason


def test_scan_fields_returns_only_fields_with_findings():
    result = scan_fields({"title": "A fall", "body": "Mrs Jones fell", "empty": ""})
    assert list(result) == ["body"]
    assert result["body"][0].kind == "name"


def test_fingerprint_survives_moving_the_finding_but_not_changing_it():
    [first] = scan("Mrs Jones fell")
    [moved] = scan("At night Mrs Jones fell")
    [other] = scan("Mrs Evans fell")
    assert fingerprint("body", first) == fingerprint("body", moved)
    assert fingerprint("body", first) != fingerprint("body", other)
    assert fingerprint("body", first) != fingerprint("title", first)


# --- the labelled set -----------------------------------------------------------------------


def load_positives() -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / "positives.jsonl").read_text().splitlines()]


def test_recall_on_the_labelled_identifiers_is_above_95_percent_for_every_kind():
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in load_positives():
        total[row["kind"]] += 1
        if any(f.kind == row["kind"] and f.text == row["value"] for f in scan(row["text"])):
            found[row["kind"]] += 1
    assert len(total) == 9 and min(total.values()) >= 15
    for kind, count in total.items():
        assert found[kind] / count > 0.95, (kind, found[kind], count)


def test_fewer_than_one_in_twenty_clean_sentences_raise_a_false_alarm():
    sentences = (DATA / "clean.txt").read_text().splitlines()
    assert len(sentences) >= 200
    alarms = [s for s in sentences if scan(s)]
    assert len(alarms) / len(sentences) < 1 / 20, alarms


# --- the command ----------------------------------------------------------------------------


def test_pii_scan_command_prints_one_json_object_per_finding(monkeypatch):
    text = "NHS no 943 476\n5919 and jane@example.org"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out = io.StringIO()
    call_command("pii_scan", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [
        {"kind": "nhs_number", "start": 7, "end": 19, "text": "943 476\n5919"},
        {"kind": "email", "start": 24, "end": 40, "text": "jane@example.org"},
    ]
    assert text[7:19] == "943 476\n5919"


def test_pii_scan_command_prints_nothing_for_clean_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("A NEWS2 of 7 on Ward 4."))
    out = io.StringIO()
    call_command("pii_scan", stdout=out)
    assert out.getvalue() == ""
