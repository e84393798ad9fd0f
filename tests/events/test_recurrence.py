"""When a series happens: expansion in New York time across daylight-saving changes, skipped,
cancelled and moved dates, and the bounds on expansion."""

from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil import rrule
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import vRecur

from cms.events.models import EventOccurrence, EventPage
from cms.events.recurrence import (
    HORIZON,
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
from tests.events.factories import EventPageFactory, days_from_today, make_event, new_york

upcoming_occurrences = EventPage.upcoming_occurrences

pytestmark = pytest.mark.clock


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

    occurrences = event_indexes["growingup"].occurrences()

    assert [
        (to_local(o.start).date(), to_local(o.start).hour, o.cancelled) for o in occurrences
    ] == [
        (first, 11, False),
        (first + timedelta(days=2), 11, True),
        (first + timedelta(days=3), 14, False),
        (first + timedelta(days=4), 11, False),
    ]
    assert {o.event.title for o in occurrences} == {"Baby lapsit"}
    # Pages listing upcoming events show the series once, at its next date.
    [upcoming] = upcoming_occurrences(sites["growingup"], locales["en"])
    assert upcoming.start == new_york(first, 11)
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


@pytest.fixture
def worked_out(monkeypatch):
    """Every date dateutil works out while a test runs."""
    moments = []
    work_out = rrule.rrule._iter

    def counted(self):
        for moment in work_out(self):
            moments.append(moment)
            yield moment

    monkeypatch.setattr(rrule.rrule, "_iter", counted)
    return moments


def test_a_series_from_year_one_is_expanded_from_near_today(worked_out):
    schedule = Schedule(starts_at=new_york(date(1, 1, 1), 10), repeat="daily")

    occurrences = schedule.occurrences(limit=10)

    today = days_from_today(0)
    assert [to_local(o.start).date() for o in occurrences][:2] in (
        [today, today + timedelta(days=1)],
        [today + timedelta(days=1), today + timedelta(days=2)],
    )
    assert len(worked_out) < 50


@pytest.mark.parametrize(
    "fields",
    [
        {"repeat": "daily", "interval": 3},
        {"repeat": WEEKLY, "interval": 2, "weekdays": ["MO", "TH"]},
        {"repeat": MONTHLY, "interval": 5},
        {"repeat": MONTHLY, "monthly": SAME_WEEKDAY},
        {"repeat": MONTHLY, "monthly": LAST_WEEKDAY, "until": date(2090, 1, 1)},
    ],
)
def test_skipping_ahead_gives_the_dates_counting_from_the_first_would(fields):
    # 31 August 1990 was a Friday, the last of its month.
    weekdays = fields.pop("weekdays", ["FR"])
    schedule = Schedule(starts_at=new_york(date(1990, 8, 31), 18), weekdays=weekdays, **fields)
    first = schedule.local_start
    everything = rrule.rrulestr(
        vRecur(schedule.rule_parts()).to_ical().decode().replace("Z", ""), dtstart=first
    )
    now = timezone.now()
    expected = [
        moment
        for moment in everything.between(to_local(now), to_local(now + HORIZON), inc=True)
        if now < moment.replace(tzinfo=NEW_YORK) < now + HORIZON
    ][:MAX_OCCURRENCES]

    assert [to_local(o.start) for o in schedule.occurrences()] == expected


@pytest.mark.django_db
def test_a_page_stored_with_a_start_in_year_one_still_shows_its_next_dates(
    event_indexes, get, worked_out
):
    event = make_event(event_indexes["growingup"], slug="every-day", repeat="daily")
    EventPage.objects.filter(pk=event.pk).update(starts_at=new_york(date(1, 1, 1), 10))
    worked_out.clear()

    response = get("growingup", "/events/every-day/")

    assert response.status_code == 200
    assert len(worked_out) < 500


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1, 1899, 2201])
def test_editors_give_dates_between_1900_and_2200(event_indexes, year):
    event = EventPageFactory.build(starts_at=new_york(date(year, 6, 1), 10), ends_at=None)

    with pytest.raises(ValidationError) as error:
        event_indexes["growingup"].add_child(instance=event)

    assert "starts_at" in error.value.message_dict
