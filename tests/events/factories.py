from datetime import datetime, time, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from cms.events.models import (
    EventIndexPage,
    EventPage,
    ExtraDate,
    OccurrenceChangeRecord,
    SkippedDate,
)
from cms.events.recurrence import NEW_YORK


def new_york(day, hour=10, minute=0):
    """An aware datetime at a New York wall-clock time."""
    return datetime.combine(day, time(hour, minute)).replace(tzinfo=NEW_YORK)


def days_from_today(days):
    return timezone.localtime(timezone.now(), NEW_YORK).date() + timedelta(days=days)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story time {n}")
    summary = "Stories and songs for little ones."
    starts_at = factory.LazyFunction(lambda: new_york(days_from_today(3), 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    venue_name = "Central Library"
    address = "10 Grand Army Plaza, Brooklyn, NY 11238"
    borough = "brooklyn"
    audience = "family"

    class Meta:
        model = EventPage


def make_event(parent, *, skipped=(), extra=(), changes=(), **fields):
    """An event page under `parent` with its skipped dates, extra dates and changes to single
    dates (dicts of OccurrenceChangeRecord fields), saved and published."""
    page = EventPageFactory.build(**fields)
    page.skipped_dates = [SkippedDate(date=day) for day in skipped]
    page.extra_dates = [ExtraDate(starts_at=moment) for moment in extra]
    page.occurrence_changes = [OccurrenceChangeRecord(**change) for change in changes]
    parent.add_child(instance=page)
    return page


# Partner calendars written for a test: a VCALENDAR of VTIMEZONE and VEVENT texts.


def vevent(uid, *lines, start="DTSTART;TZID=America/New_York:20270302T103000", summary=None):
    """One VEVENT: its UID, a start (a whole DTSTART line) and a title, then `lines` as they
    are ("RRULE:FREQ=WEEKLY", "URL:https://example.org/")."""
    body = [f"UID:{uid}", "DTSTAMP:20261101T120000Z", start, f"SUMMARY:{summary or uid}", *lines]
    return "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in body) + "END:VEVENT\r\n"


def vtimezone(tzid, *, freq="YEARLY", since="19000101T000000"):
    """A VTIMEZONE with a standard and a daylight part that each repeat at `freq`."""
    rules = {
        "STANDARD": ("-0400", "-0500", "11", "1SU"),
        "DAYLIGHT": ("-0500", "-0400", "3", "2SU"),
    }
    parts = []
    for name, (offset_from, offset_to, month, day) in rules.items():
        rule = f"FREQ={freq};BYMONTH={month};BYDAY={day}" if freq == "YEARLY" else f"FREQ={freq}"
        parts.append(
            f"BEGIN:{name}\r\nDTSTART:{since}\r\nTZOFFSETFROM:{offset_from}\r\n"
            f"TZOFFSETTO:{offset_to}\r\nRRULE:{rule}\r\nEND:{name}\r\n"
        )
    return f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n{''.join(parts)}END:VTIMEZONE\r\n"


def vcalendar(*components):
    """iCalendar bytes holding the VTIMEZONE and VEVENT texts given."""
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//Calendar//EN\r\n"
    return (head + "".join(components) + "END:VCALENDAR\r\n").encode()


# What a security review fed the importer: small calendars that once took the worker down.
HOSTILE_CALENDARS = {
    # 500 bytes whose time zone changes every minute since 1900.
    "time zone changing every minute": lambda: vcalendar(
        vtimezone("Partner Time", freq="MINUTELY"),
        vevent("minutely-zone", start="DTSTART;TZID=Partner Time:20270302T103000"),
    ),
    # 60 KB: 300 events that repeat every minute.
    "300 events repeating every minute": lambda: vcalendar(
        *(vevent(f"minutely-{number}", "RRULE:FREQ=MINUTELY") for number in range(300))
    ),
    # An event that starts in year 1 and repeats every day.
    "event starting in year 1": lambda: vcalendar(
        vevent("year-one", "RRULE:FREQ=DAILY", start="DTSTART:00010101T100000")
    ),
    # One event whose description is 10 MB (just under the size of the largest calendar).
    "10 MB description": lambda: vcalendar(
        vevent("long-description", "DESCRIPTION:" + "Stories " * ((10 * 1024 * 1024 - 4096) // 8))
    ),
}
