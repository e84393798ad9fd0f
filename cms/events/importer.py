"""Partner calendars in: an iCalendar feed (Google, Outlook, Thunderbird, library and parks
systems) kept in step with event pages under one site's event listing.

- Events are matched by UID and updated in place; an older SEQUENCE never overwrites a newer one.
- Series keep their shape: RRULE, RDATE, EXDATE and RECURRENCE-ID overrides become the editor's
  repeat fields, extra dates, skipped dates and changes to one date. A rule the editor's fields
  cannot express is expanded (two years ahead, 500 dates at most) into extra dates.
- Events that leave the feed are unpublished, never deleted.
- An editor's change to an imported event is kept: the event is flagged and the partner's
  change is not applied until an editor clears the flag.
- A feed that cannot be downloaded or read, is too large, or suddenly has no events leaves
  every event as it was, and the run is reported as failed.
"""

import hashlib
import html
import json
import logging
import re
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import requests
from dateutil import rrule as dateutil_rrule
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from icalendar import Calendar
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry
from wagtail.models import Locale

from cms.core.models import AgeStage
from cms.events.models import (
    EventPage,
    ExtraDate,
    ImportRun,
    OccurrenceChangeRecord,
    SkippedDate,
)
from cms.events.recurrence import (
    DAILY,
    HORIZON,
    LAST_WEEKDAY,
    MAX_OCCURRENCES,
    MONTHLY,
    NEW_YORK,
    SAME_DATE,
    SAME_WEEKDAY,
    WEEKDAY_CODES,
    WEEKLY,
    local_midnight,
    to_local,
)
from cms.programs.sanitise import clean_html, clean_text, safe_url

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_EVENTS = 5000
TIMEOUT = (5, 30)  # seconds to connect, seconds between bytes
DEADLINE = 120  # seconds for a whole download
USER_AGENT = "NYC family and youth sites calendar import"

BOROUGH_WORDS = [
    ("staten-island", re.compile(r"\bstaten\s+island\b", re.I)),
    ("bronx", re.compile(r"\bbronx\b", re.I)),
    ("brooklyn", re.compile(r"\bbrooklyn\b", re.I)),
    ("queens", re.compile(r"\bqueens\b|\b(?:jamaica|flushing|astoria|long island city)\b", re.I)),
    ("manhattan", re.compile(r"\bmanhattan\b|\bnew york,?\s+ny\s+100\d\d\b", re.I)),
]
ONLINE = re.compile(r"^https?://", re.I)


class FeedError(Exception):
    """A calendar that could not be downloaded or read. Nothing was changed."""


# Reading


def download(url, session=None):
    """The bytes of a calendar at `url`: retried on server errors, time-limited, at most
    10 MB."""
    session = session or requests.Session()
    retry = Retry(total=2, backoff_factor=1, status_forcelist=[429, 500, 502, 503, 504])
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    url = url.replace("webcal://", "https://", 1) if url.startswith("webcal://") else url
    started = clock.monotonic()
    try:
        with session.get(
            url, timeout=TIMEOUT, stream=True, headers={"User-Agent": USER_AGENT}
        ) as response:
            response.raise_for_status()
            if int(response.headers.get("Content-Length") or 0) > MAX_BYTES:
                raise FeedError("The calendar is larger than 10 MB.")
            chunks, size = [], 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FeedError("The calendar is larger than 10 MB.")
                if clock.monotonic() - started > DEADLINE:
                    raise FeedError("The calendar took too long to download.")
                chunks.append(chunk)
    except requests.RequestException as error:
        raise FeedError(f"The calendar could not be downloaded: {error}") from error
    return b"".join(chunks)


def read_file(path):
    with open(path, "rb") as file:
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FeedError("The calendar is larger than 10 MB.")
    return data


# Turning VEVENTs into event fields


@dataclass
class ImportedEvent:
    """One event of a feed (its main VEVENT and its overrides) as event page values."""

    uid: str
    sequence: int
    fields: dict
    skipped: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    categories: list = field(default_factory=list)


