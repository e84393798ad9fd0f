"""Reading a partner's iCalendar bytes into event page values, bounded whatever they say.

- Control characters are removed before anything reads the text.
- A VTIMEZONE whose TZID names a zone the zone database knows (Olson names, Windows names,
  "/vendor/Region/City" ids) is left to the zone database. A zone of the partner's own is kept
  only when it changes at most a few times a year; any other is left out and its times are
  read as New York time, with a note for the report.
- Nothing repeats more often than once a day; dates outside 1900 to 2200 are refused; a rule
  is expanded only across the site's window (see recurrence.expand_rule); descriptions, titles
  and places are cut to a size, with a note.
- One event that cannot be read, or takes more than a second to read, is reported and
  skipped; the others are read.

`read_calendar` reads in a child process with a time and memory budget (see
cms.events.budget), so no calendar can take the worker down; this module touches no model."""

import html
import logging
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import Truncator
from icalendar import Calendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from cms.core.city_time import local_midnight
from cms.core.sanitise import clean_html, clean_text, printable, safe_url, shown
from cms.events import client
from cms.events.budget import OverBudget, call_within, time_limit
from cms.events.client import FeedError
from cms.events.recurrence import (
    DAILY,
    EARLIEST_YEAR,
    HORIZON,
    KEEP_PAST,
    LAST_WEEKDAY,
    LATEST_YEAR,
    MAX_OCCURRENCES,
    MONTHLY,
    NEW_YORK,
    SAME_DATE,
    SAME_WEEKDAY,
    WEEKDAY_CODES,
    WEEKLY,
    expand_rule,
    to_local,
)

logger = logging.getLogger(__name__)

# What reading one calendar may take. The largest calendar accepted (10 MB, 5,000 events)
# reads in about 4 s with 150 MB.
READING_SECONDS = 10
READING_MEGABYTES = 400
MAX_EVENTS = 5000
# What reading one event may take: a rule whose dates never come (30 February) is searched for
# until the year 9999 by dateutil, whatever its UNTIL says.
EVENT_SECONDS = 1
MAX_DESCRIPTION = 20_000  # characters; a longer description is cut
MAX_TEXT = 2_000  # characters of any other text read before it is cleaned and cut
MAX_CATEGORIES = 50
MAX_ZONE_PARTS = 100  # STANDARD and DAYLIGHT parts of one VTIMEZONE
MAX_ZONE_DATES = 1000  # RDATEs of one VTIMEZONE

