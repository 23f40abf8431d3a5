"""Two new facets kept as data, ready for search: safety target and approach."""

from django.db import migrations, models

SAFETY_TARGETS = [
    ("medication", "Medication", "Prescribing, dispensing, giving and monitoring medicines."),
    ("falls", "Falls", "Preventing falls and the harm they cause."),
    ("diagnosis", "Diagnosis", "Missed, wrong and delayed diagnosis."),
    (
        "deterioration",
        "Deterioration",
        "Recognising and responding to a patient who is getting worse.",
    ),
    ("surgery", "Surgery", "Safe surgery and invasive procedures, never events included."),
    ("maternity", "Maternity", "Safe care for mothers and babies in pregnancy and birth."),
    ("infection", "Infection", "Preventing and controlling infection."),
    ("mental-health", "Mental health", "Safety in mental health care, self-harm included."),
    ("communication", "Communication", "Handover, records and talking with each other."),
    (
        "devices-and-equipment",
        "Devices and equipment",
        "Medical devices, equipment and their design and upkeep.",
    ),
    ("pressure-ulcers", "Pressure ulcers", "Preventing pressure damage to the skin."),
    (
        "transitions-of-care",
        "Transitions of care",
        "Admission, transfer and discharge between teams and services.",
    ),
    (
        "patient-identification",
        "Patient identification",
        "Making sure the right care reaches the right patient.",
    ),
]

APPROACHES = [
    (
        "checklists-and-standardisation",
        "Checklists and standardisation",
        "Checklists, bundles, protocols and standard ways of working.",
    ),
    ("education-and-training", "Education and training", "Learning, simulation and skills."),
    ("technology", "Technology", "Digital systems, alerts, automation and data."),
    ("teamwork", "Teamwork", "How teams work and speak up together."),
    ("safety-culture", "Safety culture", "Just culture, leadership and psychological safety."),
    (
        "patient-and-family-engagement",
        "Patient and family engagement",
        "Patients, families and carers as partners in safety.",
    ),
    ("policy-and-regulation", "Policy and regulation", "Rules, standards and oversight."),
    ("audit-and-feedback", "Audit and feedback", "Measuring, reviewing and reporting back."),
    (
        "human-factors-design",
        "Human factors design",
        "Designing tasks, tools and places around how people work.",
    ),
]


def fill(apps, schema_editor):
    for model_name, rows in (("SafetyTarget", SAFETY_TARGETS), ("Approach", APPROACHES)):
        model = apps.get_model("taxonomy", model_name)
        for position, (slug, name, description) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "description": description, "position": position},
            )


def facet_fields():
    return [
        (
            "id",
            models.BigAutoField(
                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
            ),
        ),
        ("slug", models.SlugField(max_length=80, unique=True)),
        ("name", models.CharField(max_length=120, unique=True)),
        ("description", models.TextField(blank=True)),
        ("position", models.PositiveIntegerField(default=0)),
    ]


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SafetyTarget",
            fields=facet_fields(),
            options={
                "verbose_name": "safety target",
                "ordering": ["position", "name"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Approach",
            fields=facet_fields(),
            options={
                "verbose_name": "approach",
                "ordering": ["position", "name"],
                "abstract": False,
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
