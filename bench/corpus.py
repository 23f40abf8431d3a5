"""A synthetic corpus for measuring search at scale (`bench/generate_corpus.py`).

The text is built from phrase banks written for this purpose: sentences that read like patient
safety writing (incidents, falls, medication errors, sepsis, handover, PSIRF, SEIPS…). Picks are
skewed towards the start of each bank, so a few words are very common and many are rare, as in
real writing; reference codes and ward names add a long tail of unique tokens.

Rows go straight to the database in batches (COPY on PostgreSQL, executemany on SQLite) with ids
chosen here, so a million posts load in minutes and memory stays bounded. The same seed and the
same `until` date give the same corpus. Nothing here sends mail, queues tasks or writes audit
records: it is test data, not activity.
"""

import json
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils.text import slugify

from hub.accounts.models import MemberType, Organisation, OrganisationKind, User
from hub.community.models import Forum, Post, Topic
from hub.library.models import Item, ItemKind, ItemStatus, LearningResponse
from hub.networks.models import MemberRole, Membership, Network, NetworkKind
from hub.taxonomy.models import Audience, CareSetting, Category, Tag

# Generated members are recognised by this username prefix and email domain.
USERNAME_PREFIX = "corpus-"
EMAIL_DOMAIN = "corpus.invalid"
# Every generated member shares this password (hashed once; see build_password_hash).
CORPUS_PASSWORD = "corpus-member-password"
BATCH_SIZE = 5000
FIRST_YEAR = 2015

# ---------------------------------------------------------------------------------------------
# Phrase banks. Earlier entries are picked far more often than later ones.

PEOPLE = [
    "a nurse",
    "the ward sister",
    "a junior doctor",
    "the pharmacist",
    "a healthcare assistant",
    "the consultant",
    "a student nurse",
    "the night team",
    "a paramedic",
    "the registrar",
    "the midwife",
    "a physiotherapist",
    "the GP",
    "a locum doctor",
    "the theatre team",
    "an agency nurse",
    "the care home manager",
    "the on-call anaesthetist",
    "a porter",
    "the patient safety specialist",
    "the outreach team",
    "a district nurse",
    "the discharge coordinator",
    "the sonographer",
    "an occupational therapist",
    "the matron",
    "the duty manager",
    "a ward clerk",
    "the tissue viability nurse",
    "a carer",
    "the patient's daughter",
    "a speech and language therapist",
]

PATIENTS = [
    "an elderly patient",
    "a patient with dementia",
    "a frail man in his eighties",
    "a woman recovering from surgery",
    "a child with asthma",
    "a patient on anticoagulants",
    "a young man with sepsis",
    "a resident of the care home",
    "a patient with diabetes",
    "a pregnant woman",
    "a patient with a learning disability",
    "a newborn baby",
    "a patient with delirium",
    "a man with chronic kidney disease",
    "a teenager in crisis",
    "a patient receiving chemotherapy",
    "a woman with a hip fracture",
    "a patient who spoke little English",
    "a patient with a tracheostomy",
    "a man with Parkinson's disease",
    "a patient on a syringe driver",
]

EVENTS = [
    "had a fall",
    "was given the wrong dose",
    "missed a dose of insulin",
    "deteriorated without anyone noticing",
    "developed a pressure ulcer",
    "was not escalated in time",
    "was discharged without a medication plan",
    "waited too long for antibiotics",
    "received a drug they were allergic to",
    "was misidentified at the bedside",
    "had an unrecognised sepsis",
    "was lost to follow-up",
    "had a delayed diagnosis",
    "developed a blood clot",
    "had a wrong-site procedure narrowly avoided",
    "was transferred without a handover",
    "had an unexplained drop in oxygen saturation",
    "aspirated during feeding",
    "had a cannula left in for days",
    "was given a tenfold overdose of morphine",
    "suffered an extravasation injury",
    "had a retained swab after surgery",
    "was exposed to a nasogastric tube misplacement",
    "developed hospital-acquired pneumonia",
    "had a hypoglycaemic episode overnight",
]

PLACES = [
    "on the ward",
    "in the emergency department",
    "on the night shift",
    "in theatre",
    "in the community",
    "at the GP surgery",
    "in the care home",
    "on the maternity unit",
    "in intensive care",
    "during transfer",
    "in the discharge lounge",
    "in the pharmacy",
    "at home",
    "in the mental health unit",
    "on the stroke unit",
    "in outpatients",
    "in the ambulance",
    "on the children's ward",
    "in the endoscopy suite",
    "in the renal unit",
    "on the orthopaedic ward",
    "in the hospice",
]

TIMES = [
    "at handover",
    "during a busy weekend",
    "late on a Friday",
    "over the bank holiday",
    "at three in the morning",
    "during the winter surge",
    "in the first week of August",
    "while the ward was short-staffed",
    "during the IT outage",
    "at the change of shift",
    "on a day with four admissions in an hour",
    "during the ward round",
]

FACTORS = [
    "staffing levels",
    "the handover process",
    "a confusing drug chart",
    "interruptions during the medication round",
    "an unfamiliar infusion pump",
    "poor communication between teams",
    "the electronic patient record",
    "fatigue at the end of a long shift",
    "the layout of the ward",
    "missing equipment",
    "a culture where people were afraid to speak up",
    "unclear escalation routes",
    "look-alike sound-alike medicines",
    "the NEWS2 chart not being completed",
    "bed pressures",
    "agency staff unfamiliar with local policy",
    "alarm fatigue",
    "competing priorities",
    "a lack of training",
    "the referral pathway",
    "noise and poor lighting",
    "the commissioning arrangements",
    "a software update",
    "inconsistent documentation",
    "the design of the bed rails",
]

ACTIONS = [
    "introduced a structured handover using SBAR",
    "added a falls risk assessment to admission",
    "changed the layout of the medicines room",
    "set up a safety huddle every morning",
    "rolled out NEWS2 across the trust",
    "trained staff in sepsis screening",
    "removed look-alike medicines from the stock list",
    "involved the family in care planning",
    "ran an after action review with the whole team",
    "used SEIPS to map the work system",
    "redesigned the discharge checklist",
    "added a second check for high-risk drugs",
    "introduced intentional rounding",
    "built a pressure ulcer prevention bundle",
    "reviewed the escalation policy",
    "held a thematic review under PSIRF",
    "appointed a patient safety partner",
    "started a learning from excellence scheme",
    "standardised the infusion pumps",
    "set up a deteriorating patient group",
    "created a swarm huddle template",
    "published a safety bulletin",
    "audited compliance with the checklist",
    "asked patients what went wrong",
]

OUTCOMES = [
    "falls fell by a third",
    "fewer doses were missed",
    "escalation became faster",
    "staff felt safer to speak up",
    "harm from pressure ulcers halved",
    "the time to antibiotics improved",
    "families said they felt listened to",
    "incident reports went up, which we saw as a good sign",
    "the learning was shared across the region",
    "nothing changed at first",
    "readmissions dropped",
    "the same problem came back six months later",
    "the board asked for a monthly update",
    "other wards adopted the approach",
]