BOROUGH_WORDS = [
    ("staten-island", re.compile(r"\bstaten\s+island\b", re.I)),
    ("bronx", re.compile(r"\bbronx\b", re.I)),
    ("brooklyn", re.compile(r"\bbrooklyn\b", re.I)),
    ("queens", re.compile(r"\bqueens\b|\b(?:jamaica|flushing|astoria|long island city)\b", re.I)),
    ("manhattan", re.compile(r"\bmanhattan\b|\bnew york,?\s+ny\s+100\d\d\b", re.I)),
]
ONLINE = re.compile(r"^https?://", re.I)
# C0 controls but tab, line feed and carriage return; DEL. In UTF-8 no other byte is one.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FOLD = re.compile(rb"\r?\n[ \t]")
ZONE_EDGE = re.compile(rb"\s*(BEGIN|END)\b[^:]*:\s*VTIMEZONE\s*$", re.I)
ZONE_PART = re.compile(rb"\s*BEGIN\b[^:]*:\s*(STANDARD|DAYLIGHT)\s*$", re.I)
PROPERTY = re.compile(rb"\s*([A-Za-z-]+)[^:]*:(.*)$", re.S)
# The BY parts a yearly change of clocks uses, and how many values each may list: at most a
# week of candidate days a year ("BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU").
ZONE_RULE_PARTS = {"BYMONTHDAY": 7} | dict.fromkeys(
    ("BYMONTH", "BYDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "BYHOUR", "BYMINUTE", "BYSECOND"), 1
)


@dataclass
class ImportedEvent:
    """One event of a feed (its main VEVENT and its overrides) as event page values, with
    notes on what was cut to fit."""

    uid: str
    sequence: int
    fields: dict
    skipped: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    notes: list = field(default_factory=list)


@dataclass
class Reading:
    """What a calendar holds: its events, the events it lists that could not be read (UID to
    what the report says), and notes on the calendar as a whole."""

    events: list
    unreadable: dict
    notes: list


def not_imported(title, uid, reason):
    """The report's line for an event that was skipped."""
    return f"{title} ({uid}) was not imported: {reason.rstrip('.')}."


def read_calendar(data, *, organizer="", default_borough="", source=""):
    """A Reading of calendar bytes, made within the reading budget. Raises FeedError, having
    changed nothing, when the bytes are too many, not a calendar, or need more time or memory
    than the budget."""
    if len(data) > client.MAX_BYTES:
        raise FeedError(client.TOO_LARGE)
    try:
        result, spent = call_within(
            parse_calendar,
            data,
            organizer=organizer,
            default_borough=default_borough,
            seconds=READING_SECONDS,
            megabytes=READING_MEGABYTES,
        )
    except OverBudget as over:
        if over.resource == "time":
            message = f"took longer than {READING_SECONDS} s"
        else:
            message = f"needed more than {READING_MEGABYTES} MB of memory"
        raise FeedError(f"The calendar {message} to read; nothing was changed.") from None
    logger.debug(
        "Calendar %s read in %.1f s, %.0f MB at most", source, spent.seconds, spent.peak_megabytes
    )
    return result


def parse_calendar(data, *, organizer="", default_borough=""):
    """A Reading of iCalendar bytes. Raises FeedError when they are not a calendar."""
    data, notes = prepared(data)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and others on broken input
        # The error quotes the file: on one line, cut, and without its control characters.
        quoted = shown(" ".join(printable(str(error)).split()), 150)
        raise FeedError(f"The file is not a readable calendar: {quoted}") from error
    if isinstance(calendar, list) or calendar.name != "VCALENDAR":
        raise FeedError("The file is not a single VCALENDAR.")
    components = calendar.walk("VEVENT")
    if len(components) > MAX_EVENTS:
        raise FeedError(f"The calendar has more than {MAX_EVENTS} events.")
    organizer = organizer or _text(calendar, "X-WR-CALNAME", 200)
    masters, overrides, unreadable = {}, {}, {}
    for number, component in enumerate(components, 1):
        uid = str(component.get("UID", "")).strip()[:255]
        if not uid or "DTSTART" not in component:
            title = _text(component, "SUMMARY", 255) or "Untitled event"
            if uid and "RECURRENCE-ID" in component:
                notes.append(f"A change to one date of {title} ({uid}) has no start date.")
                continue
            reason = "it has no start date (DTSTART)" if uid else "it has no UID"
            # An event without a UID cannot be matched: it is keyed by its place in the file.
            unreadable[uid or f"#{number}"] = not_imported(title, uid or "no UID", reason)
            continue
        if "RECURRENCE-ID" in component:
            overrides.setdefault(uid, []).append(component)
        elif uid not in masters or _sequence(component) > _sequence(masters[uid]):
            masters[uid] = component
    for uid in masters:  # another version of it in the file has its start
        unreadable.pop(uid, None)
    events = []
    for uid, master in masters.items():
        try:
            with time_limit(EVENT_SECONDS):
                event = _imported_event(
                    uid, master, overrides.get(uid, []), organizer, default_borough
                )
            events.append(event)
        except Exception as error:  # whatever one event's values do, the others are read
            title = _text(master, "SUMMARY", 255) or "Untitled event"
            unreadable[uid] = not_imported(title, uid, str(error) or type(error).__name__)
    return Reading(events=events, unreadable=unreadable, notes=notes)


# The bytes, before icalendar reads them


def prepared(data):
    """The calendar's bytes without control characters, with lines unfolded, and with only
    the VTIMEZONEs that icalendar should read; and notes on the zones left out."""
    data = FOLD.sub(b"", CONTROL_BYTES.sub(b"", data))
    kept, zone, notes = [], None, []
    for line in data.splitlines():
        edge = ZONE_EDGE.match(line)
        if zone is None:
            if edge and edge.group(1).upper() == b"BEGIN":
                zone = [line]
            else:
                kept.append(line)
            continue
        zone.append(line)
        if edge and edge.group(1).upper() == b"END":
            tzid = _zone_id(zone)
            # A zone the database knows is the database's; one without a TZID is no use.
            if tzid and not zone_database_name(tzid):
                problem = time_zone_problem(zone)
                if problem is None:
                    kept.extend(zone)
                else:
                    notes.append(
                        f"The time zone “{tzid}” {problem}; its times were read as New York time."
                    )
            zone = None
    if zone is not None:
        notes.append("A time zone had no end; it was left out.")
    return b"\r\n".join(kept) + b"\r\n", notes


def _properties(lines):
    for line in lines:
        match = PROPERTY.match(line)
        if match:
            name, value = match.groups()
            yield name.decode().upper(), value.decode("utf-8", "replace").strip()


def _zone_id(lines):
    return next((value for name, value in _properties(lines) if name == "TZID"), "")


@cache
def _zone_names():
    return frozenset(zoneinfo.available_timezones())


def zone_database_name(tzid):
    """The zone database's name for a TZID, tried as icalendar tries it (the id, a Windows
    name, the end of a "/vendor/Region/City" id), or None."""
    cleaned = tzid.strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned)]
    if tzid.startswith("/"):
        parts = cleaned.split("/")
        candidates += ["/".join(parts[start:]) for start in range(1, len(parts))]
    return next((name for name in candidates if name and name in _zone_names()), None)


