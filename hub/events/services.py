"""Every write to events: create, change, cancel; register, cancel a place, the waiting list;
reminders; a member's calendar settings. Each checks permission, keeps registrations
consistent under concurrency (the event row is locked while places are counted), records an
audit entry and tells the people concerned through hub.notifications."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hub.core.params import single_line
from hub.core.richtext import html_to_text, sanitize_html
from hub.core.services import audit_record
from hub.moderation import guard as pii_guard
from hub.search.services import index_on_commit

from . import permissions as perms
from . import recurrence
from .models import (
    CalendarPreference,
    CancelledOccurrence,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Repeat,
    Speaker,
    new_feed_token,
)

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
REMINDER_AHEAD = timedelta(hours=24)
DESCRIPTION_MAX = 20_000


@dataclass
class EventData:
    """What an organiser fills in. Times are local wall-clock times in `time_zone`."""

    title: str
    summary: str
    description: str
    format: str
    local_start: datetime
    local_end: datetime
    time_zone: str
    venue: str = ""
    online_url: str = ""
    external_registration_url: str = ""
    host_name: str = ""
    repeat: str = Repeat.NEVER
    month_week: int | None = None
    repeat_until: date | None = None
    repeat_count: int | None = None
    capacity: int | None = None
    network: Any = None
    categories: list = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)
    speakers: list[tuple[str, str]] = field(default_factory=list)
    writeup: Any = None
    status: str = EventStatus.PUBLISHED


EVENT_PII_LABELS = {
    "title": "Title",
    "summary": "Summary",
    "description": "Description",
    "venue": "Venue",
    "speakers": "Speakers' roles",
}


def event_pii(data: EventData, *, event: Event | None = None, false_alarms=()) -> Any:
    """The patient-data guard on an event's public text (title, summary, description, venue,
    speakers' roles; speakers' and hosts' own names are meant to be shown). Raises
    PersonalDataFound for findings not confirmed (now or on an earlier save) as false alarms."""
    fields = {
        "title": data.title,
        "summary": data.summary,
        "description": data.description,
        "venue": data.venue,
        "speakers": "\n".join(role for _name, role in data.speakers if role),
    }
    return pii_guard.require_clean(
        {name: value or "" for name, value in fields.items()},
        false_alarms=pii_guard.confirmed_for(event) | frozenset(false_alarms),
        labels=EVENT_PII_LABELS,
    )


def _require_clean_reason(reason: str) -> None:
    """A cancellation reason goes to everyone registered: no patient information in it."""
    guard = pii_guard.inspect({"reason": reason or ""}, labels={"reason": "The reason"})
    if guard.blocked:
        raise ValidationError({"reason": pii_guard.described(guard)}, code="pii")


def event_problems(data: EventData) -> dict[str, str]:
    """Every rule an event must meet, by form field."""
    errors: dict[str, str] = {}
    if not recurrence.is_time_zone(data.time_zone):
        errors["time_zone"] = (
            f"“{data.time_zone}” is not a time zone we know. Choose one from the list, "
            "for example Europe/London."
        )
        return errors
    tz = recurrence.zone(data.time_zone)
    if not recurrence.exists_locally(data.local_start, tz):
        errors["start"] = (
            "That start time does not exist in this time zone: the clocks go forward then."
        )
    if not recurrence.exists_locally(data.local_end, tz):
        errors["end"] = (
            "That end time does not exist in this time zone: the clocks go forward then."
        )
    start = recurrence.to_utc(data.local_start, tz)
    end = recurrence.to_utc(data.local_end, tz)
    if end <= start:
        errors["end"] = "The end must be after the start."
    elif end - start > timedelta(days=14):
        errors["end"] = "An event can last at most two weeks. Use a repeating event instead."
    if data.repeat != Repeat.NEVER and end - start > timedelta(days=1):
        errors["end"] = "A repeating event's sessions must each last less than a day."
    if not data.venue and not data.online_url:
        errors["venue"] = "Give a venue, an online joining link, or both."
    if data.status not in (EventStatus.DRAFT, EventStatus.PUBLISHED):
        errors["status"] = "Choose draft or published."
    if data.capacity is not None and data.capacity < 1:
        errors["capacity"] = "Give at least one place, or leave it empty for no limit."
    rule = recurrence.Rule(
        repeat=data.repeat,
        local_start=data.local_start,
        tz=tz,
        month_week=data.month_week,
        until=data.repeat_until,
        count=data.repeat_count,
    )
    errors.update(rule.problems())
    if len(html_to_text(data.description)) > DESCRIPTION_MAX:
        errors["description"] = f"Please shorten the description to {DESCRIPTION_MAX} characters."
    if data.writeup is not None:
        item = data.writeup
        network_id = getattr(data.network, "pk", None)
        if not item.is_published:
            errors["writeup"] = "The write-up must be a published library item."
        elif item.network_id and item.network_id != network_id:
            errors["writeup"] = "A network's resource can only be the write-up of its own events."
    return errors


def _unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "event"
    slug, n = base, 2
    taken = Event.objects.exclude(pk=exclude_pk) if exclude_pk else Event.objects.all()
    while taken.filter(slug=slug).exists() or slug.isdigit():
        slug, n = f"{base}-{n}", n + 1
    return slug


TRACKED = (
    "title",
    "summary",
    "format",
    "status",
    "venue",
    "online_url",
    "external_registration_url",
    "host_name",
    "start",
    "end",
    "time_zone",
    "repeat",
    "month_week",
    "repeat_until",
    "repeat_count",
    "capacity",
    "network_id",
    "writeup_id",
)


def _snapshot(event: Event) -> dict[str, Any]:
    return {name: _plain(getattr(event, name)) for name in TRACKED}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _apply(event: Event, data: EventData) -> None:
    tz = recurrence.zone(data.time_zone)
    event.title = single_line(data.title)
    event.summary = data.summary.strip()
    event.description = sanitize_html(data.description)
    event.format = data.format
    event.venue = single_line(data.venue)
    event.online_url = data.online_url.strip()
    event.external_registration_url = data.external_registration_url.strip()
    event.host_name = single_line(data.host_name)
    event.time_zone = data.time_zone
    event.start = recurrence.to_utc(data.local_start, tz)
    event.end = recurrence.to_utc(data.local_end, tz)
    event.repeat = data.repeat
    recurring = data.repeat != Repeat.NEVER
    event.month_week = (data.month_week or 1) if data.repeat == Repeat.MONTHLY else None
    event.repeat_until = data.repeat_until if recurring else None
    event.repeat_count = data.repeat_count if recurring else None
    event.capacity = data.capacity
    event.network = data.network
    event.writeup = data.writeup
    event.last_end = recurrence.last_end(event)


def _save_relations(event: Event, data: EventData) -> None:
    from hub.taxonomy.services import tags_from_names

    event.categories.set(data.categories)
    event.tags.set(tags_from_names(data.tag_names))
    event.speakers.all().delete()
    Speaker.objects.bulk_create(
        Speaker(event=event, name=name[:150], role=role[:200], position=i)
        for i, (name, role) in enumerate(data.speakers)
    )


@transaction.atomic
def event_create(*, actor: Any, data: EventData, pii_false_alarms: Any = ()) -> Event:
    network_id = getattr(data.network, "pk", None)
    if not perms.can_organise(actor, network_id):
        raise PermissionDenied(
            "Only the hub's editors, or a network's leaders and moderators, can add events."
        )
    problems = event_problems(data)
    if problems:
        raise ValidationError(problems)
    guard = event_pii(data, false_alarms=pii_false_alarms)
    event = Event(organiser=actor, status=data.status)
    _apply(event, data)
    event.slug = _unique_slug(event.title)
    event.save()
    _save_relations(event, data)
    audit_record(action="events:event:create", actor=actor, target=event, new=_snapshot(event))
    pii_guard.record_confirmed(actor=actor, target=event, guard=guard)
    index_on_commit(event)
    _follow_quietly(user=actor, event=event)
    return event


def _follow_quietly(*, user: Any, event: Event) -> None:
    from hub.engagement.models import Follow
    from hub.engagement.queries import content_type_for

    Follow.objects.get_or_create(
        content_type=content_type_for(event), object_id=event.pk, user=user
    )


@transaction.atomic
def event_update(*, actor: Any, event: Event, data: EventData, pii_false_alarms: Any = ()) -> Event:
    """Change an event. Registrations follow their session when the time moves; people
    registered and followers hear of a change of time or place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not perms.can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can change it.")
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event is cancelled and can no longer be changed.")
    new_network_id = getattr(data.network, "pk", None)
    if new_network_id != event.network_id and not perms.can_organise(actor, new_network_id):
        raise PermissionDenied("You cannot move this event to that network.")
    problems = event_problems(data)
    if problems:
        raise ValidationError(problems)
    guard = event_pii(data, event=event, false_alarms=pii_false_alarms)
    old = _snapshot(event)
    old_starts = recurrence.occurrence_starts(event)
    old_local = event.start.astimezone(recurrence.zone(event.time_zone)).replace(tzinfo=None)
    old_capacity = event.capacity
    was_draft = event.status == EventStatus.DRAFT
    _apply(event, data)
    event.status = data.status if was_draft else event.status
    moved = (old["start"], old["end"], old["time_zone"], old["repeat"]) != (
        _plain(event.start),
        _plain(event.end),
        event.time_zone,
        event.repeat,
    ) or (old["month_week"], old["repeat_until"], old["repeat_count"]) != (
        event.month_week,
        _plain(event.repeat_until),
        event.repeat_count,
    )
    place_changed = (old["venue"], old["online_url"]) != (event.venue, event.online_url)
    if moved or place_changed:
        event.sequence += 1
    event.save()
    _save_relations(event, data)
    if moved:
        _move_registrations(event, old_starts, old_local)
    if old_capacity != event.capacity:
        for start in _active_starts(event):
            _promote_waiting(event, start, actor=actor)
    new = _snapshot(event)
    audit_record(
        action="events:event:update",
        actor=actor,
        target=event,
        old={k: v for k, v in old.items() if new[k] != v},
        new={k: v for k, v in new.items() if old[k] != v},
    )
    index_on_commit(event)
    pii_guard.record_confirmed(actor=actor, target=event, guard=guard)
    if (moved or place_changed) and not was_draft:
        what = "time" if moved else "place"
        if moved and place_changed:
            what = "time and place"
        _tell_concerned(
            event,
            actor=actor,
            title=f"Change of {what}: “{event.title}”",
            body=_change_body(event, moved=moved, place_changed=place_changed),
        )
    return event