TOPICS = [
    "patient safety",
    "medication safety",
    "falls prevention",
    "sepsis",
    "handover",
    "deterioration",
    "pressure ulcers",
    "PSIRF",
    "human factors",
    "SEIPS",
    "safety culture",
    "incident reporting",
    "just culture",
    "NEWS2",
    "discharge",
    "diagnostic error",
    "maternity safety",
    "infection prevention",
    "safeguarding",
    "patient involvement",
    "learning from deaths",
    "never events",
    "duty of candour",
    "psychological safety",
    "safety huddles",
    "the Freedom to Speak Up guardian",
    "medicines reconciliation",
    "venous thromboembolism",
    "mental health safety",
    "digital safety",
    "staff wellbeing",
    "health inequalities",
]

OPINIONS = [
    "I think",
    "In my experience",
    "Honestly,",
    "From what I have seen,",
    "To be fair,",
    "Looking back,",
    "As a patient,",
    "As a carer,",
    "Speaking as a nurse,",
    "For what it is worth,",
    "In our trust,",
    "Our view is that",
]

# The long tail: words most documents never use.
RARE_TERMS = [
    "hyperkalaemia",
    "anticoagulation",
    "nasogastric",
    "pharmacovigilance",
    "extravasation",
    "thromboprophylaxis",
    "hypoglycaemia",
    "anaphylaxis",
    "bradycardia",
    "tachypnoea",
    "oliguria",
    "haemoptysis",
    "hyponatraemia",
    "ketoacidosis",
    "pneumothorax",
    "osteomyelitis",
    "cellulitis",
    "endophthalmitis",
    "rhabdomyolysis",
    "pancreatitis",
    "myasthenia",
    "phaeochromocytoma",
    "methotrexate",
    "gentamicin",
    "vancomycin",
    "enoxaparin",
    "warfarin",
    "apixaban",
    "oxycodone",
    "midazolam",
    "levetiracetam",
    "clozapine",
    "lithium",
    "digoxin",
    "amiodarone",
    "tacrolimus",
    "ciclosporin",
    "colchicine",
    "baclofen",
    "flecainide",
    "vasopressin",
    "noradrenaline",
    "tranexamic",
    "oxytocin",
    "magnesium",
    "potassium",
    "phenytoin",
    "sodium valproate",
    "tracheostomy",
    "gastrostomy",
    "cystoscopy",
    "arthroplasty",
    "cholecystectomy",
    "laparotomy",
    "craniotomy",
    "thoracentesis",
    "paracentesis",
    "bronchoscopy",
    "capnography",
    "telemetry",
    "spirometry",
    "dialysis",
    "plasmapheresis",
    "cardiotocography",
    "shoulder dystocia",
    "pre-eclampsia",
    "chorioamnionitis",
    "neutropenia",
    "thrombocytopenia",
    "agranulocytosis",
    "coagulopathy",
    "encephalopathy",
    "Wernicke",
    "Korsakoff",
    "Guillain-Barré",
    "Stevens-Johnson",
    "Clostridioides",
    "Pseudomonas",
    "Klebsiella",
    "norovirus",
    "Candida auris",
    "sphygmomanometer",
    "glucometer",
    "oximeter",
    "laryngoscope",
    "defibrillator",
    "haemofiltration",
    "ophthalmoscope",
    "otoscope",
    "tourniquet",
    "cannulation",
    "venepuncture",
    "catheterisation",
    "intubation",
    "extubation",
    "resuscitation",
    "ergonomics",
    "heuristics",
    "sensemaking",
    "resilience engineering",
    "Safety-II",
    "normalisation of deviance",
    "work-as-imagined",
    "work-as-done",
    "FRAM",
    "Swiss cheese",
    "Bowtie",
    "HFACS",
    "Reason's model",
    "high reliability",
    "sociotechnical",
    "interoperability",
    "telehealth",
    "pseudonymisation",
    "photoplethysmography",
    "xerostomia",
    "dysphagia",
    "aphasia",
    "ataxia",
    "kyphoplasty",
    "vertebroplasty",
    "lithotripsy",
    "brachytherapy",
    "iontophoresis",
    "pemphigoid",
    "sarcoidosis",
    "amyloidosis",
    "porphyria",
    "hereditary angioedema",
    "calciphylaxis",
    "mucormycosis",
    "leptospirosis",
    "strongyloidiasis",
    "toxoplasmosis",
]

TITLE_TEMPLATES = [
    "What we learned about {topic} {place}",
    "{Topic}: a case study",
    "When {patient} {event}",
    "Improving {topic}: tackling {factor}",
    "Why {factor} matters for {topic}",
    "Lessons from a {topic} review",
    "How we {action}",
    "{Topic} and the role of {factor}",
    "A year of {topic} improvement",
    "Ask the community: {topic} {place}?",
    "Our experience of {topic} {time}",
    "Can anyone share a {topic} policy?",
    "Learning from harm: {topic}",
    "Getting {topic} right {place}",
    "Is {factor} a risk for {topic}?",
    "{Topic} in practice: {rare}",
]

SENTENCE_TEMPLATES = [
    "{Person} noticed that {patient} {event} {place}.",
    "{Patient} {event} {time}, and {factor} was part of the reason.",
    "The review found that {factor} contributed to what happened.",
    "We {action}, and {outcome}.",
    "{Opinion} {topic} depends on {factor} more than anyone admits.",
    "{Person} raised a concern about {factor} {time}.",
    "After {patient} {event}, the team {action}.",
    "Nobody was to blame: {factor} and {factor2} made the error likely.",
    "{Opinion} we should talk more openly about {topic}.",
    "The learning response looked at {factor} rather than individual blame.",
    "Under PSIRF we {action} instead of a root cause analysis.",
    "Using SEIPS, the team mapped how {factor} affected the work {place}.",
    "The NEWS2 score was not escalated because of {factor}.",
    "{Person} said that {factor} made it hard to keep patients safe.",
    "Six months on, {outcome}.",
    "Has anyone else seen problems with {factor} {place}?",
    "Thank you for sharing this; we had something similar with {topic}.",
    "The family told us that {patient} {event} and nobody explained why.",
    "The case involved {rare}, which few of the team had met before.",
    "A second case linked to {rare} was reported {time}.",
    "Our {topic} group meets monthly to look at themes from incidents.",
    "{Person} now leads on {topic} {place}.",
]

