"""When an event's sessions happen: recurrence worked out in the event's own time zone.

The rule is expanded on local wall-clock times (12:30 every Friday) and each session is only
then converted to UTC, so the UTC time moves at a daylight-saving change and the local time does
not. The same rule is written to iCalendar as RRULE (see calendars.py).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from dateutil import rrule
from django.db import models


class Repeat(models.TextChoices):
    NEVER = "never", "Does not repeat"
    WEEKLY = "weekly", "Every week"
    FORTNIGHTLY = "fortnightly", "Every two weeks"
    MONTHLY = "monthly", "Every month, on the same weekday (e.g. the second Tuesday)"


# A repeating event must end: at most this many sessions, and within this many days.
MAX_OCCURRENCES = 200
MAX_SPAN_DAYS = 2 * 366

WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def is_time_zone(name: str) -> bool:
    return name in _zone_names()


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name if is_time_zone(name) else "UTC")


def to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    return local.replace(tzinfo=tz).astimezone(UTC)


def exists_locally(local: datetime, tz: ZoneInfo) -> bool:
    """False for a wall-clock time skipped when the clocks go forward."""
    back = to_utc(local, tz).astimezone(tz).replace(tzinfo=None)
    return back == local


def week_of_month(day: date) -> int:
    return (day.day - 1) // 7 + 1


def is_last_week_of_month(day: date) -> bool:
    return (day + timedelta(days=7)).month != day.month


@dataclass(frozen=True)
class Rule:
    """The repetition of an event, independent of the model (forms validate with it too)."""

    repeat: str
    local_start: datetime  # naive, in the event's time zone
    tz: ZoneInfo
    month_week: int | None = None
    until: date | None = None
    count: int | None = None

    @classmethod
    def of(cls, event: Any) -> "Rule":
        tz = zone(event.time_zone)
        return cls(
            repeat=event.repeat,
            local_start=event.start.astimezone(tz).replace(tzinfo=None),
            tz=tz,
            month_week=event.month_week,
            until=event.repeat_until,
            count=event.repeat_count,
        )

    @property
    def recurring(self) -> bool:
        return self.repeat != Repeat.NEVER

    def dateutil_rule(self) -> rrule.rrule:
        until = datetime.combine(self.until, time.max) if self.until else None
        common = {"dtstart": self.local_start, "until": until, "count": self.count}
        if self.repeat == Repeat.MONTHLY:
            weekday = WEEKDAYS[self.local_start.weekday()]
            return rrule.rrule(rrule.MONTHLY, byweekday=weekday(self.month_week or 1), **common)
        interval = 2 if self.repeat == Repeat.FORTNIGHTLY else 1
        return rrule.rrule(rrule.WEEKLY, interval=interval, **common)

    def local_starts(self) -> list[datetime]:
        if not self.recurring:
            return [self.local_start]
        starts = []
        for local in self.dateutil_rule():
            starts.append(local)
            if len(starts) >= MAX_OCCURRENCES:
                break
        return starts

    def ical_rrule(self) -> dict[str, Any]:
        """The RRULE value for icalendar. UNTIL is in UTC, as RFC 5545 requires with a TZID."""
        value: dict[str, Any] = {}
        if self.repeat == Repeat.MONTHLY:
            code = WEEKDAY_CODES[self.local_start.weekday()]
            value["freq"] = "monthly"
            value["byday"] = f"{self.month_week or 1}{code}"
        else:
            value["freq"] = "weekly"
            if self.repeat == Repeat.FORTNIGHTLY:
                value["interval"] = 2
        if self.count:
            value["count"] = self.count
        elif self.until:
            value["until"] = to_utc(datetime.combine(self.until, time(23, 59, 59)), self.tz)
        return value

    def describe(self) -> str:
        """Plain English: "Every Friday", "Every other Tuesday", "Last Thursday of each month"."""
        day = WEEKDAY_NAMES[self.local_start.weekday()]
        if self.repeat == Repeat.WEEKLY:
            text = f"Every {day}"
        elif self.repeat == Repeat.FORTNIGHTLY:
            text = f"Every other {day}"
        elif self.repeat == Repeat.MONTHLY:
            text = f"The {ORDINALS.get(self.month_week or 1, 'first')} {day} of each month"
        else:
            return ""
        if self.count:
            return f"{text}, {self.count} sessions"
        if self.until:
            return f"{text}, until {self.until.day} {self.until:%B %Y}"
        return text

    def problems(self) -> dict[str, str]:
        """What is wrong with the rule, by form field, in words a person can act on."""
        if not self.recurring:
            return {}
        errors = {}
        if not self.until and not self.count:
            errors["repeat_until"] = (
                "A repeating event needs an end: give a last date or a number of sessions."
            )
        if self.until and self.count:
            errors["repeat_count"] = "Give either a last date or a number of sessions, not both."
        if self.count and self.count > MAX_OCCURRENCES:
            errors["repeat_count"] = f"At most {MAX_OCCURRENCES} sessions can be planned at once."
        if self.until:
            if self.until < self.local_start.date():
                errors["repeat_until"] = "The last date is before the first session."
            elif (self.until - self.local_start.date()).days > MAX_SPAN_DAYS:
                errors["repeat_until"] = (
                    "Events can be planned up to two years ahead. Choose an earlier last date "
                    "and extend the series later."
                )
        if self.repeat == Repeat.MONTHLY:
            first = self.local_start.date()
            week = self.month_week or 1
            matches = is_last_week_of_month(first) if week == -1 else week_of_month(first) == week
            if not matches:
                errors["month_week"] = (
                    f"The first session ({first.day} {first:%B}) is not the "
                    f"{ORDINALS.get(week, 'first')} {WEEKDAY_NAMES[first.weekday()]} of the "
                    "month. Change the date or the week."
                )
        return errors


@dataclass(frozen=True)
class Occurrence:
    event: Any
    start: datetime  # UTC
    end: datetime  # UTC
    cancelled: bool = False

    @property
    def key(self) -> str:
        """How a session is named in forms and links: its UTC start."""
        return occurrence_key(self.start)


def occurrence_key(start: datetime) -> str:
    return start.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def parse_occurrence_key(value: str) -> datetime | None:
    try:
        return datetime.strptime(value or "", "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def occurrence_starts(event: Any) -> list[datetime]:
    """Every session start (UTC) of the event, cancelled sessions included."""
    rule = Rule.of(event)
    if not rule.recurring:
        return [event.start]
    return [to_utc(local, rule.tz) for local in rule.local_starts()]


def occurrences(
    event: Any,
    *,
    cancelled: set[datetime] | None = None,
    after: datetime | None = None,
    before: datetime | None = None,
    include_cancelled: bool = True,
) -> list[Occurrence]:
    """The event's sessions ending after `after` and starting before `before`."""
    duration = event.end - event.start
    if cancelled is None:
        cancelled = {c.occurrence_start for c in event.cancellations.all()}
    result = []
    for start in occurrence_starts(event):
        end = start + duration
        if after is not None and end <= after:
            continue
        if before is not None and start >= before:
            break
        is_cancelled = start in cancelled
        if is_cancelled and not include_cancelled:
            continue
        result.append(Occurrence(event, start, end, is_cancelled))
    return result


def last_end(event: Any) -> datetime:
    return occurrence_starts(event)[-1] + (event.end - event.start)
