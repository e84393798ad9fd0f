"""Events as iCalendar (RFC 5545), written with the icalendar library: one VEVENT per event with
its RRULE, RDATE and EXDATE, one more VEVENT with a RECURRENCE-ID for each changed or cancelled
date, and a VTIMEZONE for New York. UIDs are stable across languages and edits; SEQUENCE goes
up when the dates change; DTSTAMP is the time of the last publication, so a feed only changes
when its events do."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from cms.core.sanitise import printable
from cms.events.recurrence import NEW_YORK

PRODID = "-//City of New York//Growing Up NYC and Generation NYC events//EN"
TZID = "America/New_York"
REFRESH = timedelta(hours=12)


def new_york_timezone():
    """VTIMEZONE for New York under the rules in force since 2007 (second Sunday of March,
    first Sunday of November), as calendar apps themselves publish it."""
    tz = Timezone()
    tz.add("TZID", TZID)
    daylight = TimezoneDaylight()
    daylight.add("TZNAME", "EDT")
    daylight.add("TZOFFSETFROM", timedelta(hours=-5))
    daylight.add("TZOFFSETTO", timedelta(hours=-4))
    daylight.add("DTSTART", datetime(2007, 3, 11, 2))
    daylight.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "2SU"})
    standard = TimezoneStandard()
    standard.add("TZNAME", "EST")
    standard.add("TZOFFSETFROM", timedelta(hours=-4))
    standard.add("TZOFFSETTO", timedelta(hours=-5))
    standard.add("DTSTART", datetime(2007, 11, 4, 2))
    standard.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 11, "BYDAY": "1SU"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def new_calendar(name, url=None):
    name = printable(name)
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("NAME", name)
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", TZID)
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", REFRESH)
    if url:
        calendar.add("SOURCE", url, parameters={"VALUE": "URI"})
    calendar.add_component(new_york_timezone())
    return calendar


def event_entry(event, request=None):
    """The event's VEVENTs as iCalendar text, kept on the page when it is saved so that a feed
    of a thousand events is assembled rather than rebuilt."""
    return "".join(component.to_ical().decode() for component in event_components(event, request))


def calendar_with_entries(name, entries, url=None):
    """A VCALENDAR (as bytes) holding already serialised VEVENTs."""
    head = new_calendar(name, url).to_ical().decode()
    end = "END:VCALENDAR\r\n"
    return (head[: -len(end)] + "".join(entries) + end).encode()


def event_calendar(events, name, url=None, request=None):
    """A VCALENDAR with every event in `events` (EventPage objects)."""
    calendar = new_calendar(name, url)
    for event in events:
        for component in event_components(event, request):
            calendar.add_component(component)
    return calendar


def _moment(value, all_day):
    """DTSTART-style value: a date for all-day events, else New York time (TZID)."""
    local = timezone.localtime(value, NEW_YORK)
    return local.date() if all_day else local


def _location(event):
    if event.venue_name or event.address:
        return printable(", ".join(part for part in (event.venue_name, event.address) if part))
    return event.online_url


def plain_description(event, url=None):
    parts = [event.summary, strip_tags(event.description.replace("</p>", "</p>\n\n"))]
    if event.is_virtual and event.online_url:
        parts.append(event.online_url)
    if url:
        parts.append(url)
    text = normalize_newlines("\n\n".join(part.strip() for part in parts if part and part.strip()))
    return printable(text)


def _stamp(event):
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    return stamp.astimezone(UTC).replace(microsecond=0)


def event_components(event, request=None):
    """The VEVENTs of one event page: the event, then one per changed or cancelled date."""
    schedule = event.schedule
    url = event.get_full_url(request)
    stamp = _stamp(event)
    master = Event()
    master.add("UID", event.uid)
    master.add("DTSTAMP", stamp)
    master.add("LAST-MODIFIED", stamp)
    master.add("SEQUENCE", event.sequence)
    master.add("SUMMARY", printable(event.title))
    description = plain_description(event, url)
    if description:
        master.add("DESCRIPTION", description)
    master.add("DTSTART", _moment(schedule.starts_at, event.all_day))
    duration = schedule.duration
    if duration is not None:
        master.add("DTEND", _series_end(schedule.local_start + duration, event.all_day))
    parts = schedule.rule_parts()
    if parts:
        master.add("RRULE", vRecur(parts))
    local_start = schedule.local_start
    if schedule.extra_starts:
        master.add(
            "RDATE", [_moment(extra, event.all_day) for extra in sorted(schedule.extra_starts)]
        )
    if schedule.skipped_dates:
        master.add(
            "EXDATE",
            [_original(day, local_start, event.all_day) for day in sorted(schedule.skipped_dates)],
        )
    location = _location(event)
    if location:
        master.add("LOCATION", location)
    if url:
        master.add("URL", url)
    master.add("STATUS", "CANCELLED" if event.cancelled else "CONFIRMED")
    components = [master]
    if parts or schedule.extra_starts:
        for change in sorted(schedule.changes, key=lambda change: change.original_date):
            components.append(_override(event, master, change, local_start, duration))
    return components


def _series_end(local_end, all_day):
    return local_end.date() if all_day else local_end.replace(tzinfo=NEW_YORK)


def _original(day, local_start, all_day):
    """RECURRENCE-ID or EXDATE value of a series date: that date at the series' start time."""
    if all_day:
        return day
    return datetime.combine(day, local_start.time()).replace(tzinfo=NEW_YORK)


def _override(event, master, change, local_start, duration):
    override = Event()
    for name in ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "DESCRIPTION"):
        if name in master:
            override[name] = master[name]
    original = _original(change.original_date, local_start, event.all_day)
    override.add("RECURRENCE-ID", original)
    start = original
    if change.starts_at and not change.cancelled:
        start = _moment(change.starts_at, event.all_day)
    override.add("DTSTART", start)
    if change.ends_at and not change.cancelled and not event.all_day:
        override.add("DTEND", _moment(change.ends_at, False))
    elif duration is not None:
        if event.all_day:
            override.add("DTEND", start + duration)
        else:
            override.add("DTEND", _series_end(start.replace(tzinfo=None) + duration, False))
    if "LOCATION" in master:
        override["LOCATION"] = master["LOCATION"]
    if change.note:
        override.add("COMMENT", printable(change.note))
    override.add("STATUS", "CANCELLED" if change.cancelled or event.cancelled else "CONFIRMED")
    return override


def google_calendar_url(event, request=None):
    """A link that opens Google Calendar's 'add event' form filled in with this event."""
    schedule = event.schedule
    start = schedule.local_start
    duration = schedule.duration
    if event.all_day:
        end = start + duration
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        end = start + (duration or timedelta(hours=1))
        dates = f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"
    params = {
        "action": "TEMPLATE",
        "text": printable(event.title),
        "dates": dates,
        "ctz": TZID,
        "details": plain_description(event, event.get_full_url(request)),
    }
    location = _location(event)
    if location:
        params["location"] = location
    parts = schedule.rule_parts()
    if parts:
        params["recur"] = "RRULE:" + vRecur(parts).to_ical().decode()
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