def parse_calendar(data, *, organizer="", default_borough=""):
    """(ImportedEvents, UIDs of events too broken to read) from iCalendar bytes. Raises
    FeedError when the bytes are not a calendar."""
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and others on broken input
        raise FeedError(f"The file is not a readable calendar: {error}") from error
    if isinstance(calendar, list) or calendar.name != "VCALENDAR":
        raise FeedError("The file is not a single VCALENDAR.")
    components = calendar.walk("VEVENT")
    if len(components) > MAX_EVENTS:
        raise FeedError(f"The calendar has more than {MAX_EVENTS} events.")
    organizer = organizer or str(calendar.get("X-WR-CALNAME", "") or "")
    masters, overrides = {}, {}
    for component in components:
        uid = str(component.get("UID", "")).strip()
        if not uid or "DTSTART" not in component:
            continue
        if "RECURRENCE-ID" in component:
            overrides.setdefault(uid, []).append(component)
        elif uid not in masters or _sequence(component) > _sequence(masters[uid]):
            masters[uid] = component
    events, broken = [], set()
    for uid, master in masters.items():
        try:
            events.append(
                _imported_event(uid, master, overrides.get(uid, []), organizer, default_borough)
            )
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            logger.warning("Calendar event %s skipped: %s", uid, error)
            broken.add(uid[:255])
    return events, broken


def _sequence(component):
    try:
        return int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _value(component, name):
    prop = component.get(name)
    return getattr(prop, "dt", prop)


def as_new_york(value):
    """An aware datetime from an iCalendar date-time; floating times (and TZIDs the calendar
    does not define and nobody knows) are New York time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=NEW_YORK)
    return value


def _is_date(value):
    return isinstance(value, date) and not isinstance(value, datetime)


def _text(component, name, limit=None):
    value = clean_text(str(component.get(name, "") or ""))
    return value[:limit] if limit else value


def rich_text(component):
    """The description as Wagtail rich text: HTML (from X-ALT-DESC or DESCRIPTION) sanitised
    to the same allow-list as programs, or plain text made into paragraphs."""
    alt = component.get("X-ALT-DESC")
    raw = str(alt) if alt is not None and "html" in str(alt.params.get("FMTTYPE", "")) else ""
    raw = raw or str(component.get("DESCRIPTION", "") or "")
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


def _location_fields(component, default_borough):
    location = _text(component, "LOCATION")
    conference = str(component.get("CONFERENCE", "") or component.get("X-GOOGLE-CONFERENCE", ""))
    values = {"venue_name": "", "address": "", "is_virtual": False, "online_url": ""}
    if ONLINE.match(location):
        values.update(is_virtual=True, online_url=safe_url(location)[:200])
    elif location:
        name, _comma, rest = location.partition(",")
        values.update(venue_name=name.strip()[:200], address=rest.strip()[:255])
    if conference and safe_url(conference):
        values.update(is_virtual=True, online_url=safe_url(conference)[:200])
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
    all_day = _is_date(start)
    if all_day:
        if end is None and isinstance(duration, timedelta):
            end = start + duration
        last_day = (end - timedelta(days=1)) if _is_date(end) and end > start else start
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
    return start, end, False


def _local_date(value):
    if _is_date(value):
        return value
    return to_local(as_new_york(value)).date()


def _date_list(component, name):
    """Every value of EXDATE or RDATE (they may repeat and hold lists)."""
    props = component.get(name)
    if props is None:
        return []
    values = []
    for prop in props if isinstance(props, list) else [props]:
        for item in getattr(prop, "dts", []):
            value = item.dt
            values.append(value[0] if isinstance(value, tuple) else value)
    return values


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
        fields["repeat_count"] = min(int(rule["COUNT"][0]), MAX_OCCURRENCES)
    elif "UNTIL" in rule:
        fields["repeat_until"] = _local_date(rule["UNTIL"][0])
    return fields


def _expanded_dates(component, local_start, all_day):
    """The dates of a rule the editor's fields cannot express, bounded like every series."""
    rule_text = component["RRULE"].to_ical().decode()
    start = datetime.combine(local_start.date(), time()) if all_day else local_start
    # UNTIL in UTC cannot be compared with a floating start; express it in local time.
    rule_text = re.sub(
        r"UNTIL=(\d{8})(T\d{6})?Z?",
        lambda match: f"UNTIL={match.group(1)}T235959",
        rule_text,
    )
    rule = dateutil_rrule.rrulestr(rule_text, dtstart=start)
    horizon = to_local(timezone.now() + HORIZON)
    dates = []
    for moment in rule:
        if moment > horizon or len(dates) >= MAX_OCCURRENCES:
            break
        dates.append(moment.replace(tzinfo=NEW_YORK))
    return dates[1:] if dates and dates[0] == start.replace(tzinfo=NEW_YORK) else dates


