"""Load the 13 forums from hub/core/data/taxonomy.json, with descriptions written by us."""

from django.db import migrations
from django.utils.text import slugify

DESCRIPTIONS = {
    "Commissioning, service provision and innovation in health and care": "How care is planned, paid for and redesigned, and how new services and technology can make it safer.",
    "Coronavirus (COVID-19)": "What the pandemic taught us about safety, and what still needs to change.",
    "Culture": "Speaking up, just culture, fear and blame, and looking after the people who give care.",
    "Improving patient safety": "Practical ideas and projects that make care safer, from human factors to design.",
    "Investigations, risk management and legal issues": "Learning responses, complaints, risk and the legal side of harm.",
    "Leadership for patient safety": "Boards, executives and clinical leaders: what good safety leadership looks like.",
    "Organisations linked to patient safety (UK and beyond)": "Regulators, national bodies and international organisations, and how they work together.",
    "Patient engagement": "Patients, families and carers as partners in safety, and support after harm.",
    "Patient safety in health and care": "Safety in every setting: hospitals, GP practices, mental health, social care and at home.",
    "Patient Safety Learning": "News and conversations about this hub and the charity-style work behind it.",
    "Professionalising patient safety": "Skills, training, standards and careers for people who work in patient safety.",
    "Research, data and insight": "Evidence, measurement and research about harm and what prevents it.",
    "Miscellaneous": "Anything else about patient safety that does not fit elsewhere.",
}


def load(apps, schema_editor):
    from hub.core.taxonomy import load_taxonomy

    Forum = apps.get_model("community", "Forum")
    for position, name in enumerate(load_taxonomy()["forums"]):
        Forum.objects.get_or_create(
            name=name,
            parent=None,
            defaults={
                "slug": slugify(name)[:120],
                "description": DESCRIPTIONS.get(name, ""),
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
