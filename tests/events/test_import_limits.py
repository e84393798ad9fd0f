"""Partner calendars that would exhaust the worker: reading is bounded in time and memory,
time zones and repeats are expanded only as far as the site shows them, and sizes are capped.
Each is reported on the import run; the rest of the calendar is imported."""

from datetime import datetime

import pytest

from cms.events import client, reading
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import EventOccurrence, EventPage
from cms.events.recurrence import to_local
from tests.events.factories import HOSTILE_CALENDARS, vcalendar, vevent, vtimezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(event_indexes):
    return ImportTarget(index=event_indexes["growingup"], source="feed:partner")


def imported(uid):
    return EventPage.objects.get(uid=uid, alias_of__isnull=True, locale__language_code="en")


def report(run):
    return "\n".join(run.problems)


def test_a_time_zone_that_changes_every_minute_is_read_as_new_york_time(target):
    run = import_calendar(HOSTILE_CALENDARS["time zone changing every minute"](), target)

    assert run.succeeded and run.created == 1
    assert to_local(imported("minutely-zone").starts_at) == datetime(2027, 3, 2, 10, 30)
    assert "Partner Time" in report(run) and "New York time" in report(run)


def test_a_sane_time_zone_of_the_partners_own_is_used(target):
    # Two hours ahead of New York all year: 10:30 there is 08:30 here.
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Partner Atlantic\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    data = vcalendar(
        zone, vevent("atlantic", start="DTSTART;TZID=Partner Atlantic:20270115T103000")
    )

    run = import_calendar(data, target)

    assert run.succeeded and not run.problems
    assert to_local(imported("atlantic").starts_at) == datetime(2027, 1, 15, 8, 30)


def test_a_known_zone_name_uses_the_zone_database_not_the_feeds_definition(target):
    # The feed's own "Eastern Standard Time" says daylight saving starts in 1900 every minute;
    # the name is Windows' for New York, so the zone database answers.
    data = vcalendar(
        vtimezone("Eastern Standard Time", freq="MINUTELY"),
        vevent("windows-zone", start='DTSTART;TZID="Eastern Standard Time":20270710T100000'),
    )

    run = import_calendar(data, target)

    assert run.succeeded and not run.problems
    assert to_local(imported("windows-zone").starts_at) == datetime(2027, 7, 10, 10)


def spin(*args, **kwargs):
    while True:
        pass


def hoard(*args, **kwargs):
    kept = []
    while True:
        kept.append(bytearray(1024 * 1024))


def test_reading_that_runs_past_its_time_budget_is_refused(target, monkeypatch):
    monkeypatch.setattr(reading, "READING_SECONDS", 1)
    monkeypatch.setattr(reading, "parse_calendar", spin)

    run = import_calendar(vcalendar(vevent("any")), target)

    assert not run.succeeded and run.finished_at
    assert run.message == "The calendar took longer than 1 s to read; nothing was changed."
    assert not EventPage.objects.exists()


def test_reading_that_needs_more_than_its_memory_budget_is_refused(target, monkeypatch):
    monkeypatch.setattr(reading, "READING_MEGABYTES", 100)
    monkeypatch.setattr(reading, "parse_calendar", hoard)

    run = import_calendar(vcalendar(vevent("any")), target)

    assert not run.succeeded
    assert (
        run.message
        == "The calendar needed more than 100 MB of memory to read; nothing was changed."
    )


def test_the_budget_covers_the_whole_reading_of_a_hostile_time_zone(target, monkeypatch):
    # Without the time zone check nor a limit per event, the budget is what stops it.
    monkeypatch.setattr(reading, "time_zone_problem", lambda zone: None)
    monkeypatch.setattr(reading, "EVENT_SECONDS", 60)
    monkeypatch.setattr(reading, "READING_SECONDS", 2)

    run = import_calendar(HOSTILE_CALENDARS["time zone changing every minute"](), target)

    assert not run.succeeded and "took longer than 2 s" in run.message


