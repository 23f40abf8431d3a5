"""Builds positives.jsonl, the labelled identifiers for the PII detector tests.

Run from the repository root: ``python tests/data/pii/build_positives.py``. The output is
committed so tests do not depend on this script; it is kept to show how the set was made.
Every value is synthetic: NHS and CHI numbers are random digits given a valid check digit,
phone numbers come from Ofcom's drama ranges, names are common surnames.
"""

import json
import random
from pathlib import Path

random.seed(20261122)


def check_digit(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return None if check == 10 else check


def ten_digit(prefix: str) -> str:
    while True:
        nine = prefix + "".join(random.choice("0123456789") for _ in range(9 - len(prefix)))
        check = check_digit(nine)
        if check is not None:
            return nine + str(check)


def nhs() -> str:
    return ten_digit(random.choice(["4", "6", "7"]))


def chi() -> str:
    day, month, year = random.randint(1, 28), random.randint(1, 12), random.randint(0, 99)
    return ten_digit(f"{day:02}{month:02}{year:02}")


rows: list[dict[str, str]] = []


def add(kind: str, template: str, value: str) -> None:
    rows.append({"kind": kind, "text": template.format(v=value), "value": value})


nhs_templates = [
    "Patient NHS number {v} was given the wrong dose.",
    "NHS no: {v}",
    "{v}",
    "The label showed {v} but the wristband did not match.",
    "Her number is {v}, please check the referral.",
    "Details (NHS {v}) were faxed to the wrong practice.",
]
for i in range(30):
    n = nhs()
    shapes = [
        n,
        f"{n[:3]} {n[3:6]} {n[6:]}",
        f"{n[:3]}-{n[3:6]}-{n[6:]}",
        f"{n[:3]} {n[3:6]}\n{n[6:]}",
    ]
    add("nhs_number", nhs_templates[i % len(nhs_templates)], shapes[i % len(shapes)])

chi_templates = ["CHI {v} was on the prescription.", "Scottish patient, CHI number {v}.", "{v}"]
for i in range(20):
    c = chi()
    shapes = [c, f"{c[:6]} {c[6:]}"]
    add("chi_number", chi_templates[i % len(chi_templates)], shapes[i % len(shapes)])

mrn_templates = [
    "MRN {v} was written on the sample.",
    "MRN: {v}",
    "The hospital number {v} belonged to another patient.",
    "Hospital no. {v} on the drug chart.",
    "Patient ID {v} was duplicated in the system.",
    "The unit number is {v}.",
]
mrn_values = ["K1234567", "RX0045123", "12345678", "A987654", "H-0045821", "M00123456", "998877665"]
for i in range(24):
    add("hospital_number", mrn_templates[i % len(mrn_templates)], mrn_values[i % len(mrn_values)])

dob_templates = [
    "DOB {v}, admitted with chest pain.",
    "D.O.B.: {v}",
    "Date of birth {v} was missing from the form.",
    "She was born on {v} and lives alone.",
    "born {v}",
    "aged 84 ({v})",
    "The man (date of birth: {v}) fell twice.",
    "{v} (DOB)",
]
dob_values = [
    "12/03/1956",
    "3.7.41",
    "01-11-1987",
    "3rd March 1948",
    "14 February 1962",
    "July 4, 1939",
    "29/02/1952",
    "7 Sept 1950",
    "21st of June 1944",
    "1950-06-21",
    "11/12/33",
    "May 1947",
]
for i in range(32):
    add("date_of_birth", dob_templates[i % len(dob_templates)], dob_values[i % len(dob_values)])

postcode_templates = [
    "He lives at {v} and was discharged without a package of care.",
    "Home address postcode {v}.",
    "The ambulance was sent to {v} instead.",
]
postcodes = [
    "M1 1AE",
    "B33 8TH",
    "CR2 6XH",
    "DN55 1PT",
    "W1A 0AX",
    "EC1A 1BB",
    "SW1A 2AA",
    "LS1 4DY",
    "G2 3BZ",
    "EH12 9DN",
    "CF10 1EP",
    "BT7 1NN",
    "sw1a 1aa",
    "NE11AA".replace("NE11AA", "NE1 1AA"),
    "PL4 8AA",
    "BS1 6QA",
    "OX3 9DU",
    "GIR 0AA",
    "N1C 4AG",
    "E14 5AB",
]
for i, value in enumerate(postcodes):
    add("postcode", postcode_templates[i % len(postcode_templates)], value)

phone_templates = [
    "Call her daughter on {v} before discharge.",
    "Mobile: {v}",
    "The patient's home number {v} was wrong on the letter.",
]
phones = [
    "07700 900123",
    "07700900456",
    "020 7946 0958",
    "0113 496 0789",
    "0161 496 0123",
    "+44 7700 900789",
    "+44 (0)20 7946 0321",
    "(0117) 496 0555",
    "01632 960001",
    "0131 496 0999",
    "028 9649 6001",
    "07700-900-111",
    "0044 7700 900222",
    "0114 496 0333",
    "01914960444",
    "02920 960 555",
    "+447700900666",
    "0808 157 0192",
    "0300 123 4567",
    "07911 123456",
]
for i, value in enumerate(phones):
    add("phone", phone_templates[i % len(phone_templates)], value)

email_templates = ["Email {v} for the results.", "Contact: {v}", "I wrote to {v} twice."]
emails = [
    "jane.smith@nhs.net",
    "j.bloggs@example.co.uk",
    "carer123@gmail.com",
    "a_b-c@trust.nhs.uk",
    "first.last+ward@hospital.org",
    "PAT.SMITH@NHS.NET",
    "x@y.io",
    "mum.of.three@outlook.com",
    "k.patel@gp-surgery.nhs.uk",
    "info@family-name.uk",
    "r2d2@example.org",
    "o'neil@example.com".replace("'", ""),
    "ward7b@trust.nhs.uk",
    "sam.jones1990@hotmail.co.uk",
    "temp-staff@agency.co.uk",
]
for i, value in enumerate(emails):
    add("email", email_templates[i % len(email_templates)], value)

ni_templates = [
    "NI number {v} on the payslip.",
    "Her National Insurance number is {v}.",
    "NINO: {v}",
]
ni_values = [
    "AB123456C",
    "AB 12 34 56 C",
    "JG 10 38 19 D",
    "ce123456a",
    "PR-12-34-56-B",
    "SN 98 76 54 A",
    "HT 11 22 33 C",
    "ZY123456D",
    "EH 54 32 10 B",
    "TA 13 57 91 A",
    "WL 24 68 02 C",
    "YZ987654B",
    "KA 11 11 11 A",
    "OA 22 33 44 D",
    "LM 55 66 77 C",
]
for i, value in enumerate(ni_values):
    add("ni_number", ni_templates[i % len(ni_templates)], value)

name_templates = [
    "{v} gave the wrong dose on the night shift.",
    "I complained to {v} about the delay.",
    "When {v} arrived the patient had already fallen.",
    "Thanks to {v} for spotting it.",
]
names = [
    "Mr Smith",
    "Mrs Jones",
    "Ms Taylor",
    "Miss Brown",
    "Mx Williams",
    "Dr Patel",
    "Prof Khan",
    "Sister Evans",
    "Nurse Thomas",
    "Dr Sarah Roberts",
    "Mr John Walker",
    "Mrs O'Brien",
    "Dr McDonald",
    "Nurse Okafor",
    "Matron Hughes",
    "Dr. Wright",
    "Professor Green",
    "Mrs Anne-Marie Hall",
    "Sister Murphy",
    "Mr Singh",
    "Ms Nowak",
    "Dr Ahmed",
    "Nurse Lee",
    "Miss Clarke",
    "Mr Edwards",
]
for i, value in enumerate(names):
    add("name", name_templates[i % len(name_templates)], value)

out = Path(__file__).with_name("positives.jsonl")
out.write_text("".join(json.dumps(row) + "\n" for row in rows))
print(f"{len(rows)} rows written to {out}")