def _active_starts(event: Event) -> set[datetime]:
    return set(
        Registration.objects.filter(event=event, status__in=ACTIVE).values_list(
            "occurrence_start", flat=True
        )
    )


def _move_registrations(event: Event, old_starts: list[datetime], old_local: datetime) -> None:
    """Registrations belong to a session: when the series moves, the n-th session's places move
    with it; places at sessions that no longer exist are cancelled (their owners are told)."""
    new_starts = recurrence.occurrence_starts(event)
    mapping = dict(zip(old_starts, new_starts, strict=False))
    later = bool(new_starts) and bool(old_starts) and new_starts[0] > old_starts[0]
    # Move the far end first so a person's places never collide on the way.
    order = "-occurrence_start" if later else "occurrence_start"
    registrations = list(Registration.objects.filter(event=event).order_by(order))
    now = timezone.now()
    for registration in registrations:
        target = mapping.get(registration.occurrence_start)
        if registration.occurrence_start < now:
            continue
        if target is None:
            registration.status = RegistrationStatus.CANCELLED
            registration.save(update_fields=["status"])
            continue
        if target != registration.occurrence_start:
            registration.occurrence_start = target
            registration.reminded_at = None
            registration.save(update_fields=["occurrence_start", "reminded_at"])
    moved_cancellations = CancelledOccurrence.objects.filter(event=event)
    for cancellation in moved_cancellations:
        target = mapping.get(cancellation.occurrence_start)
        if target is None:
            cancellation.delete()
        elif target != cancellation.occurrence_start:
            cancellation.occurrence_start = target
            cancellation.save(update_fields=["occurrence_start"])


