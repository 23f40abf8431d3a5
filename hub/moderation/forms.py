"""Forms for reporting and moderating: they check shape; services decide the rules."""

from django import forms
from django.utils import timezone

from .models import CaseStatus, ReportReason, Source


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong?",
        choices=[("", "Choose a reason")] + list(ReportReason.choices),
        error_messages={"required": "Choose a reason.", "invalid_choice": "Choose a reason."},
    )
    details = forms.CharField(
        label="Anything else a moderator should know?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not repeat any patient information here.",
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the audit log; the author and reporters are told the outcome.",
    )


class SuspendForm(forms.Form):
    until = forms.DateField(
        label="Suspended until",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Choose the day the suspension ends.",
            "invalid": "Enter a date like 2026-12-31.",
        },
    )
    reason = forms.CharField(
        label="Reason", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError("Choose a day after today.")
        return until


class SanctionForm(forms.Form):
    reason = forms.CharField(
        label="Reason", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReferForm(forms.Form):
    reason = forms.CharField(
        label="Why should a safeguarding lead consider a sanction?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only safeguarding leads read it. You will not be told who the author is.",
    )


class RevealForm(forms.Form):
    reason = forms.CharField(
        label="Safeguarding reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in the audit log, and the author is told.",
    )


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=list(CaseStatus.choices) + [("all", "All")])
    source = forms.ChoiceField(required=False, choices=[("", "Any source")] + list(Source.choices))
    reason = forms.ChoiceField(
        required=False, choices=[("", "Any reason")] + list(ReportReason.choices)
    )
    kind = forms.ChoiceField(required=False, choices=[("", "Anything")])

    def __init__(self, *args, kinds=(), referrals=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Anything"), *kinds, ("member", "A member")]
        if not referrals:  # only safeguarding leads see referrals
            self.fields["source"].choices = [
                c for c in self.fields["source"].choices if c[0] != Source.REFERRAL
            ]


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        required=False, max_length=100, help_text='Starts with, e.g. "moderation:"'
    )
    actor = forms.CharField(required=False, max_length=150, label="Who (username)")
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
