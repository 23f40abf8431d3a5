from django import forms

from hub.core.anonymity import ANONYMOUS_HELP, ANONYMOUS_LABEL
from hub.core.images import Region
from hub.taxonomy.forms import CategoryChoiceField
from hub.taxonomy.models import CareSetting

from .services import TrapDetails

BLUR_ROWS = 4
BLUR_PARTS = (
    ("left", "From the left edge"),
    ("top", "From the top edge"),
    ("width", "Width"),
    ("height", "Height"),
)


class UploadForm(forms.Form):
    photo = forms.FileField(
        label="Photo",
        help_text="A JPEG, PNG, WebP or GIF picture, up to 12 MB and 40 megapixels. "
        "We remove hidden details such as the location the photo was taken.",
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    alt_text = forms.CharField(
        label="Describe the photo",
        max_length=300,
        help_text="For people who cannot see it, such as “Two insulin pens with the same "
        "grey packaging side by side on a shelf”.",
    )
    consent = forms.BooleanField(
        label="Nobody can be identified in this photo (no patient, visitor or member of staff, "
        "no names, no records), and I took it or have permission to share it.",
        error_messages={
            "required": "Confirm that nobody can be identified and that you may share the photo."
        },
    )


class DetailsForm(forms.Form):
    title = forms.CharField(
        max_length=150, help_text="A few words, such as “Look-alike insulin pens”."
    )
    hazard = forms.CharField(
        label="What could go wrong",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="How could this lead to harm? Describe the situation, not the people.",
    )
    setting = forms.ChoiceField(
        label="Setting", choices=CareSetting.choices, initial=CareSetting.ANY
    )
    where_seen = forms.CharField(
        label="Where it was seen",
        max_length=150,
        required=False,
        help_text="The kind of place, such as “a ward medicines room”. Never a named ward or "
        "hospital.",
    )
    fix_ideas = forms.CharField(
        label="Ideas to fix it",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    caption = forms.CharField(
        max_length=300, required=False, help_text="A short line shown under the photo."
    )
    alt_text = forms.CharField(
        label="Describe the photo",
        max_length=300,
        help_text="For people who cannot see it.",
    )
    categories = CategoryChoiceField(
        label="Categories", required=False, help_text="Open an area to choose its categories."
    )
    tags = forms.CharField(
        max_length=300,
        required=False,
        help_text="Separate tags with commas, such as “insulin, packaging”.",
    )
    is_anonymous = forms.BooleanField(
        label=ANONYMOUS_LABEL,
        required=False,
        help_text=ANONYMOUS_HELP,
    )

    def details(self) -> TrapDetails:
        data = self.cleaned_data
        return TrapDetails(
            title=data["title"],
            hazard=data["hazard"],
            fix_ideas=data["fix_ideas"],
            setting=data["setting"],
            where_seen=data["where_seen"],
            caption=data["caption"],
            alt_text=data["alt_text"],
            categories=list(data["categories"]),
            tags=[t for t in data["tags"].split(",") if t.strip()],
            is_anonymous=data["is_anonymous"],
        )


class ModeratorEditForm(DetailsForm):
    note = forms.CharField(
        label="Why you changed it", max_length=500, help_text="Kept in the audit log."
    )


class BlurForm(forms.Form):
    """Areas to blur, as percentages of the photo. A script lets moderators draw them instead;
    without it they are typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in range(BLUR_ROWS):
            for part, label in BLUR_PARTS:
                self.fields[f"area{row}_{part}"] = forms.FloatField(
                    label=f"Area {row + 1}: {label.lower()} (%)",
                    required=False,
                    min_value=0,
                    max_value=100,
                    widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
                )

    def rows(self):
        return [
            (row + 1, [self[f"area{row}_{part}"] for part, _ in BLUR_PARTS])
            for row in range(BLUR_ROWS)
        ]

    def clean(self):
        data = super().clean()
        regions = []
        for row in range(BLUR_ROWS):
            values = [data.get(f"area{row}_{part}") for part, _ in BLUR_PARTS]
            if all(v is None for v in values):
                continue
            if any(v is None for v in values):
                raise forms.ValidationError(
                    f"Area {row + 1}: fill in all four numbers, or leave all four empty."
                )
            left, top, width, height = values
            if width <= 0 or height <= 0:
                raise forms.ValidationError(
                    f"Area {row + 1}: the width and height must be more than 0."
                )
            regions.append(Region(left / 100, top / 100, width / 100, height / 100))
        if not regions and not self.errors:
            raise forms.ValidationError("Mark at least one area to blur.")
        data["regions"] = regions
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why it cannot be published",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The uploader reads this.",
    )


class HideForm(forms.Form):
    reason = forms.CharField(label="Why it is hidden", max_length=1000)