def _when(event: Event, start: datetime | None = None) -> str:
    tz = recurrence.zone(event.time_zone)
    local = (start or event.start).astimezone(tz)
    end = ((start or event.start) + (event.end - event.start)).astimezone(tz)
    day = f"{local:%A} {local.day} {local:%B %Y}"
    return f"{day}, {local:%H:%M}–{end:%H:%M} ({event.time_zone})"


def _where_text(event: Event) -> str:
    if event.venue and event.online_url:
        return f"{event.venue}, and online"
    return event.venue or "Online"


def _change_body(event: Event, *, moved: bool, place_changed: bool) -> str:
    lines = []
    if moved:
        rule = recurrence.Rule.of(event)
        lines.append(f"Now: {_when(event)}")
        if rule.recurring:
            lines.append(rule.describe())
    if place_changed:
        lines.append(f"Where: {_where_text(event)}")
    lines.append("Your registration, if you have one, moves with the session.")
    return "\n".join(lines)


def _concerned(event: Event, *, starts: set[datetime] | None = None) -> list[Any]:
    """Registered people (for the given sessions, or any upcoming one) and followers who may
    still see the event."""
    from hub.engagement.queries import followers_of

    registrations = Registration.objects.filter(event=event, status__in=ACTIVE)
    if starts is not None:
        registrations = registrations.filter(occurrence_start__in=starts)
    else:
        registrations = registrations.filter(occurrence_start__gte=timezone.now())
    ids = set(registrations.values_list("user_id", flat=True)) | followers_of(targets=[event])
    people = get_user_model().objects.filter(pk__in=ids, is_active=True)
    return [person for person in people if perms.can_view_event(person, event)]


