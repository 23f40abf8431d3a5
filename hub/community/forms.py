"""Forms for the forums: they check the shape of input; services decide the rules."""

from django import forms

from hub.core.anonymity import ANONYMOUS_HELP, ANONYMOUS_LABEL
from hub.core.richtext import RichTextField

from .models import Forum
from .services import POST_MAX_LENGTH, TITLE_MAX_LENGTH

KINDNESS_HELP = "Be kind, and never share anything that could identify a patient."


class TopicForm(forms.Form):
    title = forms.CharField(
        max_length=TITLE_MAX_LENGTH,
        help_text="A short question or statement, so people know what it is about.",
        error_messages={"required": "Please give your discussion a title."},
    )
    body = RichTextField(
        label="Your message",
        max_length=POST_MAX_LENGTH,
        help_text=KINDNESS_HELP + " Type @ and a username to mention a member.",
        error_messages={"required": "Please write something before posting."},
    )
    anonymous = forms.BooleanField(label=ANONYMOUS_LABEL, required=False, help_text=ANONYMOUS_HELP)


class ReplyForm(forms.Form):
    body = RichTextField(
        label="Your reply",
        max_length=POST_MAX_LENGTH,
        help_text=KINDNESS_HELP + " Type @ and a username to mention a member.",
        error_messages={"required": "Please write something before posting."},
    )
    anonymous = forms.BooleanField(label=ANONYMOUS_LABEL, required=False, help_text=ANONYMOUS_HELP)
    quoted = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["rows"] = 8


class PostEditForm(forms.Form):
    body = RichTextField(
        label="Your post",
        max_length=POST_MAX_LENGTH,
        error_messages={"required": "Please write something before saving."},
    )


class ReasonForm(forms.Form):
    """A moderator's reason; required for hiding, optional for the other verbs."""

    reason = forms.CharField(
        max_length=500,
        required=False,
        help_text="Kept in the audit log.",
    )


class MoveForm(forms.Form):
    forum = forms.ModelChoiceField(
        queryset=Forum.objects.none(),
        label="Move to forum",
        empty_label=None,
        error_messages={"invalid_choice": "Please choose a forum from the list."},
    )
    reason = forms.CharField(max_length=500, required=False, help_text="Kept in the audit log.")

    def __init__(self, *args, forums=None, **kwargs):
        super().__init__(*args, **kwargs)
        if forums is not None:
            self.fields["forum"].queryset = forums
            self.fields["forum"].label_from_instance = lambda forum: (
                f"{forum.parent.name} › {forum.name}" if forum.parent_id else forum.name
            )
