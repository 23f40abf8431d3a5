"""Forms check the shape of what people type; the services decide the rules."""

from django import forms

from .models import MemberRole, Network, NetworkKind
from .services import ANSWER_MAX, REASON_MAX, criteria_question


class JoinRequestForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=ANSWER_MAX,
        help_text="The network's leaders read your answer before deciding.",
        error_messages={"required": "Please answer the question: leaders need it to decide."},
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].label = criteria_question(network)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason (the person is told)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        error_messages={"required": "Give a reason: the person will be told why."},
    )


class InviteForm(forms.Form):
    who = forms.CharField(
        label="Username or email address",
        max_length=254,
        help_text="A member’s username, or anyone’s email address: someone not on the hub yet is "
        "invited to join it first.",
        error_messages={"required": "Enter the username or email address of the person."},
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=MemberRole.choices)


class RemoveForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional, the person is told)",
        required=False,
        max_length=REASON_MAX,
    )


class NetworkForm(forms.Form):
    """A new network (site administrators and staff)."""

    name = forms.CharField(max_length=150)
    purpose = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the network is for, in a few sentences.",
    )
    kind = forms.ChoiceField(label="Who can join", choices=NetworkKind.choices)
    membership_criteria = forms.CharField(
        label="Who may join",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: “Patient Safety Partners working with an NHS organisation.”",
    )
    criteria_question = forms.CharField(
        label="Question for people who ask to join",
        required=False,
        max_length=300,
        help_text="By-request networks only. Leave empty for a general question.",
    )
    listed = forms.BooleanField(
        label="Show a private network's name and purpose in the networks list",
        required=False,
        initial=True,
    )
    parent = forms.ModelChoiceField(
        label="Part of",
        required=False,
        queryset=Network.objects.filter(parent__isnull=True).order_by("name"),
        empty_label="(a top-level network)",
        help_text="Make this a sub-network of another network.",
    )