# Extra detail appended now and then: a wider vocabulary, each clause used rarely.
DETAILS = [
    "the observations were recorded late",
    "the drug chart was illegible",
    "the bleep went unanswered",
    "the bed was in a side room",
    "the relatives were not told",
    "the pump had been programmed in millilitres instead of milligrams",
    "the allergy band was missing",
    "the wristband had the wrong hospital number",
    "a locum covered three wards",
    "the CT scan was reported two days later",
    "the thermometer gave a falsely low reading",
    "the call bell was out of reach",
    "the hoist had not been serviced",
    "the referral letter was faxed to the wrong practice",
    "the discharge summary omitted the new anticoagulant",
    "the fridge temperature alarm failed",
    "the blood results were filed without being read",
    "the cot sides were left down",
    "the gas cylinder was empty",
    "the transfer checklist was half completed",
    "the suction was not set up at the bedside",
    "the ECG was misread as normal",
    "the crash trolley had expired items",
    "the interpreter was booked for the wrong day",
    "the swab count was interrupted by a phone call",
    "the glucose meter was uncalibrated",
    "the physiotherapy assessment was postponed",
    "the prescription was transcribed twice",
    "the controlled drugs register did not balance",
    "the handheld record went missing",
    "the safeguarding referral sat in a shared inbox",
    "the follow-up clinic was cancelled",
    "the shift started with two vacancies",
    "the nasogastric tube position was not confirmed",
    "the catheter bag was not emptied",
    "the mattress was not pressure-relieving",
    "the lighting in the bay was poor",
    "the labels on the syringes looked identical",
    "the translator app mistranslated the dose",
    "the oxygen was prescribed but not given",
    "the test result arrived by post",
    "the portering request was lost",
    "the theatre list overran by three hours",
    "the frailty score was never calculated",
    "the community team was not told about the discharge",
    "the patient was boarded in a corridor",
    "the medicines were left on the bedside table",
    "the sharps bin was overfilled",
    "the warfarin clinic did not receive the INR",
    "the ventilator alarm was silenced",
]

SIGN_OFFS = ["Thanks", "Best wishes", "Kind regards", "Cheers", "Many thanks", "Regards"]

PARAGRAPH_OPENERS = [
    "",
    "",
    "",
    "Update: ",
    "Background: ",
    "Reply: ",
    "Good point. ",
    "Agreed. ",
]

TAG_NAMES = [
    "falls",
    "medication errors",
    "sepsis",
    "handover",
    "PSIRF",
    "SEIPS",
    "NEWS2",
    "deterioration",
    "pressure ulcers",
    "human factors",
    "safety culture",
    "maternity",
    "mental health",
    "primary care",
    "discharge",
    "diagnostic error",
    "infection control",
    "patient involvement",
    "just culture",
    "learning from deaths",
    "never events",
    "duty of candour",
    "safety huddle",
    "after action review",
    "swarm huddle",
    "thematic review",
    "incident reporting",
    "speak up",
    "staff wellbeing",
    "dementia",
    "learning disability",
    "children",
    "older people",
    "care homes",
    "ambulance",
    "emergency department",
    "theatres",
    "intensive care",
    "pharmacy",
    "insulin",
    "anticoagulants",
    "opioids",
    "VTE",
    "nasogastric tubes",
    "deprivation of liberty",
    "safeguarding",
    "digital health",
    "electronic records",
    "alarm fatigue",
    "interruptions",
    "checklists",
    "WHO surgical checklist",
    "SBAR",
    "escalation",
    "outreach",
    "end of life care",
    "palliative care",
    "stroke",
    "hip fracture",
    "delirium",
    "dysphagia",
    "nutrition",
    "hydration",
    "continence",
    "tissue viability",
    "student nurses",
    "junior doctors",
    "agency staff",
    "rota",
    "fatigue",
    "bullying",
    "second victim",
    "complaints",
    "coroner",
    "prevention of future deaths",
    "health inequalities",
    "language barriers",
    "interpreters",
    "patient safety partners",
    "board assurance",
    "commissioning",
    "regulation",
    "CQC",
    "HSSIB",
    "quality improvement",
    "PDSA",
    "run charts",
    "statistical process control",
    "Safety-II",
    "resilience",
    "high reliability",
    "simulation",
    "training",
    "COVID-19",
    "long COVID",
    "PPE",
    "vaccination",
    "remote consultation",
]

FIRST_NAMES = [
    "Sarah",
    "James",
    "Emma",
    "Mohammed",
    "Olivia",
    "David",
    "Amelia",
    "Daniel",
    "Priya",
    "Thomas",
    "Grace",
    "Oliver",
    "Aisha",
    "Jack",
    "Sophie",
    "Harry",
    "Chloe",
    "Ahmed",
    "Hannah",
    "William",
    "Fatima",
    "George",
    "Lucy",
    "Samuel",
    "Megan",
    "Joseph",
    "Zara",
    "Benjamin",
    "Ella",
    "Rahul",
    "Charlotte",
    "Adam",
    "Niamh",
    "Kwame",
    "Isla",
    "Patrick",
    "Siobhan",
    "Chen",
    "Ruth",
    "Tomasz",
    "Ngozi",
    "Rhys",
    "Eilidh",
    "Yusuf",
    "Bethan",
    "Hamza",
    "Catherine",
    "Arjun",
    "Agnieszka",
    "Callum",
    "Imogen",
    "Dev",
    "Maryam",
    "Fergus",
    "Anya",
    "Kofi",
    "Sinead",
    "Rory",
    "Leah",
    "Ibrahim",
    "Joanna",
    "Marcus",
]

LAST_NAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Khan",
    "Patel",
    "Wright",
    "Walker",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Scott",
    "Cooper",
    "Morris",
    "Ward",
    "Moore",
    "King",
    "Watson",
    "Baker",
    "Harrison",
    "Morgan",
    "Ahmed",
    "Ali",
    "Begum",
    "Murphy",
    "O'Brien",
    "MacDonald",
    "Campbell",
    "Kowalski",
    "Nowak",
    "Okafor",
    "Mensah",
    "Singh",
    "Kaur",
    "Chowdhury",
    "Hussain",
    "Nguyen",
    "Wong",
    "Fraser",
    "Reid",
    "Sharma",
]

JOB_TITLES = [
    "Staff nurse",
    "Patient safety manager",
    "Consultant physician",
    "Pharmacist",
    "Ward manager",
    "Healthcare assistant",
    "GP",
    "Midwife",
    "Paramedic",
    "Quality improvement lead",
    "Governance facilitator",
    "Junior doctor",
    "Matron",
    "Patient safety specialist",
    "Risk manager",
    "Physiotherapist",
    "Researcher",
    "Freedom to Speak Up guardian",
    "Director of nursing",
    "Medical director",
    "Care home manager",
    "Occupational therapist",
    "Clinical educator",
    "Student nurse",
]

COUNTRIES = ["GB", "GB", "GB", "GB", "GB", "GB", "IE", "US", "AU", "CA", "NZ", "IN", "ZA", "NL"]

