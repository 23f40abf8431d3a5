from django import forms

from hub.core.anonymity import ANONYMOUS_HELP, ANONYMOUS_LABEL
from hub.core.richtext import RichTextField

from .models import ReactionKind
from .services import COMMENT_MAX_LENGTH


class CommentForm(forms.Form):
    body = RichTextField(label="Your comment", max_length=COMMENT_MAX_LENGTH)
    anonymous = forms.BooleanField(label=ANONYMOUS_LABEL, required=False, help_text=ANONYMOUS_HELP)
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, allow_anonymous: bool = True, reply: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_anonymous:
            del self.fields["anonymous"]
        if reply:
            self.fields["body"].label = "Your reply"
            self.fields["body"].widget.attrs["rows"] = 5


class CommentEditForm(forms.Form):
    body = RichTextField(label="Your comment", max_length=COMMENT_MAX_LENGTH)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


class FollowForm(forms.Form):
    following = forms.TypedChoiceField(
        choices=[("1", "Follow"), ("0", "Stop following")], coerce=lambda v: v == "1"
    )