def _tell_concerned(
    event: Event,
    *,
    actor: Any,
    title: str,
    body: str,
    starts: set[datetime] | None = None,
) -> None:
    from hub.notifications.services import notify

    recipients = _concerned(event, starts=starts)
    if recipients:
        notify(
            recipients=recipients,
            kind="events:change",
            title=title,
            body=body,
            url=event.get_absolute_url(),
            actor=actor,
            target=event,
        )


@transaction.atomic
def event_cancel(*, actor: Any, event: Event, reason: str) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not perms.can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can cancel it.")
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event is already cancelled.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Please say why, so the people registered know."})
    _require_clean_reason(reason)
    was_draft = event.status == EventStatus.DRAFT
    recipients = [] if was_draft else _concerned(event)
    event.status = EventStatus.CANCELLED
    event.cancelled_reason = reason[:2000]
    event.sequence += 1
    event.save(update_fields=["status", "cancelled_reason", "sequence", "updated"])
    audit_record(
        action="events:event:cancel",
        actor=actor,
        target=event,
        reason=reason,
        old={"status": EventStatus.DRAFT if was_draft else EventStatus.PUBLISHED},
        new={"status": EventStatus.CANCELLED},
    )
    index_on_commit(event)
    if recipients:
        from hub.notifications.services import notify

        notify(
            recipients=recipients,
            kind="events:change",
            title=f"Cancelled: “{event.title}”",
            body=f"{_when(event)}\n\nThe organisers said: {event.cancelled_reason}",
            url=event.get_absolute_url(),
            actor=actor,
            target=event,
        )
    return event


def _require_occurrence(event: Event, start: datetime | None, *, now: datetime) -> datetime:
    if start is None or start not in recurrence.occurrence_starts(event):
        raise ValidationError("That session is not part of this event.")
    if start + (event.end - event.start) <= now:
        raise ValidationError("That session has already taken place.")
    return start