def time_zone_problem(lines):
    """Why a partner's own VTIMEZONE (its lines) is not fit to read, or None. Clocks change
    a few times a year: more parts, rules or dates than that would be expanded from their
    start on every reading of a time."""
    parts = sum(1 for line in lines if ZONE_PART.match(line))
    if parts > MAX_ZONE_PARTS:
        return f"has more than {MAX_ZONE_PARTS} parts"
    dates = 0
    for name, value in _properties(lines):
        if name == "RRULE":
            rule = dict(part.split("=", 1) for part in value.upper().split(";") if "=" in part)
            if rule.pop("FREQ", "") != "YEARLY":
                return "changes more often than once a year"
            rule.pop("INTERVAL", None), rule.pop("UNTIL", None), rule.pop("COUNT", None)
            rule.pop("WKST", None)
            for part, values in rule.items():
                if len(values.split(",")) > ZONE_RULE_PARTS.get(part, 0):
                    return "changes more often than once a year"
        elif name == "RDATE":
            dates += len(value.split(","))
    if dates > MAX_ZONE_DATES:
        return f"lists more than {MAX_ZONE_DATES} changes"
    return None


# Turning VEVENTs into event fields


def _sequence(component):
    try:
        return min(max(int(component.get("SEQUENCE", 0)), 0), 2**31 - 1)
    except (TypeError, ValueError):
        return 0


def _value(component, name):
    prop = component.get(name)
    return getattr(prop, "dt", prop)