def _imported_event(uid, master, overrides, organizer, default_borough):
    starts_at, ends_at, all_day = _when(master)
    local_start = to_local(starts_at)
    description = rich_text(master)
    summary = Truncator(clean_text(description)).chars(280)
    fields = {
        "title": _text(master, "SUMMARY", 255) or "Untitled event",
        "summary": summary,
        "description": description,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": all_day,
        "cancelled": str(master.get("STATUS", "")).upper() == "CANCELLED",
        "registration_url": safe_url(str(master.get("URL", "") or ""))[:200],
        "organizer": (_organizer(master) or organizer)[:200],
        "repeat": "",
        "repeat_interval": 1,
        "repeat_weekdays": "",
        "repeat_monthly": SAME_DATE,
        "repeat_until": None,
        "repeat_count": None,
        **_location_fields(master, default_borough),
    }
    event = ImportedEvent(
        uid=uid[:255],
        sequence=_sequence(master),
        fields=fields,
        categories=[str(c).strip().lower() for c in _categories(master)],
    )
    rules = master.get("RRULE")
    if isinstance(rules, list):
        rules = rules[0] if len(rules) == 1 else None
        if rules is None:
            raise ValueError("several RRULEs")
    if rules is not None:
        repeat = rule_fields(rules, local_start)
        if repeat is not None:
            fields.update(repeat)
        else:
            event.extra.extend(_expanded_dates(master, local_start, all_day))
    for value in _date_list(master, "RDATE"):
        event.extra.append(local_midnight(value) if _is_date(value) else as_new_york(value))
    event.skipped = sorted({_local_date(value) for value in _date_list(master, "EXDATE")})
    for override in overrides:
        change = _change(override, all_day)
        if change is not None:
            event.changes.append(change)
    event.extra = sorted(set(event.extra))[:MAX_OCCURRENCES]
    event.changes.sort(key=lambda change: change["original_date"])
    return event


def _organizer(component):
    organizer = component.get("ORGANIZER")
    if organizer is None:
        return ""
    return clean_text(str(organizer.params.get("CN", "")))


def _categories(component):
    props = component.get("CATEGORIES")
    if props is None:
        return []
    names = []
    for prop in props if isinstance(props, list) else [props]:
        names.extend(getattr(prop, "cats", []) or [])
    return names


def _change(override, all_day):
    original_date = _local_date(_value(override, "RECURRENCE-ID"))
    if str(override.get("STATUS", "")).upper() == "CANCELLED":
        return {"original_date": original_date, "cancelled": True}
    starts_at, ends_at, _all_day = _when(override)
    return {
        "original_date": original_date,
        "cancelled": False,
        "starts_at": starts_at,
        "ends_at": None if all_day else ends_at,
    }


# Writing event pages

OWNED_FIELDS = [
    "title",
    "summary",
    "description",
    "starts_at",
    "ends_at",
    "all_day",
    "cancelled",
    "registration_url",
    "organizer",
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_monthly",
    "repeat_until",
    "repeat_count",
    "venue_name",
    "address",
    "is_virtual",
    "online_url",
    "borough",
]


def owned_values_hash(page):
    """A fingerprint of everything the import writes on a page, to see whether an editor
    changed it since."""

    def plain(value):
        if isinstance(value, datetime):
            return value.astimezone(UTC).isoformat()
        return value

    data = {name: plain(getattr(page, name)) for name in OWNED_FIELDS}
    data["skipped"] = sorted(str(item.date) for item in page.skipped_dates.all())
    data["extra"] = sorted(plain(item.starts_at) for item in page.extra_dates.all())
    data["changes"] = sorted(
        [str(c.original_date), c.cancelled, plain(c.starts_at), plain(c.ends_at)]
        for c in page.occurrence_changes.all()
    )
    return hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()


@dataclass
class ImportTarget:
    """Where a calendar's events go and how: the English event listing, a key naming the
    source (to find events that left it), and defaults."""

    index: object
    source: str
    default_borough: str = ""
    default_audience: str = "family"
    publish: bool = True
    organizer: str = ""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unpublished: int = 0
    flagged: int = 0