@transaction.atomic
def occurrence_cancel(
    *, actor: Any, event: Event, start: datetime | None, reason: str = ""
) -> CancelledOccurrence:
    """Cancel one session of a repeating event (it becomes an EXDATE in calendars)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not perms.can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can cancel a session.")
    if not event.is_recurring:
        raise ValidationError("This event has one session: cancel the event instead.")
    start = _require_occurrence(event, start, now=timezone.now())
    _require_clean_reason(reason)
    cancellation, created = CancelledOccurrence.objects.get_or_create(
        event=event, occurrence_start=start, defaults={"reason": (reason or "")[:300]}
    )
    if not created:
        raise ValidationError("That session is already cancelled.")
    recipients = _concerned(event, starts={start})
    Registration.objects.filter(event=event, occurrence_start=start, status__in=ACTIVE).update(
        status=RegistrationStatus.CANCELLED
    )
    event.sequence += 1
    event.save(update_fields=["sequence", "updated"])
    audit_record(
        action="events:occurrence:cancel",
        actor=actor,
        target=event,
        reason=reason,
        new={"occurrence_start": start.isoformat()},
    )
    if recipients and event.status == EventStatus.PUBLISHED:
        from hub.notifications.services import notify

        body = _when(event, start)
        if reason:
            body += f"\n\nThe organisers said: {reason}"
        notify(
            recipients=recipients,
            kind="events:change",
            title=f"Session cancelled: “{event.title}”",
            body=body,
            url=event.get_absolute_url(),
            actor=actor,
            target=event,
        )
    return cancellation


# Registration ------------------------------------------------------------------------------


@transaction.atomic
def registration_create(
    *, actor: Any, event: Event, start: datetime | None, now: datetime | None = None
) -> Registration:
    """Take a place at one session, or a place on its waiting list when it is full."""
    now = now or timezone.now()
    # The lock makes the count and the insert one step: two people cannot take the last place.
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not perms.signed_in(actor):
        raise PermissionDenied("Sign in to register.")
    if not perms.can_view_event(actor, event):
        raise PermissionDenied("You cannot register for this event.")
    if event.is_external:
        raise ValidationError("This event takes registrations on its own website.")
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError("This event is not taking registrations.")
    start = _require_occurrence(event, start, now=now)
    if CancelledOccurrence.objects.filter(event=event, occurrence_start=start).exists():
        raise ValidationError("That session is cancelled.")
    registration = Registration.objects.filter(event=event, occurrence_start=start, user=actor)
    registration = registration.first()
    if registration is not None and registration.status in ACTIVE:
        if registration.status == RegistrationStatus.WAITING:
            raise ValidationError("You are already on the waiting list for this session.")
        raise ValidationError("You are already registered for this session.")
    confirmed = Registration.objects.filter(
        event=event, occurrence_start=start, status=RegistrationStatus.CONFIRMED
    ).count()
    full = event.capacity is not None and confirmed >= event.capacity
    status = RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED
    if registration is None:
        registration = Registration.objects.create(
            event=event, occurrence_start=start, user=actor, status=status, registered_at=now
        )
    else:
        registration.status = status
        registration.registered_at = now
        registration.reminded_at = None
        registration.save(update_fields=["status", "registered_at", "reminded_at"])
    audit_record(
        action="events:registration:create",
        actor=actor,
        target=event,
        new={"occurrence_start": start.isoformat(), "status": status},
    )
    _follow_quietly(user=actor, event=event)
    return registration


@transaction.atomic
def registration_cancel(
    *, actor: Any, event: Event, start: datetime | None, now: datetime | None = None
) -> Registration:
    """Give up a place (or leave the waiting list); the first person waiting gets the place."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(
        event=event, occurrence_start=start, user_id=getattr(actor, "pk", None), status__in=ACTIVE
    ).first()
    if registration is None:
        raise ValidationError("You are not registered for that session.")
    was = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    audit_record(
        action="events:registration:cancel",
        actor=actor,
        target=event,
        old={"status": was},
        new={"occurrence_start": start.isoformat(), "status": RegistrationStatus.CANCELLED},
    )
    if was == RegistrationStatus.CONFIRMED and start + (event.end - event.start) > now:
        _promote_waiting(event, start, actor=actor)
    return registration


