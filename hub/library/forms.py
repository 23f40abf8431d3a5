from django import forms
from django.forms import formset_factory
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.core.anonymity import ANONYMOUS_HELP, ANONYMOUS_LABEL
from hub.core.richtext import RichTextField
from hub.taxonomy.forms import CategoryChoiceField
from hub.taxonomy.models import Audience, CareSetting, Series

from .models import (
    AAR_QUESTIONS,
    GOOD_PRACTICE_FIELDS,
    SEIPS_FACTORS,
    ActionStatus,
    ActionStrength,
    ItemKind,
    LearningResponse,
)
from .services import ItemData, SafetyActionData

KIND_HELP = {
    ItemKind.ARTICLE: "A resource: guidance, a report, a tool or a summary of research.",
    ItemKind.BLOG: "Your view or experience, in your own words.",
    ItemKind.NEWS: "Something that has just happened or been announced.",
    ItemKind.GOOD_PRACTICE: "An improvement that worked: the problem, the change, the results.",
    ItemKind.INCIDENT_LEARNING: "What a patient safety incident taught, and the actions taken.",
    ItemKind.STORY: "A first-person experience of care, as a patient, carer or member of staff.",
}


class ItemForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences: what is this about and who is it for?",
    )
    body = RichTextField(label="Main text", max_length=100_000)
    categories = CategoryChoiceField(
        error_messages={"required": "Choose at least one category, so people can find it."}
    )
    tags = forms.CharField(
        required=False,
        max_length=400,
        help_text="Words people might search for, separated by commas (for example: falls, "
        "handover).",
    )
    audiences = forms.MultipleChoiceField(
        label="Who is it for?",
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    setting = forms.ChoiceField(label="Setting of care", choices=CareSetting.choices)
    country = LazyTypedChoiceField(choices=[("", "Not specific")] + list(countries), required=False)
    region = forms.CharField(
        required=False, max_length=100, help_text="For example: England, Wales, or UK-wide."
    )
    external_url = forms.URLField(
        label="External link",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="A link to the original resource, if there is one.",
    )
    is_anonymous = forms.BooleanField(
        label=ANONYMOUS_LABEL,
        required=False,
        help_text=ANONYMOUS_HELP,
    )
    series = forms.ModelChoiceField(
        queryset=Series.objects.all(), required=False, empty_label="Not part of a series"
    )
    learning_response = forms.ChoiceField(
        label="Learning response used",
        choices=[("", "Choose one")] + list(LearningResponse.choices),
        required=False,
    )

    def __init__(self, *args, kind: str, can_choose_series: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if not can_choose_series:
            del self.fields["series"]
        if kind != ItemKind.INCIDENT_LEARNING:
            del self.fields["learning_response"]
        if kind in (ItemKind.STORY, ItemKind.BLOG):
            self.fields["body"].label = "Your story" if kind == ItemKind.STORY else "Your post"
        for name, label, help_text in self.structured_specs():
            self.fields[name] = forms.CharField(
                label=label,
                help_text=help_text,
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def structured_specs(self) -> list[tuple[str, str, str]]:
        if self.kind == ItemKind.GOOD_PRACTICE:
            return list(GOOD_PRACTICE_FIELDS)
        if self.kind == ItemKind.INCIDENT_LEARNING:
            return list(SEIPS_FACTORS) + [(name, q, "") for name, q in AAR_QUESTIONS]
        return []

    def structured_fields(self, names):
        return [self[name] for name in names if name in self.fields]

    def good_practice_fields(self):
        return self.structured_fields([f for f, _, _ in GOOD_PRACTICE_FIELDS])

    def factor_fields(self):
        return self.structured_fields([f for f, _, _ in SEIPS_FACTORS])

    def aar_fields(self):
        return self.structured_fields([f for f, _ in AAR_QUESTIONS])

    def clean_tags(self) -> list[str]:
        names = [" ".join(t.split()) for t in self.cleaned_data["tags"].split(",")]
        names = [n for n in names if n]
        if any(len(n) > 60 for n in names):
            raise forms.ValidationError("Keep each tag under 60 characters.")
        if len(names) > 15:
            raise forms.ValidationError("Use at most 15 tags.")
        return names

    def to_item_data(self, safety_actions: list[SafetyActionData] | None = None) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            kind=self.kind,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            categories=list(data["categories"]),
            tags=data["tags"],
            audiences=data["audiences"],
            external_url=data["external_url"],
            country=data["country"] or "",
            region=data["region"],
            setting=data["setting"],
            is_anonymous=data["is_anonymous"],
            series=data.get("series"),
            learning_response=data.get("learning_response", ""),
            structured={name: data[name] for name, _, _ in self.structured_specs()},
            safety_actions=safety_actions,
        )


class SafetyActionForm(forms.Form):
    description = forms.CharField(
        label="Action", max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner_role = forms.CharField(
        label="Owner (a role, not a name)",
        max_length=120,
        help_text="For example: Ward manager, Medicines safety officer.",
    )
    measure = forms.CharField(label="How you will know it worked", max_length=300)
    due_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    strength = forms.ChoiceField(
        label="Action strength",
        choices=[("", "Choose")] + list(ActionStrength.choices),
        help_text="Stronger actions change the system (design, forcing functions); weaker ones "
        "rely on people remembering (training, reminders).",
    )
    status = forms.ChoiceField(choices=ActionStatus.choices, initial=ActionStatus.PLANNED)

    def to_data(self) -> SafetyActionData:
        return SafetyActionData(**self.cleaned_data)


SafetyActionFormSet = formset_factory(SafetyActionForm, extra=2, max_num=20, validate_max=True)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="What should the author change?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why is it declined?", max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text="Leave empty to publish now.",
    )
    note = forms.CharField(label="Note to the author", required=False, max_length=1000)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="Add a file",
        help_text="A PDF, Word, Excel or PowerPoint file, or a picture. Up to 10 MB.",
    )