PLACE_NAMES = [
    "Ashby",
    "Northfield",
    "Kingsmere",
    "Westbrook",
    "Harlow Vale",
    "Eastleigh",
    "Brackenridge",
    "Calder",
    "Fenwick",
    "Greystone",
    "Holloway",
    "Ingleby",
    "Juniper",
    "Kestrel",
    "Langford",
    "Marwood",
    "Netherby",
    "Oakhurst",
    "Pendle",
    "Queensbury",
    "Riverside",
    "Southgate",
    "Thornbury",
    "Upton",
    "Valebridge",
    "Whitcombe",
    "Yarrow",
    "Aldermoor",
    "Beckford",
    "Carrow",
    "Dunmore",
    "Elmstead",
    "Foxley",
    "Glenarm",
    "Highcliffe",
    "Ivybridge",
    "Kirkby",
    "Linton",
    "Moorside",
    "Newhaven",
    "Ormsby",
    "Pinehurst",
    "Redbrook",
    "Stanwell",
    "Tamworth Green",
    "Underhill",
    "Wexcombe",
    "Wrenfield",
    "Bramley",
    "Cheswick",
]

ORGANISATION_SUFFIXES = [
    ("Hospitals NHS Foundation Trust", OrganisationKind.NHS_TRUST),
    ("Community Health Services", OrganisationKind.NHS_TRUST),
    ("Integrated Care Board", OrganisationKind.INTEGRATED_CARE_BOARD),
    ("Medical Practice", OrganisationKind.PRIMARY_CARE),
    ("Independent Hospital", OrganisationKind.INDEPENDENT),
    ("Patient Voice", OrganisationKind.CHARITY),
    ("University", OrganisationKind.UNIVERSITY),
    ("Care Partnership", OrganisationKind.OTHER),
]

NETWORK_THEMES = [
    "Patient safety specialists",
    "Medication safety officers",
    "Maternity safety champions",
    "Falls leads",
    "Sepsis practitioners",
    "Freedom to Speak Up guardians",
    "Tissue viability nurses",
    "Human factors practitioners",
    "Mental health safety leads",
    "Primary care safety leads",
    "Deteriorating patient leads",
    "Learning from deaths leads",
]


