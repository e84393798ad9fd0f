"""How an event repeats, in plain words in the reader's language: "Every Wednesday, 10 to
11 am", "Every Monday and Thursday, 3:30 to 5 pm", "Every month on the first Saturday". Cards
show it beside the next date, so a weekly series is one card instead of one per week.

Times follow the language's Django time format: a 24-hour clock where the language uses one
("de 15:30 a 17:00"), else hours with "am" or "pm" said once when both times share it. Weekday
names come from this module's own strings, since languages inflect them after "every"."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cms.events.recurrence import DAILY, LAST_WEEKDAY, MONTHLY, SAME_WEEKDAY, WEEKLY

# The 12-hour clock's format characters in Django's time formats.
_TWELVE_HOUR = frozenset("fghP")


def _every_weekday(code):
    """A weekday as it follows "every" (Spanish "sábados", Arabic "سبت")."""
    return {
        "MO": pgettext("after every", "Monday"),
        "TU": pgettext("after every", "Tuesday"),
        "WE": pgettext("after every", "Wednesday"),
        "TH": pgettext("after every", "Thursday"),
        "FR": pgettext("after every", "Friday"),
        "SA": pgettext("after every", "Saturday"),
        "SU": pgettext("after every", "Sunday"),
    }[code]


def _nth_weekday(code):
    """A weekday as it follows "the first" in "the first Saturday of the month"."""
    return {
        "MO": pgettext("the first or last of the month", "Monday"),
        "TU": pgettext("the first or last of the month", "Tuesday"),
        "WE": pgettext("the first or last of the month", "Wednesday"),
        "TH": pgettext("the first or last of the month", "Thursday"),
        "FR": pgettext("the first or last of the month", "Friday"),
        "SA": pgettext("the first or last of the month", "Saturday"),
        "SU": pgettext("the first or last of the month", "Sunday"),
    }[code]


def _nth(number):
    """ "first" to "fifth" for 1 to 5, "last" for -1."""
    return {
        1: pgettext("weekday of the month", "first"),
        2: pgettext("weekday of the month", "second"),
        3: pgettext("weekday of the month", "third"),
        4: pgettext("weekday of the month", "fourth"),
        5: pgettext("weekday of the month", "fifth"),
        -1: pgettext("weekday of the month", "last"),
    }[number]


def _in_a_list(words):
    """ "Monday, Wednesday and Friday"."""
    if len(words) == 1:
        return words[0]
    separator = pgettext("between the items of a list", ", ")
    return _("%(items)s and %(last)s") % {"items": separator.join(words[:-1]), "last": words[-1]}


def _days(schedule):
    parts = schedule.rule_parts()
    if schedule.repeat == WEEKLY:
        return {"days": _in_a_list([_every_weekday(code) for code in parts["BYDAY"]])}
    if schedule.monthly in (SAME_WEEKDAY, LAST_WEEKDAY):
        code = parts["BYDAY"][0]
        return {"nth": _nth(int(code[:-2])), "weekday": _nth_weekday(code[-2:])}
    # A Django date format for the day of the month: "14th" in English.
    return {"day": formats.date_format(schedule.local_start, pgettext("day of the month", "jS"))}


def _repeats(schedule):
    count = schedule.interval
    words = _days(schedule)
    if schedule.repeat == DAILY:
        if count == 1:
            return _("Every day")
        phrase = ngettext("Every %(count)s day", "Every %(count)s days", count)
    elif schedule.repeat == WEEKLY:
        if count == 1:
            return _("Every %(days)s") % words
        phrase = ngettext(
            "Every %(count)s week on %(days)s", "Every %(count)s weeks on %(days)s", count
        )
    elif "nth" in words:
        if count == 1:
            return _("Every month on the %(nth)s %(weekday)s") % words
        phrase = ngettext(
            "Every %(count)s month on the %(nth)s %(weekday)s",
            "Every %(count)s months on the %(nth)s %(weekday)s",
            count,
        )
    else:
        if count == 1:
            return _("Every month on the %(day)s") % words
        phrase = ngettext(
            "Every %(count)s month on the %(day)s", "Every %(count)s months on the %(day)s", count
        )
    return phrase % {"count": count, **words}


def _twelve_hour():
    return bool(set(formats.get_format("TIME_FORMAT")) & _TWELVE_HOUR)


def _meridiem(moment):
    return pgettext("before noon", "am") if moment.hour < 12 else pgettext("after noon", "pm")


def _clock(moment, with_meridiem=True):
    """A time of day: Django's time format for the language on a 24-hour clock, else its
    hours ("3:30", "10") with "am" or "pm"."""
    if not _twelve_hour():
        return formats.time_format(moment, "TIME_FORMAT")
    # A Django time format for the hours: "f" gives "3:30", and "10" for 10:00.
    hours = formats.time_format(moment, pgettext("hours on a 12-hour clock", "f"))
    if not with_meridiem:
        return hours
    return _("%(time)s %(meridiem)s") % {"time": hours, "meridiem": _meridiem(moment)}


def _times(schedule):
    """ "10 to 11 am", "9 am to 2:30 pm", "6 pm"; "" for an all-day event."""
    if schedule.all_day:
        return ""
    start = schedule.local_start
    end = start + schedule.duration if schedule.duration else None
    if end is None or end == start or end.date() != start.date():
        return _clock(start)
    if _twelve_hour() and _meridiem(start) == _meridiem(end):
        return pgettext("times of day", "%(start)s to %(end)s %(meridiem)s") % {
            "start": _clock(start, with_meridiem=False),
            "end": _clock(end, with_meridiem=False),
            "meridiem": _meridiem(end),
        }
    return pgettext("times of day", "%(start)s to %(end)s") % {
        "start": _clock(start),
        "end": _clock(end),
    }


def pattern_in_words(schedule):
    """How a schedule repeats, in plain words in the active language, with its times: "Every
    Wednesday, 10 to 11 am". "" for an event that does not repeat by a rule (one date, or dates
    given one by one)."""
    if schedule.repeat not in (DAILY, WEEKLY, MONTHLY):
        return ""
    times = _times(schedule)
    repeats = _repeats(schedule)
    return _("%(repeats)s, %(times)s") % {"repeats": repeats, "times": times} if times else repeats
