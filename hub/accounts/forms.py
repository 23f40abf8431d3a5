from django import forms
from django.contrib.auth.models import Group
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.core.validators import validate_plain_text
from hub.core.widgets import QuickDateInput, QuickSelect, QuickTextInput

from .adapter import RESERVED_USERNAMES
from .models import MemberType, OrganisationKind, User, Visibility

VISIBILITY_FIELDS = (
    ("real_name_visibility", "first and last name"),
    ("country_visibility", "country"),
    ("organisation_visibility", "organisation"),
    ("job_title_visibility", "role or job title"),
    ("member_type_visibility", "member type"),
    ("about_visibility", "about me"),
)


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        max_length=80,
        required=False,
        validators=[validate_plain_text],
        help_text="Shown with what you share. Leave empty to use your username.",
    )
    first_name = forms.CharField(max_length=150, required=False, validators=[validate_plain_text])
    last_name = forms.CharField(max_length=150, required=False, validators=[validate_plain_text])
    country = LazyTypedChoiceField(choices=[("", "Not given")] + list(countries), required=False)
    organisation_name = forms.CharField(
        label="Organisation",
        max_length=200,
        required=False,
        validators=[validate_plain_text],
        help_text="Type its name; a new organisation is added if it is not listed yet.",
    )
    organisation_kind = forms.ChoiceField(
        label="Kind of organisation (for a new one)",
        choices=OrganisationKind.choices,
        required=False,
        initial=OrganisationKind.OTHER,
    )
    job_title = forms.CharField(
        label="Role or job title", max_length=120, required=False, validators=[validate_plain_text]
    )
    member_type = forms.ChoiceField(
        choices=[("", "Prefer not to say")] + list(MemberType.choices), required=False
    )
    about = forms.CharField(
        label="About me",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_plain_text],
        help_text="Plain text, up to 2,000 characters. Never include details about patients.",
    )
    real_name_visibility = forms.ChoiceField(choices=Visibility.choices)
    country_visibility = forms.ChoiceField(choices=Visibility.choices)
    organisation_visibility = forms.ChoiceField(choices=Visibility.choices)
    job_title_visibility = forms.ChoiceField(choices=Visibility.choices)
    member_type_visibility = forms.ChoiceField(choices=Visibility.choices)
    about_visibility = forms.ChoiceField(choices=Visibility.choices)

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if name.lower() in RESERVED_USERNAMES:
            raise forms.ValidationError("That name is reserved. Please choose another.")
        return name

    def visibility_fields(self):
        return [(self[name], label) for name, label in VISIBILITY_FIELDS]


class AvatarForm(forms.Form):
    avatar = forms.FileField(
        label="Profile picture",
        help_text=(
            "A JPEG, PNG, WebP or GIF picture up to 5 MB. "
            "We remove its hidden data (such as location)."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )


class DirectoryFilterForm(forms.Form):
    name = forms.CharField(required=False, max_length=100, label="Name", widget=QuickTextInput)
    organisation = forms.CharField(required=False, max_length=200, widget=QuickTextInput)
    # QuickSelect: the country list alone (250 options) took 4 ms a page through templates.
    country = LazyTypedChoiceField(
        choices=[("", "Any country")] + list(countries), required=False, widget=QuickSelect
    )
    role = forms.CharField(
        required=False, max_length=120, label="Role or job title", widget=QuickTextInput
    )
    member_type = forms.ChoiceField(
        choices=[("", "Any type")] + list(MemberType.choices), required=False, widget=QuickSelect
    )
    group = forms.ModelChoiceField(
        queryset=Group.objects.order_by("name"),
        required=False,
        empty_label="Any group",
        to_field_name="name",
        widget=QuickSelect,
    )
    joined_after = forms.DateField(
        required=False,
        label="Joined on or after",
        widget=QuickDateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    joined_before = forms.DateField(
        required=False,
        label="Joined on or before",
        widget=QuickDateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        data = super().clean()
        after, before = data.get("joined_after"), data.get("joined_before")
        if after and before and after > before:
            self.add_error("joined_before", "This date is before the 'joined on or after' date.")
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To protect you, confirm it is you.",
    )
    reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are you leaving? (optional)",
        validators=[validate_plain_text],
    )
    confirm = forms.BooleanField(
        label="I understand my account will be closed and my personal details erased."
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right.")
        return password
