"""An .ics for every event: RFC 5545 parts present, parsed back equal to the source."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from icalendar import Calendar

from cms.events.ics import event_calendar
from cms.events.recurrence import NEW_YORK
from tests.events.factories import days_from_today, make_event, new_york

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def first_saturday():
    day = days_from_today(2)
    return day + timedelta(days=(5 - day.weekday()) % 7)


@pytest.fixture
def series(event_indexes):
    first = first_saturday()
    return make_event(
        event_indexes["growingup"],
        title="Family swim",
        slug="family-swim",
        starts_at=new_york(first, 9),
        ends_at=new_york(first, 10),
        repeat="weekly",
        repeat_weekdays="SA",
        repeat_until=first + timedelta(days=60),
        skipped=[first + timedelta(days=7)],
        changes=[
            {"original_date": first + timedelta(days=14), "cancelled": True, "note": "Pool closed"},
            {
                "original_date": first + timedelta(days=21),
                "starts_at": new_york(first + timedelta(days=22), 13),
            },
        ],
        extra=[new_york(first + timedelta(days=3), 9)],
    )


def test_event_calendar_file_has_the_series_with_its_exceptions(series, get):
    response = get("growingup", "/events/family-swim/event.ics")
    first = first_saturday()

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    master, cancelled, moved = calendar.walk("VEVENT")
    assert {str(component["UID"]) for component in (master, cancelled, moved)} == {series.uid}
    assert master["SUMMARY"] == "Family swim"
    assert master["DTSTART"].params["TZID"] == "America/New_York"
    assert master.start == series.starts_at and master.end == series.ends_at
    assert master["RRULE"]["FREQ"] == ["WEEKLY"] and master["RRULE"]["BYDAY"] == ["SA"]
    assert master["EXDATE"].dts[0].dt == new_york(first + timedelta(days=7), 9)
    assert master["RDATE"].dts[0].dt == new_york(first + timedelta(days=3), 9)
    assert "DTSTAMP" in master and master["SEQUENCE"] == 0
    assert cancelled["RECURRENCE-ID"].dt == new_york(first + timedelta(days=14), 9)
    assert cancelled["STATUS"] == "CANCELLED"
    assert moved["RECURRENCE-ID"].dt == new_york(first + timedelta(days=21), 9)
    assert moved.start == new_york(first + timedelta(days=22), 13)
    assert moved.end == new_york(first + timedelta(days=22), 14)
    assert moved["STATUS"] == "CONFIRMED"


def test_exported_calendar_parsed_back_equals_the_source(series, event_indexes):
    all_day = make_event(
        event_indexes["growingup"],
        title="Summer street fair",
        starts_at=new_york(days_from_today(30), 0),
        ends_at=new_york(days_from_today(32), 0),
        all_day=True,
        is_virtual=True,
        online_url="https://example.org/live",
    )
    source = event_calendar([series, all_day], "Growing Up NYC events")

    parsed = Calendar.from_ical(source.to_ical())

    assert parsed == source
    assert parsed.to_ical() == source.to_ical()
    fair = parsed.walk("VEVENT")[-1]
    assert fair.start == days_from_today(30)
    assert fair.end == days_from_today(33)  # DTEND of an all-day event is the day after


def test_calendar_id_is_stable_and_sequence_follows_date_changes(series, get):
    first = Calendar.from_ical(get("growingup", "/events/family-swim/event.ics").content)

    series.starts_at = series.starts_at.astimezone(NEW_YORK) + timedelta(hours=2)
    series.ends_at = series.ends_at + timedelta(hours=2)
    series.save_revision().publish()
    second = Calendar.from_ical(get("growingup", "/events/family-swim/event.ics").content)

    assert first.walk("VEVENT")[0]["UID"] == second.walk("VEVENT")[0]["UID"]
    assert [e["SEQUENCE"] for e in second.walk("VEVENT")] == [1, 1, 1]
    assert second.walk("VEVENT")[0]["DTSTAMP"].dt >= first.walk("VEVENT")[0]["DTSTAMP"].dt


def test_control_characters_are_left_out_of_calendar_files(event_indexes, get):
    # PostgreSQL refuses a NUL in text (and the importer and Django's forms remove it first).
    nul = "\x00" if connection.vendor == "sqlite" else "\x01"
    make_event(
        event_indexes["growingup"],
        title=f"Story{nul} time",
        slug="story-time",
        summary="Songs\x07 and rhymes",
        description="<p>Bring\x1b a blanket</p>",
        venue_name=f"Central{nul} Library",
    )

    content = get("growingup", "/events/story-time/event.ics").content

    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", content)
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["SUMMARY"] == "Story time" and event["LOCATION"].startswith("Central Library")
    assert "Songs and rhymes" in event["DESCRIPTION"] and "Bring a blanket" in event["DESCRIPTION"]
