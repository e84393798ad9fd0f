"""When a series happens: expansion in New York time across daylight-saving changes, skipped,
cancelled and moved dates, and the bounds on expansion."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from cms.events.models import EventOccurrence
from cms.events.occurrences import upcoming_occurrences
from cms.events.recurrence import (
    LAST_WEEKDAY,
    MAX_OCCURRENCES,
    MONTHLY,
    NEW_YORK,
    SAME_WEEKDAY,
    WEEKLY,
    OccurrenceChange,
    Schedule,
    to_local,
)
from tests.events.factories import days_from_today, make_event, new_york


def wall_clock(occurrences):
    return [
        (to_local(o.start).date(), to_local(o.start).time().isoformat("minutes"))
        for o in occurrences
    ]


def window(first, last):
    return {"window_start": new_york(first, 0), "window_end": new_york(last, 23)}


@pytest.mark.parametrize(
    ("first_monday", "change_day", "utc_hours"),
    [
        # Clocks go forward on Sunday 8 March 2026: 10:00 is 15:00 UTC before, 14:00 after.
        (date(2026, 3, 2), date(2026, 3, 8), (15, 15, 14, 14)),
        # Clocks go back on Sunday 1 November 2026: 10:00 is 14:00 UTC before, 15:00 after.
        (date(2026, 10, 26), date(2026, 11, 1), (14, 14, 15, 15)),
    ],
)
def test_weekly_series_keeps_its_local_time_across_daylight_saving(
    first_monday, change_day, utc_hours
):
    schedule = Schedule(
        starts_at=new_york(first_monday, 10),
        ends_at=new_york(first_monday, 11, 30),
        repeat=WEEKLY,
        weekdays=["MO", "WE"],
    )

    occurrences = schedule.occurrences(**window(first_monday, first_monday + timedelta(days=9)))

    assert wall_clock(occurrences) == [
        (first_monday, "10:00"),
        (first_monday + timedelta(days=2), "10:00"),
        (first_monday + timedelta(days=7), "10:00"),
        (first_monday + timedelta(days=9), "10:00"),
    ]
    assert tuple(o.start.astimezone(UTC).hour for o in occurrences) == utc_hours
    # An hour and a half long on both sides of the change.
    assert {o.end - o.start for o in occurrences} == {timedelta(hours=1, minutes=30)}
    assert occurrences[1].start < new_york(change_day, 0) < occurrences[2].start


def test_daily_series_through_the_repeated_hour_in_november():
    schedule = Schedule(starts_at=new_york(date(2026, 10, 31), 1, 30), repeat="daily", count=3)

    occurrences = schedule.occurrences(**window(date(2026, 10, 30), date(2026, 11, 3)))

    assert wall_clock(occurrences) == [
        (date(2026, 10, 31), "01:30"),
        (date(2026, 11, 1), "01:30"),
        (date(2026, 11, 2), "01:30"),
    ]


def test_monthly_by_nth_weekday_and_by_last_weekday():
    second_tuesday = Schedule(
        starts_at=new_york(date(2026, 1, 13), 18), repeat=MONTHLY, monthly=SAME_WEEKDAY, count=3
    )
    last_friday = Schedule(
        starts_at=new_york(date(2026, 1, 30), 18), repeat=MONTHLY, monthly=LAST_WEEKDAY, count=3
    )
    span = window(date(2026, 1, 1), date(2026, 4, 30))

    assert [d for d, _t in wall_clock(second_tuesday.occurrences(**span))] == [
        date(2026, 1, 13),
        date(2026, 2, 10),
        date(2026, 3, 10),
    ]
    assert [d for d, _t in wall_clock(last_friday.occurrences(**span))] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
    ]
    assert second_tuesday.rule_parts()["BYDAY"] == ["+2TU"]
    assert last_friday.rule_parts()["BYDAY"] == ["-1FR"]


def test_until_date_is_inclusive_and_all_day_events_span_their_days():
    schedule = Schedule(
        starts_at=new_york(date(2026, 6, 5), 0),
        ends_at=new_york(date(2026, 6, 7), 0),
        all_day=True,
        repeat=WEEKLY,
        until=date(2026, 6, 12),
    )

    occurrences = schedule.occurrences(**window(date(2026, 6, 1), date(2026, 7, 1)))

    assert [(o.start, o.end) for o in occurrences] == [
        (new_york(date(2026, 6, 5), 0), new_york(date(2026, 6, 8), 0)),
        (new_york(date(2026, 6, 12), 0), new_york(date(2026, 6, 15), 0)),
    ]
    assert occurrences[0].is_multi_day and occurrences[0].last_day == date(2026, 6, 7)


def test_skipped_dates_drop_out_cancelled_dates_are_marked_and_moved_dates_move():
    start = date(2026, 9, 1)  # a Tuesday
    schedule = Schedule(
        starts_at=new_york(start, 16),
        ends_at=new_york(start, 17),
        repeat=WEEKLY,
        count=4,
        skipped_dates=[date(2026, 9, 8)],
        changes=[
            OccurrenceChange(date(2026, 9, 15), cancelled=True, note="Staff training"),
            OccurrenceChange(date(2026, 9, 22), starts_at=new_york(date(2026, 9, 24), 15)),
        ],
    )

    occurrences = schedule.occurrences(**window(start, date(2026, 10, 31)))

    assert [(to_local(o.start), o.cancelled, o.note) for o in occurrences] == [
        (datetime(2026, 9, 1, 16), False, ""),
        (datetime(2026, 9, 15, 16), True, "Staff training"),
        (datetime(2026, 9, 24, 15), False, ""),
    ]
    assert occurrences[2].end - occurrences[2].start == timedelta(hours=1)
    assert occurrences[2].moved


def test_endless_series_are_bounded_to_two_years_and_500_dates():
    now = timezone.now()
    weekly = Schedule(starts_at=now + timedelta(hours=1), repeat=WEEKLY)
    daily = Schedule(starts_at=now + timedelta(hours=1), repeat="daily")

    weekly_dates = weekly.occurrences()
    daily_dates = daily.occurrences()

    assert 104 <= len(weekly_dates) <= 105
    assert weekly_dates[-1].start < now + timedelta(days=731)
    assert len(daily_dates) == MAX_OCCURRENCES


@pytest.mark.django_db
def test_listing_dates_follow_the_series_with_its_exceptions(sites, event_indexes, locales):
    first = days_from_today(1)
    make_event(
        event_indexes["growingup"],
        title="Baby lapsit",
        starts_at=new_york(first, 11),
        ends_at=new_york(first, 11, 45),
        repeat="daily",
        repeat_count=5,
        skipped=[first + timedelta(days=1)],
        changes=[
            {"original_date": first + timedelta(days=2), "cancelled": True},
            {
                "original_date": first + timedelta(days=3),
                "starts_at": new_york(first + timedelta(days=3), 14),
            },
        ],
    )

    occurrences = upcoming_occurrences(sites["growingup"], locales["en"])

    assert [
        (to_local(o.start).date(), to_local(o.start).hour, o.cancelled) for o in occurrences
    ] == [
        (first, 11, False),
        (first + timedelta(days=2), 11, True),
        (first + timedelta(days=3), 14, False),
        (first + timedelta(days=4), 11, False),
    ]
    assert {o.event.title for o in occurrences} == {"Baby lapsit"}
    assert upcoming_occurrences(sites["generation"], locales["en"]) == []


@pytest.mark.django_db
def test_editing_the_dates_bumps_the_calendar_sequence_but_editing_text_does_not(event_indexes):
    event = make_event(event_indexes["growingup"], title="Toddler dance")
    assert event.sequence == 0 and event.uid == str(event.translation_key)

    event.summary = "Dance and move with your toddler."
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 0

    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 1
    assert event.starts_at.astimezone(NEW_YORK).hour == 11


@pytest.mark.django_db
def test_saving_an_event_touches_only_the_dates_that_changed(event_indexes):
    """A publish that keeps the schedule rewrites no stored date, so nothing that shows the
    dates is rebuilt; a changed schedule replaces only what it changed."""
    first = days_from_today(1)
    event = make_event(
        event_indexes["growingup"],
        title="Story time",
        starts_at=new_york(first, 10),
        ends_at=new_york(first, 11),
        repeat="daily",
        repeat_count=5,
    )
    stored = dict(EventOccurrence.objects.filter(event=event).values_list("pk", "start"))
    assert len(stored) == 5

    event.summary = "Songs and picture books."
    event.save_revision().publish()
    assert dict(EventOccurrence.objects.filter(event=event).values_list("pk", "start")) == stored

    event.repeat_count = 6
    event.save_revision().publish()
    after = dict(EventOccurrence.objects.filter(event=event).values_list("pk", "start"))
    assert len(after) == 6
    assert stored.items() <= after.items()