def as_new_york(value):
    """An aware New York datetime from an iCalendar date-time; floating times (and TZIDs the
    calendar does not define and nobody knows) are New York time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=NEW_YORK)
    return value.astimezone(NEW_YORK)


def _is_date(value):
    return isinstance(value, date) and not isinstance(value, datetime)


def _in_range(value):
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def _text(component, name, limit, notes=None, label=None):
    value = printable(clean_text(str(component.get(name, "") or "")[:MAX_TEXT]))
    if len(value) > limit and notes is not None:
        notes.append(f"its {label} was cut to {limit} characters")
    return value[:limit]


def rich_text(component, notes=None):
    """The description as Wagtail rich text: HTML (from X-ALT-DESC or DESCRIPTION) sanitised
    to the same allow-list as programs, or plain text made into paragraphs. Cut to
    MAX_DESCRIPTION characters first, so that a huge one costs no more than a long one."""
    alt = component.get("X-ALT-DESC")
    raw = str(alt) if alt is not None and "html" in str(alt.params.get("FMTTYPE", "")) else ""
    raw = raw or str(component.get("DESCRIPTION", "") or "")
    if len(raw) > MAX_DESCRIPTION:
        raw = raw[:MAX_DESCRIPTION]
        if notes is not None:
            notes.append(f"its description was cut to {MAX_DESCRIPTION} characters")
    raw = printable(raw)
    if re.search(r"<(p|br|a|b|strong|em|i|ul|ol|li|div|span)\b", raw, re.I):
        # The programs' allow-list speaks <strong>/<em>; Wagtail rich text stores <b>/<i>.
        raw = re.sub(r"<(/?)b\b", r"<\1strong", raw.replace("\n", " "), flags=re.I)
        raw = re.sub(r"<(/?)i\b", r"<\1em", raw, flags=re.I)
        cleaned = clean_html(raw)
        cleaned = re.sub(r"<(/?)strong>", r"<\1b>", cleaned)
        cleaned = re.sub(r"<(/?)em>", r"<\1i>", cleaned)
        cleaned = cleaned.replace(' rel="noopener"', "")
        cleaned = re.sub(r"<a>(.*?)</a>", r"\1", cleaned)  # links whose address was unsafe
        if not re.match(r"\s*<(p|ul|ol|h3|h4)\b", cleaned):
            cleaned = f"<p>{cleaned}</p>"
        return cleaned
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", raw.replace("\r", "")) if part]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part
    )


def _location_fields(component, default_borough, notes):
    location = _text(component, "LOCATION", MAX_TEXT)
    conference = str(component.get("CONFERENCE", "") or component.get("X-GOOGLE-CONFERENCE", ""))
    values = {"venue_name": "", "address": "", "is_virtual": False, "online_url": ""}
    if ONLINE.match(location):
        values.update(is_virtual=True, online_url=safe_url(location))
    elif location:
        name, _comma, rest = location.partition(",")
        for key, value, limit in (("venue_name", name, 200), ("address", rest, 255)):
            value = value.strip()
            if len(value) > limit:
                notes.append(f"its {key.replace('_', ' ')} was cut to {limit} characters")
            values[key] = value[:limit]
    if conference and safe_url(conference[:MAX_TEXT]):
        values.update(is_virtual=True, online_url=safe_url(conference[:MAX_TEXT]))
    if values["is_virtual"] and not values["online_url"]:
        values["is_virtual"] = False
    values["borough"] = next(
        (slug for slug, words in BOROUGH_WORDS if words.search(location)), default_borough
    )
    return values


def _when(component):
    """(starts_at, ends_at, all_day) with the same conventions as the event page: all-day
    ends are the last day, timed events without an end have none."""
    start = _value(component, "DTSTART")
    end = _value(component, "DTEND")
    duration = _value(component, "DURATION")
    if not isinstance(start, date):
        raise ValueError("it has no start date")
    if not _in_range(start) or (isinstance(end, date) and not _in_range(end)):
        raise ValueError(
            f"its dates are not between {EARLIEST_YEAR} and {LATEST_YEAR} "
            f"(it starts in the year {start.year})"
        )
    all_day = _is_date(start)
    if all_day:
        if end is None and isinstance(duration, timedelta):
            end = start + duration
        last_day = (end - timedelta(days=1)) if _is_date(end) and end > start else start
        if not _in_range(last_day):
            raise ValueError(f"it ends in the year {last_day.year}")
        return local_midnight(start), local_midnight(last_day), True
    start = as_new_york(start)
    if isinstance(end, datetime):
        end = as_new_york(end)
    elif isinstance(duration, timedelta):
        end = start + duration
    else:
        end = None
    if end is not None and end <= start:
        end = None
    if end is not None and not _in_range(end):
        raise ValueError(f"it ends in the year {end.year}")
    return start, end, False


def _local_date(value):
    if _is_date(value):
        return value
    return to_local(as_new_york(value)).date()


def _date_list(component, name):
    """Every value of EXDATE or RDATE (they may repeat and hold lists) between 1900 and 2200."""
    props = component.get(name)
    if props is None:
        return []
    values = []
    for prop in props if isinstance(props, list) else [props]:
        for item in getattr(prop, "dts", []):
            value = item.dt
            value = value[0] if isinstance(value, tuple) else value
            if isinstance(value, date) and _in_range(value):
                values.append(value)
    return values


def _nearest(values, today, key=lambda value: value):
    """At most MAX_OCCURRENCES of sorted `values`: when there are more, those from a month
    ago on, which are the ones the site shows."""
    if len(values) <= MAX_OCCURRENCES:
        return values
    return [value for value in values if _as_date(key(value)) >= today - KEEP_PAST][
        :MAX_OCCURRENCES
    ]


def _as_date(value):
    return value if _is_date(value) else to_local(value).date()


def rule_fields(rule, local_start):
    """Editor repeat fields for an RRULE, or None when they cannot express it."""
    rule = {key.upper(): value for key, value in rule.items()}
    unknown = set(rule) - {"FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "BYMONTHDAY", "WKST"}
    freq = (rule.get("FREQ") or [""])[0].lower()
    if unknown or freq not in (DAILY, WEEKLY, MONTHLY):
        return None
    byday = [str(day).upper() for day in rule.get("BYDAY", [])]
    bymonthday = [int(day) for day in rule.get("BYMONTHDAY", [])]
    start_code = WEEKDAY_CODES[local_start.weekday()]
    fields = {
        "repeat": freq,
        "repeat_interval": int((rule.get("INTERVAL") or [1])[0]),
        "repeat_weekdays": "",
        "repeat_monthly": SAME_DATE,
        "repeat_until": None,
        "repeat_count": None,
    }
    if freq == DAILY and (byday or bymonthday):
        return None
    if freq == WEEKLY:
        if bymonthday or any(day not in WEEKDAY_CODES for day in byday):
            return None
        if byday and start_code not in byday:
            return None  # the start would not be one of the dates
        fields["repeat_weekdays"] = ",".join(code for code in WEEKDAY_CODES if code in byday)
    if freq == MONTHLY:
        nth = (local_start.day - 1) // 7 + 1
        is_last = (local_start + timedelta(days=7)).month != local_start.month
        if bymonthday and not byday and bymonthday == [local_start.day]:
            fields["repeat_monthly"] = SAME_DATE
        elif not bymonthday and byday in ([f"{nth}{start_code}"], [f"+{nth}{start_code}"]):
            fields["repeat_monthly"] = SAME_WEEKDAY
        elif not bymonthday and byday == [f"-1{start_code}"] and is_last:
            fields["repeat_monthly"] = LAST_WEEKDAY
        elif byday or bymonthday:
            return None
    if "COUNT" in rule:
        count = int(rule["COUNT"][0])
        if count < 1:
            raise ValueError("its COUNT is not 1 or more")
        fields["repeat_count"] = min(count, MAX_OCCURRENCES)
    elif "UNTIL" in rule:
        fields["repeat_until"] = _local_date(rule["UNTIL"][0])
    return fields


def _expanded_dates(component, local_start, all_day):
    """The dates of a rule the editor's fields cannot express, across the site's window
    (from a month ago to two years ahead), at most 500."""
    start = datetime.combine(local_start.date(), time()) if all_day else local_start
    now = to_local(datetime.now(UTC))
    dates = expand_rule(
        component["RRULE"].to_ical().decode(),
        start,
        window_start=now - KEEP_PAST,
        window_end=now + HORIZON,
    )
    return [moment.replace(tzinfo=NEW_YORK) for moment in dates if moment != start]


def _imported_event(uid, master, overrides, organizer, default_borough):
    notes = []
    starts_at, ends_at, all_day = _when(master)
    local_start = to_local(starts_at)
    description = rich_text(master, notes)
    summary = Truncator(clean_text(description)).chars(280)
    fields = {
        "title": _text(master, "SUMMARY", 255, notes, "title") or "Untitled event",
        "summary": summary,
        "description": description,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": all_day,
        "cancelled": str(master.get("STATUS", "")).upper() == "CANCELLED",
        "registration_url": safe_url(str(master.get("URL", "") or "")[:MAX_TEXT]),
        "organizer": (_organizer(master) or organizer)[:200],
        "organizer_email": _organizer_email(master),
        "repeat": "",
        "repeat_interval": 1,
        "repeat_weekdays": "",
        "repeat_monthly": SAME_DATE,
        "repeat_until": None,
        "repeat_count": None,
        **_location_fields(master, default_borough, notes),
    }
    event = ImportedEvent(
        uid=uid,
        sequence=_sequence(master),
        fields=fields,
        categories=[str(c).strip().lower() for c in _categories(master)][:MAX_CATEGORIES],
        notes=notes,
    )
    rules = master.get("RRULE")
    if isinstance(rules, list):
        rules = rules[0] if len(rules) == 1 else None
        if rules is None:
            raise ValueError("it has several RRULEs")
    if rules is not None:
        repeat = rule_fields(rules, local_start)
        if repeat is not None:
            fields.update(repeat)
        else:
            event.extra.extend(_expanded_dates(master, local_start, all_day))
    for value in _date_list(master, "RDATE"):
        event.extra.append(local_midnight(value) if _is_date(value) else as_new_york(value))
    today = to_local(datetime.now(UTC)).date()
    event.skipped = _nearest(
        sorted({_local_date(value) for value in _date_list(master, "EXDATE")}), today
    )
    changes = {}
    for override in overrides:
        change = _change(override, all_day)
        if change is not None:
            changes[change["original_date"]] = change
    event.extra = _nearest(sorted(set(event.extra)), today)
    event.changes = _nearest(
        [changes[day] for day in sorted(changes)], today, key=lambda change: change["original_date"]
    )
    return event


def _organizer(component):
    organizer = component.get("ORGANIZER")
    if organizer is None:
        return ""
    return printable(clean_text(str(organizer.params.get("CN", ""))[:MAX_TEXT]))


def _organizer_email(component):
    """The organizer's address (ORGANIZER:mailto:…), when it is a valid one; else ""."""
    organizer = component.get("ORGANIZER")
    value = str(organizer or "").strip()
    if not value.lower().startswith("mailto:"):
        return ""
    address = value[len("mailto:") :].strip()[:254]
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def _categories(component):
    props = component.get("CATEGORIES")
    if props is None:
        return []
    names = []
    for prop in props if isinstance(props, list) else [props]:
        names.extend(getattr(prop, "cats", []) or [])
    return names


def _change(override, all_day):
    original = _value(override, "RECURRENCE-ID")
    if not isinstance(original, date) or not _in_range(original):
        return None
    original_date = _local_date(original)
    if str(override.get("STATUS", "")).upper() == "CANCELLED":
        return {"original_date": original_date, "cancelled": True}
    try:
        starts_at, ends_at, _all_day = _when(override)
    except ValueError:
        return None  # a change to a date no one can read leaves the date as it was
    return {
        "original_date": original_date,
        "cancelled": False,
        "starts_at": starts_at,
        "ends_at": None if all_day else ends_at,
    }
