"""Recurrence in the event's own time zone: the wall-clock time holds across daylight saving."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from hub.events import recurrence, services
from hub.events.models import Repeat

from .helpers import event_data, make_event

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_a_weekly_drop_in_stays_at_half_past_twelve_london_time_across_both_clock_changes(
    organiser,
):
    event = make_event(
        organiser,
        local_start=datetime(2030, 3, 15, 12, 30),
        local_end=datetime(2030, 3, 15, 13, 30),
        repeat=Repeat.WEEKLY,
        repeat_until=date(2030, 11, 8),
    )
    starts = recurrence.occurrence_starts(event)
    local = [s.astimezone(LONDON) for s in starts]
    assert all((t.hour, t.minute, t.weekday()) == (12, 30, 4) for t in local)
    # Before the March change 12:30 London is 12:30 UTC; after it, 11:30 UTC; after October, 12:30.
    by_day = {s.astimezone(LONDON).date(): s for s in starts}
    assert by_day[date(2030, 3, 29)].hour == 12
    assert by_day[date(2030, 4, 5)].hour == 11
    assert by_day[date(2030, 10, 25)].hour == 11
    assert by_day[date(2030, 11, 1)].hour == 12
    assert local[-1].date() == date(2030, 11, 8)
    assert event.last_end == by_day[date(2030, 11, 8)] + (event.end - event.start)


def test_fortnightly_sessions_skip_a_week_and_a_count_ends_the_series(organiser):
    event = make_event(organiser, repeat=Repeat.FORTNIGHTLY, repeat_count=4)
    days = [s.astimezone(LONDON).date() for s in recurrence.occurrence_starts(event)]
    assert days == [date(2030, 1, 4), date(2030, 1, 18), date(2030, 2, 1), date(2030, 2, 15)]


def test_monthly_on_the_last_friday_follows_months_of_four_and_five_fridays(organiser):
    event = make_event(
        organiser,
        local_start=datetime(2030, 1, 25, 9, 0),
        local_end=datetime(2030, 1, 25, 10, 0),
        repeat=Repeat.MONTHLY,
        month_week=-1,
        repeat_count=4,
    )
    days = [s.astimezone(LONDON).date() for s in recurrence.occurrence_starts(event)]
    assert days == [date(2030, 1, 25), date(2030, 2, 22), date(2030, 3, 29), date(2030, 4, 26)]
    assert event.repeat_text == "The last Friday of each month, 4 sessions"


def test_monthly_on_the_second_tuesday(organiser):
    event = make_event(
        organiser,
        local_start=datetime(2030, 1, 8, 18, 0),
        local_end=datetime(2030, 1, 8, 19, 0),
        repeat=Repeat.MONTHLY,
        month_week=2,
        repeat_until=date(2030, 3, 31),
    )
    days = [s.astimezone(LONDON).date() for s in recurrence.occurrence_starts(event)]
    assert days == [date(2030, 1, 8), date(2030, 2, 12), date(2030, 3, 12)]


def test_a_first_session_that_is_not_the_chosen_week_of_the_month_is_refused(organiser):
    with pytest.raises(ValidationError) as error:
        make_event(
            organiser,
            local_start=datetime(2030, 1, 8, 18, 0),
            local_end=datetime(2030, 1, 8, 19, 0),
            repeat=Repeat.MONTHLY,
            month_week=-1,
            repeat_count=3,
        )
    assert "is not the last Tuesday" in error.value.message_dict["month_week"][0]


def test_a_recurrence_that_never_ends_is_refused_with_a_clear_message(organiser):
    with pytest.raises(ValidationError) as error:
        make_event(organiser, repeat=Repeat.WEEKLY)
    assert error.value.message_dict["repeat_until"] == [
        "A repeating event needs an end: give a last date or a number of sessions."
    ]


def test_a_series_too_long_is_refused_and_nothing_is_saved(organiser):
    from hub.events.models import Event

    with pytest.raises(ValidationError) as error:
        make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=500)
    assert "At most 200 sessions" in error.value.message_dict["repeat_count"][0]
    with pytest.raises(ValidationError) as error:
        make_event(organiser, repeat=Repeat.WEEKLY, repeat_until=date(2035, 1, 1))
    assert "two years" in error.value.message_dict["repeat_until"][0]
    assert not Event.objects.exists()


def test_an_end_before_the_start_and_an_unknown_time_zone_are_refused(organiser):
    with pytest.raises(ValidationError) as error:
        make_event(organiser, local_end=datetime(2030, 1, 4, 11, 0))
    assert error.value.message_dict["end"] == ["The end must be after the start."]
    with pytest.raises(ValidationError) as error:
        make_event(organiser, time_zone="Europe/Atlantis")
    assert "is not a time zone we know" in error.value.message_dict["time_zone"][0]


def test_a_time_skipped_when_the_clocks_go_forward_is_refused(organiser):
    with pytest.raises(ValidationError) as error:
        make_event(
            organiser,
            local_start=datetime(2030, 3, 31, 1, 30),
            local_end=datetime(2030, 3, 31, 3, 0),
        )
    assert "clocks go forward" in error.value.message_dict["start"][0]


def test_times_are_stored_in_utc_with_the_zone_name(organiser):
    event = make_event(
        organiser,
        time_zone="America/New_York",
        local_start=datetime(2030, 7, 1, 9, 0),
        local_end=datetime(2030, 7, 1, 10, 0),
    )
    assert event.start == datetime(2030, 7, 1, 13, 0, tzinfo=UTC)
    assert event.time_zone == "America/New_York"


def test_cancelled_sessions_are_marked_and_still_counted_by_the_rule(organiser):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=3)
    second = recurrence.occurrence_starts(event)[1]
    services.occurrence_cancel(actor=organiser, event=event, start=second, reason="Bank holiday")
    event.refresh_from_db()
    occurrences = recurrence.occurrences(event)
    assert [o.cancelled for o in occurrences] == [False, True, False]
    assert len(recurrence.occurrences(event, include_cancelled=False)) == 2


def test_moving_a_series_moves_its_registrations_and_cancellations(organiser, member):
    event = make_event(organiser, repeat=Repeat.WEEKLY, repeat_count=3)
    starts = recurrence.occurrence_starts(event)
    services.registration_create(actor=member, event=event, start=starts[2])
    services.occurrence_cancel(actor=organiser, event=event, start=starts[1])
    services.event_update(
        actor=organiser,
        event=event,
        data=event_data(
            local_start=datetime(2030, 1, 4, 14, 0),
            local_end=datetime(2030, 1, 4, 15, 0),
            repeat=Repeat.WEEKLY,
            repeat_count=3,
        ),
    )
    event.refresh_from_db()
    new_starts = recurrence.occurrence_starts(event)
    registration = event.registrations.get()
    assert registration.occurrence_start == new_starts[2]
    assert registration.occurrence_start.astimezone(LONDON).hour == 14
    assert event.cancellations.get().occurrence_start == new_starts[1]
    assert event.sequence == 2