def test_events_repeating_more_often_than_daily_are_skipped_and_reported(target):
    data = vcalendar(
        *(vevent(f"minutely-{number}", "RRULE:FREQ=MINUTELY") for number in range(3)),
        vevent("hourly", "RRULE:FREQ=HOURLY;COUNT=5"),
        vevent("weekly", "RRULE:FREQ=WEEKLY;COUNT=3"),
    )

    run = import_calendar(data, target)

    assert run.succeeded and (run.created, run.skipped) == (1, 4)
    assert report(run).count("repeats more often than once a day") == 4
    assert EventOccurrence.objects.filter(event=imported("weekly")).count() == 3


def test_an_event_starting_in_year_one_is_skipped_and_reported(target):
    data = vcalendar(
        vevent("year-one", "RRULE:FREQ=DAILY", start="DTSTART:00010101T100000"),
        vevent("this-year", "RRULE:FREQ=DAILY;COUNT=2"),
    )

    run = import_calendar(data, target)

    assert run.succeeded and (run.created, run.skipped) == (1, 1)
    assert "year-one" in report(run) and "between 1900 and 2200" in report(run)


def test_an_event_that_takes_too_long_to_read_is_skipped_and_reported(target, monkeypatch):
    # 30 February never comes: dateutil looks for it until the year 9999, whatever UNTIL says.
    monkeypatch.setattr(reading, "EVENT_SECONDS", 0.2)
    data = vcalendar(
        vevent("never", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20280101T000000Z"),
        vevent("weekly", "RRULE:FREQ=WEEKLY;COUNT=3"),
    )

    run = import_calendar(data, target)

    assert run.succeeded and (run.created, run.skipped) == (1, 1)
    assert report(run) == "never (never) was not imported: took longer than 0.2 s."


def test_a_huge_description_is_cut_and_reported(target):
    data = vcalendar(
        vevent("long", "DESCRIPTION:" + "Stories and songs. " * 50_000),
        vevent("short", "DESCRIPTION:Stories and songs."),
    )

    run = import_calendar(data, target)

    assert run.succeeded and run.created == 2
    description = imported("long").description
    assert description.startswith("<p>Stories and songs.") and len(description) < 21_000
    assert "long" in report(run) and "cut to 20000 characters" in report(run)
    assert imported("short").description == "<p>Stories and songs.</p>"


def test_a_calendar_over_the_size_limit_is_refused(target, monkeypatch):
    monkeypatch.setattr(client, "MAX_BYTES", 1000)

    run = import_calendar(vcalendar(*(vevent(f"e{number}") for number in range(20))), target)

    assert not run.succeeded and "larger than" in run.message
    assert not EventPage.objects.exists()


def test_events_without_a_start_or_a_uid_are_skipped_and_reported(target):
    nameless = vevent("", summary="Puppet show").replace("UID:\r\n", "")
    data = vcalendar(
        vevent("no-start", start="LOCATION:Central Library", summary="Story time"),
        nameless,
        vevent("weekly", "RRULE:FREQ=WEEKLY;COUNT=3"),
    )

    run = import_calendar(data, target)

    assert run.succeeded and (run.created, run.skipped) == (1, 2)
    assert "Story time (no-start) was not imported: it has no start date (DTSTART)." in report(run)
    assert "Puppet show (no UID) was not imported: it has no UID." in report(run)


def test_an_event_whose_new_version_has_no_start_keeps_its_page(target):
    import_calendar(vcalendar(vevent("later-broken", summary="Zoo day")), target)

    run = import_calendar(
        vcalendar(vevent("later-broken", start="LOCATION:Bronx Zoo", summary="Zoo day")), target
    )

    assert run.skipped == 1 and run.unpublished == 0
    assert imported("later-broken").live


def test_a_file_of_random_bytes_is_refused_with_a_short_readable_message(target):
    garbage = bytes(range(256)) * 4

    run = import_calendar(garbage, target)

    assert not run.succeeded
    assert run.message.startswith("The file is not a readable calendar")
    assert len(run.message) <= 200
    assert not any(
        ord(character) < 32 or 0x7F <= ord(character) <= 0x9F for character in run.message
    )
