"""When an event happens: its schedule as editors set it (start, end, how it repeats, skipped
dates, extra dates, changes to single dates), turned into an iCalendar RRULE and expanded into
occurrences in New York time.

Expansion works on local wall-clock time, so a 10:00 weekly class stays at 10:00 across the
March and November daylight-saving changes, and is bounded whatever the dates say: it starts
near the window it is asked for (a series that began in 1990 does not count its way through
every week since), it is never more than two years ahead nor more than 500 occurrences per
event, and nothing repeats more often than once a day."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.city_time import NEW_YORK

HORIZON = timedelta(days=731)
# Dates kept after they pass, so that a feed still carries an event a subscriber just went to.
KEEP_PAST = timedelta(days=31)
MAX_OCCURRENCES = 500
# Dates a series is looked at past what it shows: skipped dates, dates before the window.
MAX_STEPS = 10 * MAX_OCCURRENCES
# Moved dates may land up to a few days from their original date.
MOVE_MARGIN = timedelta(days=7)
# Events happen between these years; anything else is a typing or export error.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200

DAILY, WEEKLY, MONTHLY = "daily", "weekly", "monthly"
REPEAT_CHOICES = [
    (DAILY, _("Every day")),
    (WEEKLY, _("Every week")),
    (MONTHLY, _("Every month")),
]
SAME_DATE, SAME_WEEKDAY, LAST_WEEKDAY = "date", "weekday", "last-weekday"
MONTHLY_CHOICES = [
    (SAME_DATE, _("On the same date (for example, the 14th)")),
    (SAME_WEEKDAY, _("On the same weekday (for example, the second Tuesday)")),
    (LAST_WEEKDAY, _("On the last weekday of the month (for example, the last Friday)")),
]
WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEKDAY_CODES = [code for code, _label in WEEKDAYS]
_FREQUENCIES = {DAILY: rrule.DAILY, WEEKLY: rrule.WEEKLY, MONTHLY: rrule.MONTHLY}
# The frequencies an iCalendar rule may have here (nothing finer than a day), and one period
# of each as (count, unit).
_RULE_FREQUENCIES = {
    "YEARLY": rrule.YEARLY,
    "MONTHLY": rrule.MONTHLY,
    "WEEKLY": rrule.WEEKLY,
    "DAILY": rrule.DAILY,
}
_RULE_NAMES = {value: name for name, value in _RULE_FREQUENCIES.items()}
_PERIODS = {rrule.YEARLY: (12, "months"), rrule.MONTHLY: (1, "months")}
_PERIODS |= {rrule.WEEKLY: (7, "days"), rrule.DAILY: (1, "days")}
_END_OF_DAY = timedelta(hours=23, minutes=59, seconds=59)


def to_local(moment):
    """An aware datetime as naive New York wall-clock time."""
    return timezone.localtime(moment, NEW_YORK).replace(tzinfo=None)


def from_local(wall_clock):
    """Naive New York wall-clock time as an aware datetime."""
    return wall_clock.replace(tzinfo=NEW_YORK)


@dataclass(frozen=True)
class OccurrenceChange:
    """One date of a series that is cancelled or moved."""

    original_date: date
    cancelled: bool = False
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    note: str = ""


@dataclass
class Schedule:
    """Everything that decides when an event happens. Times are aware; for an all-day event
    only their New York dates count, and `ends_at` is on the last day."""

    starts_at: datetime
    ends_at: datetime | None = None
    all_day: bool = False
    repeat: str = ""
    interval: int = 1
    weekdays: list[str] = field(default_factory=list)
    monthly: str = SAME_DATE
    until: date | None = None
    count: int | None = None
    skipped_dates: list[date] = field(default_factory=list)
    extra_starts: list[datetime] = field(default_factory=list)
    changes: list[OccurrenceChange] = field(default_factory=list)

    @property
    def local_start(self):
        start = to_local(self.starts_at)
        return datetime.combine(start.date(), time()) if self.all_day else start

    @property
    def duration(self):
        """Wall-clock length of one occurrence; None for a timed event with no end."""
        if self.all_day:
            last_day = to_local(self.ends_at).date() if self.ends_at else self.local_start.date()
            return timedelta(days=max((last_day - self.local_start.date()).days, 0) + 1)
        if self.ends_at is None:
            return None
        return max(to_local(self.ends_at) - self.local_start, timedelta())

    def rule_parts(self):
        """The RRULE as iCalendar parts ({"FREQ": "WEEKLY", "BYDAY": ["MO"], ...}), or None.
        UNTIL is a date for all-day events and the end of that day in UTC otherwise, as RFC 5545
        asks when DTSTART has a time zone."""
        if self.repeat not in _FREQUENCIES:
            return None
        start = self.local_start
        parts = {"FREQ": self.repeat.upper()}
        if self.interval and self.interval > 1:
            parts["INTERVAL"] = self.interval
        if self.repeat == WEEKLY:
            days = [code for code in WEEKDAY_CODES if code in self.weekdays]
            parts["BYDAY"] = days or [WEEKDAY_CODES[start.weekday()]]
        elif self.repeat == MONTHLY:
            weekday = WEEKDAY_CODES[start.weekday()]
            if self.monthly == SAME_WEEKDAY:
                parts["BYDAY"] = [f"+{(start.day - 1) // 7 + 1}{weekday}"]
            elif self.monthly == LAST_WEEKDAY:
                parts["BYDAY"] = [f"-1{weekday}"]
            else:
                parts["BYMONTHDAY"] = [start.day]
        if self.count:
            parts["COUNT"] = self.count
        elif self.until:
            if self.all_day:
                parts["UNTIL"] = self.until
            else:
                end_of_day = datetime.combine(self.until, time(23, 59, 59)).replace(tzinfo=NEW_YORK)
                parts["UNTIL"] = end_of_day.astimezone(ZoneInfo("UTC"))
        return parts

    def _dateutil_rule(self, start, after=None):
        parts = self.rule_parts()
        if parts is None:
            return None
        freq = _FREQUENCIES[self.repeat]
        interval = parts.get("INTERVAL", 1)
        kwargs = {"dtstart": start, "interval": interval}
        if "BYDAY" in parts:
            kwargs["byweekday"] = [_weekday(code) for code in parts["BYDAY"]]
        if "BYMONTHDAY" in parts:
            kwargs["bymonthday"] = parts["BYMONTHDAY"]
        if "COUNT" in parts:
            kwargs["count"] = min(parts["COUNT"], MAX_OCCURRENCES)
        else:
            if self.until:
                kwargs["until"] = datetime.combine(self.until, time(23, 59, 59))
            if after is not None:
                kwargs["dtstart"] = skip_ahead(start, freq, interval, after)
        return rrule.rrule(freq, **kwargs)

    def local_starts(self, after=None):
        """Every start as naive New York time, in order, before skipped dates and changes:
        the series from the rule plus the extra dates. Unbounded for an endless rule. With
        `after` (naive New York time), a series without a count begins near it, not at its
        first date; the starts from there on are the same."""
        start = self.local_start
        dates = rrule.rruleset()
        rule = self._dateutil_rule(start, after)
        if rule is not None:
            dates.rrule(rule)
        else:
            dates.rdate(start)
        for extra in self.extra_starts:
            local = to_local(extra)
            dates.rdate(datetime.combine(local.date(), time()) if self.all_day else local)
        return iter(dates)

    def occurrences(self, window_start=None, window_end=None, limit=MAX_OCCURRENCES):
        """Occurrences that end after `window_start` and start before `window_end` (default: from
        now, for two years), at most `limit`, in order. Skipped dates drop out; cancelled dates
        stay in, marked cancelled; moved dates move."""
        window_start = window_start or timezone.now()
        window_end = min(window_end or window_start + HORIZON, timezone.now() + HORIZON)
        local_window_end = to_local(window_end)
        skipped = set(self.skipped_dates)
        changes = {change.original_date: change for change in self.changes}
        duration = self.duration
        # A date that starts this long before the window may still be on in it.
        reach = min(duration or timedelta(), HORIZON) + MOVE_MARGIN + timedelta(days=1)
        starts = self.local_starts(after=to_local(window_start) - reach)
        found = []
        for steps, local_start in enumerate(starts):
            past_end = local_start > local_window_end + MOVE_MARGIN
            if past_end or len(found) >= limit or steps >= MAX_STEPS:
                break
            day = local_start.date()
            if day in skipped:
                continue
            occurrence = self._occurrence(local_start, duration, changes.get(day))
            if occurrence.end_or_start > window_start and occurrence.start < window_end:
                found.append(occurrence)
        return sorted(found, key=lambda occurrence: occurrence.start)

    def _occurrence(self, local_start, duration, change):
        start = from_local(local_start)
        end = from_local(local_start + duration) if duration is not None else None
        occurrence = Occurrence(
            start=start, end=end, all_day=self.all_day, original_start=start, cancelled=False
        )
        if change is None:
            return occurrence
        occurrence.note = change.note
        occurrence.cancelled = change.cancelled
        if change.starts_at and not change.cancelled:
            new_start = to_local(change.starts_at)
            if self.all_day:
                new_start = datetime.combine(new_start.date(), time())
            occurrence.start = from_local(new_start)
            if change.ends_at and not self.all_day:
                occurrence.end = change.ends_at
            elif duration is not None:
                occurrence.end = from_local(new_start + duration)
            occurrence.moved = True
        return occurrence


class OccurrenceDates:
    """How templates show one date of an event: all-day ends are the midnight after the last
    day, so the last day is the day before."""

    @property
    def last_day(self):
        end = timezone.localtime(self.end or self.start, NEW_YORK)
        if self.all_day:
            end -= timedelta(days=1)
        return end.date()

    @property
    def is_multi_day(self):
        return self.last_day > timezone.localtime(self.start, NEW_YORK).date()


@dataclass
class Occurrence(OccurrenceDates):
    """One time an event happens. `end` is None when a timed event gives no end."""

    start: datetime
    end: datetime | None
    all_day: bool
    original_start: datetime
    cancelled: bool
    moved: bool = False
    note: str = ""

    @property
    def end_or_start(self):
        return self.end or self.start

    @property
    def has_end(self):
        return self.end is not None


def skip_ahead(start, freq, interval, target):
    """The last date at or before `target` that is a whole number of a rule's periods
    (`interval` days, weeks, months or years of dateutil frequency `freq`) after `start`, or
    `start` itself. A rule without a count that begins there gives the same dates from
    `target` on, so expanding an old series costs no more than a new one. The rule's own
    BY parts must not depend on the start's day (see `expand_rule`)."""
    if target <= start:
        return start
    size, unit = _PERIODS[freq]
    step = size * max(interval, 1)
    if unit == "days":
        return start + timedelta(days=(target - start).days // step * step)
    # A month short of the target, so that a 31st moved into a shorter month stays before it.
    months = (target.year - start.year) * 12 + target.month - start.month - 1
    return start + relativedelta(months=max(months, 0) // step * step)


def expand_rule(text, start, *, window_start, window_end, limit=MAX_OCCURRENCES):
    """The starts (naive New York time) of an iCalendar RRULE (its value, "FREQ=...") from
    naive `start` that fall between `window_start` and `window_end`, at most `limit`. UNTIL
    counts as the end of its day in New York. Raises ValueError for a rule that repeats more
    often than once a day or does not move on. However old the start and however rare the
    dates the rule asks for, the work is bounded: a rule without a count begins near the
    window, and every rule stops at the window's end."""
    parts = dict(part.split("=", 1) for part in text.upper().split(";") if "=" in part)
    freq = _RULE_FREQUENCIES.get(parts.pop("FREQ", ""))
    if freq is None:
        raise ValueError("it repeats more often than once a day")
    interval = int(parts.get("INTERVAL", 1))
    count = int(parts.pop("COUNT")) if "COUNT" in parts else None
    if interval < 1 or (count is not None and count < 1):
        raise ValueError("its INTERVAL or COUNT is not 1 or more")
    until = window_end
    if "UNTIL" in parts:
        until = min(until, datetime.strptime(parts.pop("UNTIL")[:8], "%Y%m%d") + _END_OF_DAY)
    begin = start
    if count is None:
        # Spell out what dateutil takes from the start's day, so that a later start keeps it.
        parts = _with_start_parts(parts, freq, start)
        begin = skip_ahead(start, freq, interval, window_start)
    rule_text = ";".join([f"FREQ={_RULE_NAMES[freq]}", *(f"{k}={v}" for k, v in parts.items())])
    rule = rrule.rrulestr(rule_text, dtstart=begin).replace(until=until)
    dates = []
    for number, moment in enumerate(rule, start=1):
        if (count is not None and number > count) or len(dates) >= limit:
            break
        if moment >= window_start:
            dates.append(moment)
    return dates


def _with_start_parts(parts, freq, start):
    if parts.keys() & {"BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYEASTER"}:
        return parts
    if freq == rrule.YEARLY:
        return {"BYMONTH": str(start.month), **parts, "BYMONTHDAY": str(start.day)}
    if freq == rrule.MONTHLY:
        return {**parts, "BYMONTHDAY": str(start.day)}
    if freq == rrule.WEEKLY:
        return {**parts, "BYDAY": WEEKDAY_CODES[start.weekday()]}
    return parts


def _weekday(code):
    """dateutil weekday from an iCalendar BYDAY value: "TU", "+2TU", "-1FR"."""
    day = getattr(rrule, code[-2:])
    ordinal = code[:-2]
    return day(int(ordinal)) if ordinal else day