def _promote_waiting(event: Event, start: datetime, *, actor: Any) -> list[Registration]:
    """Fill free places from the waiting list, first come first served (event row locked)."""
    if event.status != EventStatus.PUBLISHED:
        return []
    confirmed = Registration.objects.filter(
        event=event, occurrence_start=start, status=RegistrationStatus.CONFIRMED
    ).count()
    free = None if event.capacity is None else event.capacity - confirmed
    waiting = Registration.objects.filter(
        event=event, occurrence_start=start, status=RegistrationStatus.WAITING
    ).order_by("registered_at", "id")
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.select_related("user"))
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=RegistrationStatus.CONFIRMED
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        audit_record(
            action="events:registration:promote",
            target=event,
            new={"user": registration.user_id, "occurrence_start": start.isoformat()},
        )
    from hub.notifications.services import notify

    notify(
        recipients=[r.user for r in promoted if perms.can_view_event(r.user, event)],
        kind="events:registration",
        title=f"You have a place: “{event.title}”",
        body=f"A place came free and it is yours.\n\n{_when(event, start)}\n"
        f"Where: {_where_text(event)}\n\nIf you cannot come, please cancel so someone else can.",
        url=event.get_absolute_url(),
        actor=actor,
        target=event,
    )
    return promoted


# Reminders ---------------------------------------------------------------------------------


def reminders_send(*, now: datetime | None = None, limit: int = 500) -> int:
    """Remind each confirmed attendee once, 24 hours before their session.

    Each registration is claimed with a conditional update (reminded_at was empty) in the same
    transaction as its notification, so two workers, or a re-run after a crash, never send a
    reminder twice and never lose one. Returns how many were sent.
    """
    now = now or timezone.now()
    due = list(
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            reminded_at__isnull=True,
            occurrence_start__gt=now,
            occurrence_start__lte=now + REMINDER_AHEAD,
            event__status=EventStatus.PUBLISHED,
        )
        .values_list("pk", flat=True)
        .order_by("occurrence_start", "pk")[:limit]
    )
    sent = 0
    for pk in due:
        sent += _remind(pk, now=now)
    return sent


@transaction.atomic
def _remind(registration_id: int, *, now: datetime) -> int:
    from hub.notifications.services import notify

    claimed = Registration.objects.filter(
        pk=registration_id, reminded_at__isnull=True, status=RegistrationStatus.CONFIRMED
    ).update(reminded_at=now)
    if not claimed:
        return 0
    registration = Registration.objects.select_related("event", "user").get(pk=registration_id)
    event, user = registration.event, registration.user
    if CancelledOccurrence.objects.filter(
        event=event, occurrence_start=registration.occurrence_start
    ).exists() or not perms.can_view_event(user, event):
        return 0
    lines = [_when(event, registration.occurrence_start), f"Where: {_where_text(event)}"]
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    lines.append("If you cannot come, please cancel your place so someone else can have it.")
    notify(
        recipients=[user],
        kind="events:reminder",
        title=f"Tomorrow: “{event.title}”",
        body="\n".join(lines),
        url=event.get_absolute_url(),
        target=event,
    )
    return 1


# A member's calendar settings --------------------------------------------------------------


def _preference(user: Any) -> CalendarPreference:
    preference, _ = CalendarPreference.objects.get_or_create(user=user)
    return preference


@transaction.atomic
def calendar_preference_set(*, actor: Any, time_zone: str) -> CalendarPreference:
    if not perms.signed_in(actor):
        raise PermissionDenied("Sign in to choose your time zone.")
    time_zone = (time_zone or "").strip()
    if time_zone and not recurrence.is_time_zone(time_zone):
        raise ValidationError(
            {"time_zone": f"“{time_zone}” is not a time zone we know. Choose one from the list."}
        )
    preference = _preference(actor)
    old = preference.time_zone
    preference.time_zone = time_zone
    preference.save(update_fields=["time_zone"])
    actor._event_time_zone = time_zone
    audit_record(
        action="events:preference:time_zone",
        actor=actor,
        target=preference,
        old={"time_zone": old},
        new={"time_zone": time_zone},
    )
    return preference


@transaction.atomic
def feed_token_ensure(*, actor: Any) -> CalendarPreference:
    if not perms.signed_in(actor):
        raise PermissionDenied("Sign in to get your private calendar links.")
    return _preference(actor)


@transaction.atomic
def feed_token_regenerate(*, actor: Any) -> CalendarPreference:
    """A new secret for the private calendar links; the old links stop working at once."""
    preference = feed_token_ensure(actor=actor)
    preference.feed_token = new_feed_token()
    preference.save(update_fields=["feed_token"])
    audit_record(action="events:preference:new_feed_token", actor=actor, target=preference)
    return preference
