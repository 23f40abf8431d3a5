"""Forms validate shape; services.event_problems() decides the rules (and reports by field)."""

import re
from datetime import datetime
from functools import cache

from django import forms
from django.conf import settings

from hub.core.richtext import RichTextField
from hub.taxonomy.forms import CategoryChoiceField

from . import recurrence
from .models import EventFormat, EventStatus, MonthWeek, Repeat
from .services import EventData

SPEAKER_SEPARATORS = re.compile(r"\s+[—–-]\s+|,\s+")


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    names = sorted(
        name
        for name in recurrence._zone_names()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class EventForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences shown in lists.",
    )
    description = RichTextField(label="About the event", max_length=20_000)
    format = forms.ChoiceField(label="Kind of event", choices=EventFormat.choices)
    start_date = forms.DateField(label="Date", widget=DateInput, help_text="For example 2027-03-05")
    start_time = forms.TimeField(label="Starts at", widget=TimeInput, help_text="For example 12:30")
    end_date = forms.DateField(
        label="Ends on",
        widget=DateInput,
        required=False,
        help_text="Leave empty if it ends the same day.",
    )
    end_time = forms.TimeField(label="Ends at", widget=TimeInput, help_text="For example 13:30")
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="The time zone the times above are in. People see times in their own.",
        error_messages={
            "invalid_choice": "“%(value)s” is not a time zone we know. "
            "Choose one from the list, for example Europe/London."
        },
    )
    repeat = forms.ChoiceField(choices=Repeat.choices, label="Repeats", initial=Repeat.NEVER)
    month_week = forms.TypedChoiceField(
        label="Which week of the month (monthly events)",
        choices=[("", "The same week as the first session"), *MonthWeek.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    repeat_until = forms.DateField(
        label="Last date", widget=DateInput, required=False, help_text="The series ends on it."
    )
    repeat_count = forms.IntegerField(label="Or number of sessions", min_value=1, required=False)
    venue = forms.CharField(
        max_length=300, required=False, help_text="Building, street and town, if in person."
    )
    online_url = forms.URLField(
        label="Online joining link",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Only people registered see it.",
    )
    external_registration_url = forms.URLField(
        label="External registration link",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="For events run elsewhere: people register on that site instead of here.",
    )
    host_name = forms.CharField(label="Hosted by", max_length=150, required=False)
    capacity = forms.IntegerField(
        label="Places per session",
        min_value=1,
        required=False,
        help_text="Leave empty for no limit. When full, people join a waiting list.",
    )
    network = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Public: everyone can see it"
    )
    categories = CategoryChoiceField(required=False)
    tags = forms.CharField(
        required=False, max_length=400, help_text="Words separated by commas, e.g. falls, handover."
    )
    speakers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line: name, then a dash and their role. "
        "For example: Dr Ada Lovelace — Consultant, Riverside Hospital",
    )
    writeup = forms.CharField(
        label="Write-up",
        required=False,
        max_length=500,
        help_text="After the event: the address of a published library item about it.",
    )
    status = forms.ChoiceField(
        label="Publish",
        choices=[
            (EventStatus.PUBLISHED, "Publish now"),
            (EventStatus.DRAFT, "Save as a draft"),
        ],
        initial=EventStatus.PUBLISHED,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, networks=None, show_status: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        from hub.networks.models import Network

        self.fields["network"].queryset = (
            networks if networks is not None else Network.objects.none()
        )
        if not self.fields["network"].queryset.exists():
            del self.fields["network"]
        if not show_status:
            del self.fields["status"]
        self.fields["time_zone"].initial = settings.TIME_ZONE

    def clean_writeup(self):
        value = (self.cleaned_data.get("writeup") or "").strip()
        if not value:
            return None
        from hub.library.models import Item

        match = re.search(r"/library/item/([-\w]+)/?", value)
        slug = match.group(1) if match else value.strip("/")
        item = Item.objects.filter(slug=slug).first()
        if item is None:
            raise forms.ValidationError(
                "We could not find that library item. Paste the address of its page."
            )
        return item

    def clean_speakers(self):
        speakers = []
        for line in (self.cleaned_data.get("speakers") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            parts = SPEAKER_SEPARATORS.split(line, maxsplit=1)
            name = parts[0].strip()
            role = parts[1].strip() if len(parts) > 1 else ""
            if len(name) > 150:
                raise forms.ValidationError("A speaker's name can be at most 150 characters.")
            speakers.append((name, role))
        if len(speakers) > 30:
            raise forms.ValidationError("List at most 30 speakers.")
        return speakers

    def to_data(self, *, status: str | None = None) -> EventData:
        data = self.cleaned_data
        end_date = data.get("end_date") or data["start_date"]
        return EventData(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            format=data["format"],
            local_start=datetime.combine(data["start_date"], data["start_time"]),
            local_end=datetime.combine(end_date, data["end_time"]),
            time_zone=data["time_zone"],
            venue=data.get("venue", ""),
            online_url=data.get("online_url", ""),
            external_registration_url=data.get("external_registration_url", ""),
            host_name=data.get("host_name", ""),
            repeat=data["repeat"],
            month_week=data.get("month_week"),
            repeat_until=data.get("repeat_until"),
            repeat_count=data.get("repeat_count"),
            capacity=data.get("capacity"),
            network=data.get("network"),
            categories=list(data.get("categories") or []),
            tag_names=[t.strip() for t in (data.get("tags") or "").split(",") if t.strip()],
            speakers=data.get("speakers") or [],
            writeup=data.get("writeup"),
            status=status or data.get("status") or EventStatus.PUBLISHED,
        )

    # Service errors are keyed by rule; show them next to the field a person would change.
    FIELD_FOR = {"start": "start_time", "end": "end_time", "writeup": "writeup"}

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        for key, messages in errors.items():
            name = self.FIELD_FOR.get(key, key)
            if name not in self.fields:
                name = None
            for message in messages:
                self.add_error(name, message)


def initial_from(event) -> dict:
    tz = recurrence.zone(event.time_zone)
    start = event.start.astimezone(tz)
    end = event.end.astimezone(tz)
    return {
        "title": event.title,
        "summary": event.summary,
        "description": event.description,
        "format": event.format,
        "start_date": start.date(),
        "start_time": start.time().replace(second=0, microsecond=0),
        "end_date": end.date() if end.date() != start.date() else None,
        "end_time": end.time().replace(second=0, microsecond=0),
        "time_zone": event.time_zone,
        "repeat": event.repeat,
        "month_week": event.month_week,
        "repeat_until": event.repeat_until,
        "repeat_count": event.repeat_count,
        "venue": event.venue,
        "online_url": event.online_url,
        "external_registration_url": event.external_registration_url,
        "host_name": event.host_name,
        "capacity": event.capacity,
        "network": event.network_id,
        "categories": [c.pk for c in event.categories.all()],
        "tags": ", ".join(t.name for t in event.tags.all()),
        "speakers": "\n".join(
            f"{s.name} — {s.role}" if s.role else s.name for s in event.speakers.all()
        ),
        "writeup": event.writeup.get_absolute_url() if event.writeup_id else "",
        "status": event.status,
    }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone registered and everyone following the event is told.",
        error_messages={"required": "Please say why, so the people registered know."},
    )


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Show event times in",
        choices=lambda: [("", f"The hub's time zone ({settings.TIME_ZONE})"), *time_zone_choices()],
        required=False,
        error_messages={
            "invalid_choice": "“%(value)s” is not a time zone we know. Choose one from the list."
        },
    )