def skewed(rng: random.Random, bank: list, power: float = 2.5):
    """Pick from `bank`, the first entries far more often (a Zipf-like spread)."""
    return bank[int(len(bank) * rng.random() ** power)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class TextMaker:
    """Sentences, paragraphs and titles from the banks above, driven by one seeded RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def _slots(self) -> dict[str, str]:
        rng = self.rng
        person, patient, topic = skewed(rng, PEOPLE), skewed(rng, PATIENTS), skewed(rng, TOPICS)
        return {
            "person": person,
            "Person": _capital(person),
            "patient": patient,
            "Patient": _capital(patient),
            "event": skewed(rng, EVENTS),
            "place": skewed(rng, PLACES),
            "time": skewed(rng, TIMES),
            "factor": skewed(rng, FACTORS),
            "factor2": skewed(rng, FACTORS, 1.5),
            "action": skewed(rng, ACTIONS),
            "outcome": skewed(rng, OUTCOMES),
            "topic": topic,
            "Topic": _capital(topic),
            "Opinion": skewed(rng, OPINIONS, 1.5),
            "rare": skewed(rng, RARE_TERMS, 1.6),
        }

    def sentence(self) -> str:
        rng = self.rng
        text = skewed(rng, SENTENCE_TEMPLATES, 1.4).format_map(self._slots())
        roll = rng.random()
        if roll < 0.04:
            # Unique tokens, as real reports carry: references, wards, bays.
            text += f" (ref IR-{rng.randrange(10000, 999999)})"
        elif roll < 0.07:
            text += f" This was on ward {rng.randrange(1, 40)}{rng.choice('ABCDEF')}."
        elif roll < 0.17:
            text += f" In one case {skewed(rng, DETAILS, 1.2)}."
        elif roll < 0.20:
            text += f" We saw it at {rng.choice(PLACE_NAMES)} too."
        elif roll < 0.23:
            text += f" Another trust reported {skewed(rng, RARE_TERMS, 1.2)} in a similar case."
        return text

    def paragraph(self, sentences: int) -> str:
        opener = self.rng.choice(PARAGRAPH_OPENERS)
        return opener + " ".join(self.sentence() for _ in range(sentences))

    def html(self, paragraphs: int, sentences: tuple[int, int]) -> str:
        low, high = sentences
        html = "".join(
            f"<p>{self.paragraph(self.rng.randint(low, high))}</p>" for _ in range(paragraphs)
        )
        if self.rng.random() < 0.2:
            name = f"{self.rng.choice(FIRST_NAMES)}"
            html += f"<p>{self.rng.choice(SIGN_OFFS)}, {name}</p>"
        return html

    def title(self) -> str:
        text = skewed(self.rng, TITLE_TEMPLATES, 1.3).format_map(self._slots())
        return text[:200]


# ---------------------------------------------------------------------------------------------
# Writing rows


class RowWriter:
    """Buffers rows for one table and writes them in batches with the fastest path available.

    Rows are dicts keyed by field attname; missing fields take the model's default. Dates and
    JSON are converted here because the rows bypass the ORM (and its auto_now fields).
    """

    def __init__(self, model: type[models.Model], *, with_id: bool = True, batch_size=BATCH_SIZE):
        self.model = model
        self.batch_size = batch_size
        self.vendor = connection.vendor
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.names = [f.attname for f in self.fields]
        self.defaults = [self._default(f) for f in self.fields]
        self.converters = [self._converter(f) for f in self.fields]
        self.rows: list[tuple] = []
        self.written = 0
        # Rows that these rows refer to are written first (foreign keys are checked per batch).
        self.before_flush: Callable[[], None] | None = None

    def _default(self, f: models.Field):
        value = f.get_default()  # "" for text fields without a default, else None
        return json.dumps(value) if isinstance(f, models.JSONField) else value

    def _converter(self, f: models.Field) -> Callable | None:
        if isinstance(f, models.DateTimeField) and self.vendor == "sqlite":
            return lambda v: v and v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        if isinstance(f, models.JSONField):
            return lambda v: v if isinstance(v, str) or v is None else json.dumps(v)
        return None

    def add(self, row: dict) -> None:
        values = []
        for name, default, convert in zip(self.names, self.defaults, self.converters, strict=True):
            value = row.get(name, default)
            values.append(convert(value) if convert and value is not None else value)
        self.rows.append(tuple(values))
        if len(self.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if self.before_flush:
            self.before_flush()
        table = connection.ops.quote_name(self.model._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with transaction.atomic(), connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for values in self.rows:
                        copy.write_row(values)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                # Table and column names come from the model, quoted; values are parameters.
                sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(sql, self.rows)
        self.written += len(self.rows)
        self.rows = []


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def _gather_statistics(table: str = "") -> None:
    """On PostgreSQL, VACUUM and ANALYZE what the load wrote (all tables, or `table`), as
    autovacuum would soon after a bulk load: without statistics the planner guesses, and
    without the visibility map that VACUUM sets it will not plan index-only scans (member
    search's query read the whole email table into a hash: 41.8 ms against 10.6 at 1M posts,
    EXPLAIN ANALYZE). Measurements should see the plans a live site gets. VACUUM cannot run
    inside a transaction: there, ANALYZE alone. (SQLite keeps the statistics the hub gathers
    itself: the search index's.)"""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {table}".strip())


def _reset_sequences(models_: Iterable[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass
class CorpusSpec:
    items: int = 0
    posts: int = 0
    members: int = 0
    seed: int = 1
    until: date | None = None  # the newest date in the corpus; default today (UTC)


@dataclass
class CorpusReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def existing_corpus_members() -> int:
    return User.objects.filter(username__startswith=USERNAME_PREFIX).count()


def build_password_hash() -> str:
    """One hash for every generated member: hashing 100k passwords would take hours."""
    return make_password(CORPUS_PASSWORD)


class CorpusGenerator:
    def __init__(self, spec: CorpusSpec, log: Callable[[str], None] = lambda _msg: None):
        self.spec = spec
        self.log = log
        self.rng = random.Random(spec.seed)
        self.text = TextMaker(self.rng)
        until = spec.until or datetime.now(UTC).date()
        self.end = datetime(until.year, until.month, until.day, tzinfo=UTC)
        self.start = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
        self.span = (self.end - self.start).total_seconds()
        self.report = CorpusReport()

    # Dates lean towards recent years, as a growing community's content does.
    def when(self) -> datetime:
        return self.start + timedelta(seconds=self.span * self.rng.random() ** 0.6)

    def _timed(self, name: str, fn: Callable[[], int]) -> None:
        began = time.monotonic()
        count = fn()
        self.report.counts[name] = count
        self.report.seconds[name] = round(time.monotonic() - began, 2)
        self.log(f"{name}: {count} in {self.report.seconds[name]} s")

    def run(self) -> CorpusReport:
        self.categories = list(
            Category.objects.filter(parent__isnull=False).values_list("pk", flat=True)
        ) or list(Category.objects.values_list("pk", flat=True))
        self.forums = list(Forum.objects.values_list("pk", flat=True))
        if self.spec.members:
            self._timed("organisations", self.make_organisations)
            self._timed("members", self.make_members)
        self.member_ids = list(
            User.objects.filter(username__startswith=USERNAME_PREFIX)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if (self.spec.items or self.spec.posts) and not self.member_ids:
            raise ValueError("Content needs authors: generate members first (--members).")
        if self.member_ids:
            self._timed("networks", self.make_networks)
        if self.spec.items:
            self._timed("tags", self.make_tags)
            self._timed("items", self.make_items)
        if self.spec.posts:
            self._timed("posts", self.make_topics_and_posts)
        _reset_sequences(
            [Organisation, User, EmailAddress, Network, Membership, Tag, Item, Topic, Post]
        )
        _gather_statistics()
        return self.report

    # Members ---------------------------------------------------------------------------------

    def make_organisations(self) -> int:
        wanted = max(3, self.spec.members // 50)
        taken = {n.lower() for n in Organisation.objects.values_list("name", flat=True)}
        writer, next_id = RowWriter(Organisation), _next_id(Organisation)
        self.organisation_ids = []
        attempts = 0
        while len(self.organisation_ids) < wanted and attempts < wanted * 20:
            attempts += 1
            suffix, kind = self.rng.choice(ORGANISATION_SUFFIXES)
            name = f"{self.rng.choice(PLACE_NAMES)} {suffix}"
            if self.rng.random() < 0.5:
                name = f"{self.rng.choice(PLACE_NAMES)} and {name}"
            if name.lower() in taken:
                continue
            taken.add(name.lower())
            writer.add(
                {
                    "id": next_id,
                    "name": name,
                    "kind": kind,
                    "country": "GB",
                    "created": self.when(),
                }
            )
            self.organisation_ids.append(next_id)
            next_id += 1
        writer.flush()
        return writer.written

    def make_members(self) -> int:
        password = build_password_hash()
        writer, next_id = RowWriter(User), _next_id(User)
        emails, next_email_id = RowWriter(EmailAddress), _next_id(EmailAddress)
        emails.before_flush = writer.flush  # addresses point at their members
        offset = existing_corpus_members()
        member_types = MemberType.values
        for n in range(offset, offset + self.spec.members):
            rng = self.rng
            first, last = skewed(rng, FIRST_NAMES, 1.5), skewed(rng, LAST_NAMES, 1.5)
            about = ""
            if rng.random() < 0.4:
                about = f"I work on {skewed(rng, TOPICS)}. {self.text.sentence()}"
            writer.add(
                {
                    "id": next_id,
                    "password": password,
                    "username": f"{USERNAME_PREFIX}{n:07d}",
                    "first_name": first,
                    "last_name": last,
                    "email": f"{USERNAME_PREFIX}{n:07d}@{EMAIL_DOMAIN}",
                    "is_active": rng.random() > 0.01,
                    "date_joined": self.when(),
                    "display_name": f"{first} {last}" if rng.random() < 0.8 else "",
                    "country": rng.choice(COUNTRIES) if rng.random() < 0.85 else "",
                    "organisation_id": (
                        skewed(rng, self.organisation_ids, 1.8) if rng.random() < 0.7 else None
                    ),
                    "job_title": skewed(rng, JOB_TITLES) if rng.random() < 0.7 else "",
                    "member_type": rng.choice(member_types) if rng.random() < 0.9 else "",
                    "about": about,
                    "has_verified_email": bool(n % 40),  # rows bypass the signals
                }
            )
            if n % 40:  # most members finished signing up: a verified address
                emails.add(
                    {
                        "id": next_email_id,
                        "user_id": next_id,
                        "email": f"{USERNAME_PREFIX}{n:07d}@{EMAIL_DOMAIN}",
                        "verified": True,
                        "primary": True,
                    }
                )
                next_email_id += 1
            next_id += 1
        writer.flush()
        emails.flush()
        return writer.written

    def make_networks(self) -> int:
        """Private and by-request networks whose members see their content."""
        existing = Network.objects.filter(slug__startswith="corpus-").count()
        wanted = max(2, min(60, len(self.member_ids) // 1500)) - existing
        if wanted <= 0 and existing:
            self.networks = self._load_networks()
            return 0
        writer, next_id = RowWriter(Network), _next_id(Network)
        members_writer = RowWriter(Membership, with_id=False)
        members_writer.before_flush = writer.flush
        kinds = [NetworkKind.PRIVATE, NetworkKind.BY_REQUEST, NetworkKind.OPEN]
        for n in range(existing, existing + wanted):
            theme = NETWORK_THEMES[n % len(NETWORK_THEMES)]
            name = f"{theme} {PLACE_NAMES[n % len(PLACE_NAMES)]} {n + 1}"
            writer.add(
                {
                    "id": next_id,
                    "name": name,
                    "slug": f"corpus-{slugify(name)}"[:160],
                    "purpose": f"A space for {theme.lower()} to share learning on "
                    f"{skewed(self.rng, TOPICS)}.",
                    "kind": kinds[n % 3],
                    "listed": n % 4 != 0,
                    "created": self.when(),
                    "created_by_id": self.rng.choice(self.member_ids),
                }
            )
            size = min(len(self.member_ids), 5 + int(2000 * self.rng.random() ** 2))
            for position, user_id in enumerate(self.rng.sample(self.member_ids, size)):
                members_writer.add(
                    {
                        "network_id": next_id,
                        "user_id": user_id,
                        "role": MemberRole.LEADER if position == 0 else MemberRole.MEMBER,
                        "joined": self.when(),
                    }
                )
            next_id += 1
        writer.flush()
        members_writer.flush()
        self.networks = self._load_networks()
        return writer.written

    def _load_networks(self) -> list[tuple[int, list[int]]]:
        by_network: dict[int, list[int]] = {}
        for network_id, user_id in Membership.objects.filter(
            network__slug__startswith="corpus-"
        ).values_list("network_id", "user_id"):
            by_network.setdefault(network_id, []).append(user_id)
        return sorted(by_network.items())

    # Library ---------------------------------------------------------------------------------

    def make_tags(self) -> int:
        have = set(Tag.objects.values_list("name", flat=True))
        slugs = set(Tag.objects.values_list("slug", flat=True))
        writer, next_id = RowWriter(Tag), _next_id(Tag)
        for name in TAG_NAMES:
            slug = slugify(name)
            if name in have or slug in slugs:
                continue
            writer.add({"id": next_id, "name": name, "slug": slug, "created": self.start})
            next_id += 1
        writer.flush()
        wanted = {slugify(n) for n in TAG_NAMES}
        by_slug = dict(Tag.objects.filter(slug__in=wanted).values_list("slug", "pk"))
        self.tag_ids = [by_slug[slugify(n)] for n in TAG_NAMES if slugify(n) in by_slug]
        return writer.written

    def _item_status(self) -> tuple[str, bool]:
        """A status and whether the item counts as published."""
        roll = self.rng.random()
        if roll < 0.88:
            return ItemStatus.PUBLISHED, True
        if roll < 0.93:
            return ItemStatus.DRAFT, False
        if roll < 0.96:
            return ItemStatus.SUBMITTED, False
        if roll < 0.97:
            return ItemStatus.RETURNED, False
        if roll < 0.99:
            return ItemStatus.SCHEDULED, True
        return ItemStatus.DECLINED, False

    def make_items(self) -> int:
        rng, text = self.rng, self.text
        writer, next_id = RowWriter(Item), _next_id(Item)
        categories_writer = RowWriter(Item.categories.through, with_id=False)
        tags_writer = RowWriter(Item.tags.through, with_id=False)
        categories_writer.before_flush = tags_writer.before_flush = writer.flush
        kinds = ItemKind.values
        audiences = Audience.values
        for _ in range(self.spec.items):
            kind = skewed(rng, kinds, 1.3)
            status, published = self._item_status()
            created = self.when()
            published_at = None
            if published:
                published_at = created + timedelta(days=rng.random() * 20)
                if status == ItemStatus.SCHEDULED and rng.random() < 0.5:
                    published_at = self.end + timedelta(days=1 + rng.random() * 60)
            network_id, owner = None, rng.choice(self.member_ids)
            if self.networks and rng.random() < 0.04:
                network_id, members = rng.choice(self.networks)
                owner = rng.choice(members)
            title = text.title()
            row = {
                "id": next_id,
                "kind": kind,
                "status": status,
                "title": title,
                "slug": f"{slugify(title)[:190]}-{next_id}",
                "summary": " ".join(text.sentence() for _ in range(rng.randint(1, 2)))[:600],
                "body": text.html(rng.randint(3, 7), (2, 5)),
                "audiences": [skewed(rng, audiences)] if rng.random() < 0.7 else [],
                "country": "GB" if rng.random() < 0.7 else "",
                "setting": skewed(rng, CareSetting.values, 1.5),
                "owner_id": owner,
                "is_anonymous": rng.random() < 0.08,
                "created": created,
                "updated": max(created, published_at or created)
                + timedelta(days=rng.random() * 30 if rng.random() < 0.2 else 0),
                "submitted_at": created if status != ItemStatus.DRAFT else None,
                "published_at": published_at,
                "featured": rng.random() < 0.01,
                "network_id": network_id,
                "view_count": int(5000 * rng.random() ** 4),
                "comment_count": int(40 * rng.random() ** 5),
                "reaction_count": int(80 * rng.random() ** 4),
            }
            if kind == ItemKind.INCIDENT_LEARNING:
                row["learning_response"] = rng.choice(LearningResponse.values)
                for name in ("factor_person", "factor_tasks", "factor_organisation"):
                    row[name] = text.sentence()
                for name in ("aar_expected", "aar_happened", "aar_learned"):
                    row[name] = text.sentence()
            elif kind == ItemKind.GOOD_PRACTICE:
                for name in ("gp_problem", "gp_actions", "gp_results"):
                    row[name] = text.sentence()
            writer.add(row)
            for category_id in {
                skewed(rng, self.categories, 1.5) for _ in range(rng.randint(1, 2))
            }:
                categories_writer.add({"item_id": next_id, "category_id": category_id})
            for tag_id in {skewed(rng, self.tag_ids, 2.0) for _ in range(rng.randint(0, 5))}:
                tags_writer.add({"item_id": next_id, "tag_id": tag_id})
            next_id += 1
        writer.flush()
        categories_writer.flush()
        tags_writer.flush()
        return writer.written

    # Community -------------------------------------------------------------------------------

    def make_topics_and_posts(self) -> int:
        rng, text = self.rng, self.text
        topics, posts = RowWriter(Topic), RowWriter(Post, batch_size=BATCH_SIZE * 2)
        posts.before_flush = topics.flush
        topic_id, post_id = _next_id(Topic), _next_id(Post)
        remaining = self.spec.posts
        while remaining > 0:
            size = min(remaining, 1 + int(60 * rng.random() ** 3.2))
            remaining -= size
            forum_id, network_id, authors = skewed(rng, self.forums, 1.4), None, self.member_ids
            if self.networks and rng.random() < 0.05:
                forum_id, (network_id, authors) = None, rng.choice(self.networks)
            started = self.when()
            times = [started]
            for _ in range(size - 1):
                gap = timedelta(minutes=10 + 4000 * rng.random() ** 3)
                times.append(min(self.end, times[-1] + gap))
            title = text.title()
            topic = {
                "id": topic_id,
                "forum_id": forum_id,
                "network_id": network_id,
                "title": title,
                "slug": slugify(title)[:220],
                "author_id": rng.choice(authors),
                "is_anonymous": rng.random() < 0.07,
                "pinned": rng.random() < 0.002,
                "locked": rng.random() < 0.01,
                "hidden_at": started if rng.random() < 0.01 else None,
                "created": started,
                "last_post_number": size,
                "last_post_at": times[-1],
                "reply_count": size - 1,
                "view_count": int(3000 * rng.random() ** 4) + size,
            }
            topics.add(topic)
            for number, at in enumerate(times, start=1):
                first = number == 1
                roll = rng.random()
                posts.add(
                    {
                        "id": post_id,
                        "topic_id": topic_id,
                        "number": number,
                        "author_id": topic["author_id"] if first else rng.choice(authors),
                        "is_anonymous": topic["is_anonymous"] if first else rng.random() < 0.05,
                        "body": text.html(rng.randint(1, 3), (1, 3)),
                        "created": at,
                        "edited_at": at + timedelta(hours=1) if roll < 0.03 else None,
                        "hidden_at": at if 0.03 <= roll < 0.04 else None,
                        "deleted_at": at if 0.04 <= roll < 0.045 else None,
                    }
                )
                post_id += 1
            topic_id += 1
        topics.flush()
        posts.flush()
        self.report.counts["topics"] = topics.written
        return posts.written


def iter_sample_text(seed: int, sentences: int) -> Iterator[str]:
    """Sentences from a seeded maker: for tests and for eyeballing the writing."""
    maker = TextMaker(random.Random(seed))
    for _ in range(sentences):
        yield maker.sentence()


def build_search_index(mode: str, log: Callable[[str], None] = lambda _msg: None) -> float | None:
    """Index the corpus: "fast" (CorpusIndexer, same rows) or "reindex" (the search app's own
    command, slower). Returns the seconds it took, or None when nothing was done."""
    from django.core.management import call_command, get_commands

    if mode == "none":
        return None
    if "reindex" not in get_commands():
        log("The search app has no reindex command: the search index was not built.")
        return None
    began = time.monotonic()
    if mode == "fast":
        CorpusIndexer(log=log).run()
    else:
        call_command("reindex")
    return round(time.monotonic() - began, 2)


# ---------------------------------------------------------------------------------------------
# Indexing the corpus quickly


def _url_template(name: str, **kwargs) -> Callable[..., str]:
    """reverse() once with markers, then fill in values: the same URL, without the resolver
    (reverse() was a third of the indexing time per row)."""
    from django.urls import reverse

    # Markers the URL converters accept: digits for int parts, letters for slugs.
    markers = {
        key: f"98765432{n}" if isinstance(sample, int) else f"zzcorpusmarker{n}"
        for n, (key, sample) in enumerate(kwargs.items())
    }
    pattern = reverse(name, kwargs=markers)

    def fill(**values) -> str:
        url = pattern
        for key, marker in markers.items():
            url = url.replace(marker, str(values[key]))
        return url

    return fill


_SIMPLE_HTML = re.compile(r"(?:<p>[^<>&\n]*</p>)+")


def _fast_text(html: str | None) -> str:
    """html_to_text for the generator's own markup (paragraphs of plain text), else the real one."""
    from hub.core.richtext import html_to_text

    if html and _SIMPLE_HTML.fullmatch(html):
        return "\n\n".join(" ".join(p.split()) for p in html[3:-4].split("</p><p>")).strip()
    return html_to_text(html or "")


class CorpusIndexer:
    """Writes the search index rows of a generated corpus in bulk.

    The rows are what `manage.py reindex` writes (tests/bench/test_corpus.py compares them
    field by field), built from plain column values with cached names and URLs instead of model
    instances, and written in batches like the corpus itself. Reactions are not read: the
    generator makes none. For any other database, use `manage.py reindex`.
    """

    def __init__(self, log: Callable[[str], None] = lambda _msg: None):
        self.log = log
        # The index is emptied first, so ids are chosen here, without asking the database.
        self.used_ids: set[int] = set()

    def run(self) -> dict[str, int]:
        from hub.search import trees
        from hub.search.backends import engine
        from hub.search.models import SearchDocument

        trees.clear()
        self._load_lookups()
        counts = {}
        # The engine's own bulk steps (PostgreSQL's CLUSTER) run before the GIN index is built.
        with _gin_indexes_deferred(), engine().bulk_load():
            engine().clear()
            self.used_ids = set()
            self.docs = RowWriter(SearchDocument)
            for key, method in (
                ("library.item", self._items),
                ("community.topic", self._topics),
                ("community.post", self._replies),
            ):
                began = time.monotonic()
                counts[key] = method()
                self.docs.flush()
                self.log(f"{key}: {counts[key]} documents in {time.monotonic() - began:.1f} s")
        _gather_statistics(SearchDocument._meta.db_table)
        return counts

    def _document_id(self, created: datetime) -> int:
        """What `free_document_ids` gives in an empty index, without asking the database."""
        from hub.search.models import document_id_base

        candidate = document_id_base(created)
        while candidate in self.used_ids:
            candidate += 1
        self.used_ids.add(candidate)
        return candidate

    def _load_lookups(self) -> None:
        self.names = {
            pk: display or username
            for pk, display, username in User.objects.values_list("pk", "display_name", "username")
        }
        self.forums = {f.pk: (f.name, f.get_absolute_url()) for f in Forum.objects.all()}
        self.networks = {n.pk: (n.name, n.get_absolute_url()) for n in Network.objects.all()}
        self.categories = {c.pk: c for c in Category.objects.select_related("parent")}
        self.category_urls = {pk: c.get_absolute_url() for pk, c in self.categories.items()}
        self.tags = {
            pk: (rank, name)
            for rank, (pk, name) in enumerate(
                Tag.objects.values_list("pk", "name")  # the default ordering, as prefetch uses
            )
        }

    def _write(self, source_key: str, object_id: int, doc) -> None:
        """The row hub.search.services._row() makes, as a plain dict (model instances were
        half the time), and its facets."""
        from hub.search.backends.base import strip_marks
        from hub.search.services import _day_start
        from hub.search.terms import filter_terms

        created, updated = doc.created, doc.updated
        visible_from = doc.visible_from or doc.created
        anonymous = doc.is_anonymous
        if anonymous:
            created, updated = _day_start(created), _day_start(updated)
        author_id = None if anonymous else doc.author_id
        self.docs.add(
            {
                "id": self._document_id(created),
                "source": source_key,
                "object_id": object_id,
                "kind": doc.kind,
                "title": strip_marks(doc.title)[:300],
                "summary": strip_marks(doc.summary),
                "body": strip_marks(doc.body),
                "tag_names": ", ".join(doc.tag_names),
                "url": doc.url[:500],
                "place": doc.place[:200],
                "place_url": doc.place_url[:500],
                "forum_id": doc.forum_id,
                "network_id": doc.network_id,
                "author_id": author_id,
                "author_name": "" if anonymous else doc.author_name[:200],
                "is_anonymous": anonymous,
                "created": created,
                "updated": updated,
                "visible_from": visible_from,
                "comment_count": doc.comment_count,
                "reaction_count": doc.reaction_count,
                "view_count": doc.view_count,
                "filter_terms": filter_terms(
                    kind=doc.kind,
                    network_id=doc.network_id,
                    author_id=author_id,
                    created=created,
                    facets=doc.facets,
                ),
            }
        )

    def _batches(self, source_key: str, fields: tuple[str, ...]) -> Iterator[list[tuple]]:
        from hub.search.registry import source_by_key

        qs = source_by_key(source_key).indexable().order_by("pk")
        last = 0
        while True:
            batch = list(qs.filter(pk__gt=last).values_list("pk", *fields)[:BATCH_SIZE])
            if not batch:
                return
            yield batch
            last = batch[-1][0]

    def _forum_facets(self, forum_id: int | None) -> dict[str, list[int]]:
        from hub.search.trees import ancestors_and_self

        return {"forum": sorted(ancestors_and_self(Forum, forum_id))} if forum_id else {}

    def _items(self) -> int:
        from hub.library.models import AAR_QUESTIONS, GOOD_PRACTICE_FIELDS, SEIPS_FACTORS
        from hub.search.registry import Document
        from hub.search.trees import ancestors_and_self

        structured = [f for f, _, _ in GOOD_PRACTICE_FIELDS] + [f for f, _, _ in SEIPS_FACTORS]
        structured += [f for f, _ in AAR_QUESTIONS]
        fields = (
            "kind", "title", "summary", "body", "slug", "published_at", "updated", "network_id",
            "owner_id", "is_anonymous", "comment_count", "reaction_count", "view_count",
            *structured,
        )  # fmt: skip
        item_url = _url_template("library:item", slug="")
        count = 0
        for batch in self._batches("library.item", fields):
            ids = [row[0] for row in batch]
            links: dict[int, list[int]] = {}
            for item_id, category_id in Item.categories.through.objects.filter(
                item_id__in=ids
            ).values_list("item_id", "category_id"):
                links.setdefault(item_id, []).append(category_id)
            tag_links: dict[int, list[int]] = {}
            for item_id, tag_id in Item.tags.through.objects.filter(item_id__in=ids).values_list(
                "item_id", "tag_id"
            ):
                tag_links.setdefault(item_id, []).append(tag_id)
            for row in batch:
                pk, values = row[0], dict(zip(fields, row[1:], strict=True))
                extra = [values[f] for f in structured if values[f]]
                body = "\n\n".join([_fast_text(values["body"]), *extra])
                categories = sorted(
                    (self.categories[c] for c in links.get(pk, [])),
                    key=lambda c: (c.parent_id is not None, c.pk),
                )
                category_ids: set[int] = set()
                for category in categories:
                    category_ids.update(ancestors_and_self(Category, category.pk))
                tags = sorted(tag_links.get(pk, []), key=lambda t: self.tags[t][0])
                if values["network_id"]:
                    place, place_url = self.networks[values["network_id"]]
                elif categories:
                    place, place_url = str(categories[-1]), self.category_urls[categories[-1].pk]
                else:
                    place = place_url = ""
                anonymous = values["is_anonymous"]
                doc = Document(
                    kind=values["kind"],
                    title=values["title"],
                    summary=values["summary"],
                    body=body,
                    url=item_url(slug=values["slug"]),
                    created=values["published_at"],
                    updated=values["updated"],
                    visible_from=values["published_at"],
                    tag_names=[self.tags[t][1] for t in tags],
                    place=place,
                    place_url=place_url,
                    network_id=values["network_id"],
                    author_id=None if anonymous else values["owner_id"],
                    author_name="" if anonymous else self.names[values["owner_id"]],
                    is_anonymous=anonymous,
                    comment_count=values["comment_count"],
                    reaction_count=values["reaction_count"],
                    view_count=values["view_count"],
                    facets={"tag": tags, "category": sorted(category_ids)},
                )
                self._write("library.item", pk, doc)
                count += 1
        return count

    def _place(self, forum_id: int | None, network_id: int | None) -> tuple[str, str]:
        return self.networks[network_id] if network_id else self.forums[forum_id]

    def _topics(self) -> int:
        from hub.search.registry import Document

        fields = (
            "title", "slug", "opening_body", "opening_reactions", "created", "last_post_at",
            "forum_id", "network_id", "author_id", "is_anonymous", "reply_count", "view_count",
        )  # fmt: skip
        topic_url = _url_template("community:topic", pk=0, slug="")
        count = 0
        for batch in self._batches("community.topic", fields):
            for row in batch:
                pk, v = row[0], dict(zip(fields, row[1:], strict=True))
                place, place_url = self._place(v["forum_id"], v["network_id"])
                anonymous = v["is_anonymous"]
                doc = Document(
                    kind="topic",
                    title=v["title"],
                    body=_fast_text(v["opening_body"]),
                    url=topic_url(pk=pk, slug=v["slug"]),
                    created=v["created"],
                    updated=v["last_post_at"] or v["created"],
                    place=place,
                    place_url=place_url,
                    forum_id=v["forum_id"],
                    network_id=v["network_id"],
                    author_id=None if anonymous else v["author_id"],
                    author_name="" if anonymous else self.names[v["author_id"]],
                    is_anonymous=anonymous,
                    comment_count=v["reply_count"],
                    reaction_count=v["opening_reactions"],
                    view_count=v["view_count"],
                    facets=self._forum_facets(v["forum_id"]),
                )
                self._write("community.topic", pk, doc)
                count += 1
        return count

    def _replies(self) -> int:
        from hub.search.registry import Document

        topics = {
            pk: (title, forum_id, network_id)
            for pk, title, forum_id, network_id in Topic.objects.values_list(
                "pk", "title", "forum_id", "network_id"
            )
        }
        fields = (
            "topic_id", "author_id", "is_anonymous", "body", "created", "edited_at", "reactions"
        )  # fmt: skip
        post_url = _url_template("community:post", pk=0)
        count = 0
        for batch in self._batches("community.post", fields):
            for row in batch:
                pk, v = row[0], dict(zip(fields, row[1:], strict=True))
                title, forum_id, network_id = topics[v["topic_id"]]
                place, place_url = self._place(forum_id, network_id)
                anonymous = v["is_anonymous"]
                doc = Document(
                    kind="reply",
                    title=f"Re: {title}",
                    body=_fast_text(v["body"]),
                    url=post_url(pk=pk),
                    created=v["created"],
                    updated=v["edited_at"] or v["created"],
                    place=place,
                    place_url=place_url,
                    forum_id=forum_id,
                    network_id=network_id,
                    author_id=None if anonymous else v["author_id"],
                    author_name="" if anonymous else self.names[v["author_id"]],
                    is_anonymous=anonymous,
                    reaction_count=v["reactions"],
                    facets=self._forum_facets(forum_id),
                )
                self._write("community.post", pk, doc)
                count += 1
        return count


@contextmanager
def _gin_indexes_deferred() -> Iterator[None]:
    """PostgreSQL: drop the full-text GIN indexes while rows stream in, then build them once
    (several times faster than keeping them up to date row by row)."""
    from hub.search.backends import sql as ddl

    if connection.vendor != "postgresql":
        yield
        return
    from hub.search.backends import engine

    creates = [s for s in ddl.POSTGRES_CREATE if s.startswith("CREATE INDEX")]
    names = [s.split()[2] for s in creates]
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {', '.join(names)}")
    # The year indexes too: the engine's bulk_load makes them again once the rows are in.
    engine().drop_year_indexes()
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for statement in creates:
                cursor.execute(statement)
            cursor.execute("RESET maintenance_work_mem")