class CalendarImporter:
    def __init__(self, target):
        self.target = target
        self.result = ImportResult()
        self.age_slugs = self._age_slugs()

    def _age_slugs(self):
        slugs = {}
        for slug, name in AgeStage.objects.filter(locale=Locale.get_default()).values_list(
            "slug", "name"
        ):
            slugs[slug] = slug
            slugs[name.lower()] = slug
        return slugs

    def run(self, data):
        """Apply a calendar's bytes. Raises FeedError, changing nothing, when they are not
        a usable calendar."""
        events, broken = parse_calendar(
            data,
            organizer=self.target.organizer,
            default_borough=self.target.default_borough,
        )
        existing = {
            page.uid: page
            for page in EventPage.objects.descendant_of(self.target.index)
            .filter(locale=self.target.index.locale, alias_of__isnull=True)
            .exclude(uid="")
        }
        from_source = [p for p in existing.values() if p.import_source == self.target.source]
        if not events and not broken and any(page.live for page in from_source):
            raise FeedError("The calendar has no events; the events already imported were kept.")
        with transaction.atomic():
            for event in events:
                self._apply(event, existing.get(event.uid))
            # An event the feed still lists but that could not be read stays as it was.
            seen = {event.uid for event in events} | broken
            for page in from_source:
                if page.uid not in seen and page.live:
                    page.import_missing = True
                    page.unpublish()
                    self.result.unpublished += 1
        return self.result

    def _apply(self, event, page):
        if page is None:
            self._create(event)
            return
        if event.sequence < page.import_sequence:
            self.result.unchanged += 1  # an older copy of the event
            return
        # The latest version, draft or live, is what an editor last saw and saved.
        candidate = page.get_latest_revision_as_object()
        current = owned_values_hash(candidate)
        if page.import_conflict or current != page.import_hash:
            if not page.import_conflict:
                # Remember the editor's version: clearing the flag lets the next import apply.
                EventPage.objects.filter(pk=page.pk).update(
                    import_conflict=True, import_hash=current
                )
            self.result.flagged += 1
            return
        self._fill(candidate, event)
        new_hash = owned_values_hash(candidate)
        reappeared = page.import_missing and self.target.publish
        if new_hash == page.import_hash and not reappeared:
            if event.sequence != page.import_sequence:
                EventPage.objects.filter(pk=page.pk).update(import_sequence=event.sequence)
            self.result.unchanged += 1
            return
        candidate.import_hash = new_hash
        candidate.import_sequence = event.sequence
        candidate.import_missing = False
        revision = candidate.save_revision()
        if page.live or reappeared:
            revision.publish()
        self.result.updated += 1

    def _create(self, event):
        page = EventPage(
            uid=event.uid,
            slug=self._slug(event),
            audience=self.target.default_audience,
            import_source=self.target.source,
            import_sequence=event.sequence,
            is_free="free" in event.categories,
            age_stage_slugs=",".join(
                sorted({self.age_slugs[c] for c in event.categories if c in self.age_slugs})
            ),
            live=False,
        )
        self._fill(page, event)
        page.import_hash = owned_values_hash(page)
        self.target.index.add_child(instance=page)
        revision = page.save_revision()
        if self.target.publish:
            revision.publish()
        self.result.created += 1

    @staticmethod
    def _slug(event):
        # The UID's hash keeps slugs unique and stable when partners reuse a title.
        base = slugify(event.fields["title"])[:60] or "event"
        return f"{base}-{hashlib.sha1(event.uid.encode()).hexdigest()[:6]}"

    @staticmethod
    def _fill(page, event):
        for name, value in event.fields.items():
            setattr(page, name, value)
        page.draft_title = page.title
        page.skipped_dates = [SkippedDate(date=day) for day in event.skipped]
        page.extra_dates = [ExtraDate(starts_at=moment) for moment in event.extra]
        page.occurrence_changes = [OccurrenceChangeRecord(**change) for change in event.changes]
        page._normalise_all_day()


def import_calendar(data, target, feed=None):
    """Import calendar bytes (or a FeedError raised while getting them) and record the run.
    Returns the ImportRun."""
    run = ImportRun(feed=feed, source=target.source)
    try:
        if isinstance(data, Exception):
            raise data
        result = CalendarImporter(target).run(data)
    except FeedError as error:
        run.message = str(error)
    except Exception as error:
        # Whatever went wrong was rolled back; the run is reported rather than lost.
        logger.exception("Calendar import from %s failed", target.source)
        run.message = f"The import failed and changed nothing: {error}"
    else:
        run.succeeded = True
        for name in ("created", "updated", "unchanged", "unpublished", "flagged"):
            setattr(run, name, getattr(result, name))
    run.finished_at = timezone.now()
    run.save()
    return run


def import_feed(feed):
    """Download and import one partner calendar (a CalendarFeed)."""
    target = ImportTarget(
        index=feed.event_index,
        source=feed.source_key,
        default_borough=feed.default_borough,
        default_audience=feed.default_audience,
        publish=feed.publish,
        organizer=feed.name,
    )
    try:
        data = download(feed.url)
    except FeedError as error:
        data = error
    return import_calendar(data, target, feed=feed)
