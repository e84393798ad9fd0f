"""Generated partner calendars: any mix of repeat rules, skipped and extra dates, time zones and
changes to single dates is imported or refused with a clear message, stays within the bounds
on dates, and leaves the event pages working."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.events import reading
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import EventOccurrence, EventPage
from cms.events.reading import MAX_DESCRIPTION
from cms.events.recurrence import MAX_OCCURRENCES
from tests.events.factories import vcalendar, vevent, vtimezone

pytestmark = pytest.mark.django_db

# A clear refusal names the calendar; anything else would be the import failing on its own.
REFUSALS = ("The calendar", "The file")

ZONES = {
    "none": "",
    "sane": vtimezone("Partner Time"),
    "every minute": vtimezone("Partner Time", freq="MINUTELY"),
    "every hour, for a known name": vtimezone("America/Chicago", freq="HOURLY"),
    "Windows name": vtimezone("Eastern Standard Time"),
    "too many yearly dates": vtimezone("Partner Time", freq="YEARLY").replace(
        "BYDAY=1SU", "BYDAY=MO,TU,WE,TH,FR"
    ),
}
STARTS = [
    "DTSTART:{date}T100000",
    "DTSTART:{date}T150000Z",
    "DTSTART;TZID=America/New_York:{date}T100000",
    "DTSTART;TZID=Partner Time:{date}T100000",
    "DTSTART;TZID=Eastern Standard Time:{date}T100000",
    "DTSTART;TZID=Nowhere:{date}T100000",
    "DTSTART;VALUE=DATE:{date}",
]
DATES = ["20270302", "20261231", "20280229", "20270115", "20260601", "19000101", "00010101"]
OUTLANDISH = ["99991231", "22010101"]
FREQUENCIES = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "NEVER"]
RULE_PARTS = [
    "INTERVAL=2",
    "INTERVAL=0",
    "INTERVAL=-1",
    "INTERVAL=40000",
    "COUNT=3",
    "COUNT=0",
    "COUNT=100000",
    "UNTIL=20270401T000000Z",
    "UNTIL=20200101",
    "BYDAY=MO,TU",
    "BYDAY=2SA",
    "BYDAY=-1FR",
    "BYDAY=5MO",
    "BYMONTHDAY=30",
    "BYMONTHDAY=-1",
    "BYMONTH=2",
    "BYSETPOS=2",
    "BYSETPOS=40",
    "BYHOUR=25",
    "BYWEEKNO=53",
    "WKST=SU",
]

rules = st.builds(
    lambda freq, parts: ";".join([f"FREQ={freq}", *parts]),
    st.sampled_from(FREQUENCIES),
    st.lists(st.sampled_from(RULE_PARTS), max_size=3, unique=True),
)
date_lists = st.lists(st.sampled_from(DATES + OUTLANDISH + ["20270309", "20270316"]), max_size=3)
events = st.fixed_dictionaries(
    {
        "start": st.sampled_from(STARTS),
        "date": st.sampled_from(DATES) | st.sampled_from(OUTLANDISH),
        "rule": st.none() | rules,
        "exdates": date_lists,
        "rdates": date_lists,
        "changes": st.lists(
            st.tuples(st.sampled_from(DATES + ["20270309"]), st.booleans()), max_size=2
        ),
        "description": st.sampled_from(["", "Songs\x00 and rhymes", "Stories " * 3000]),
    }
)
calendars = st.tuples(st.sampled_from(sorted(ZONES)), st.lists(events, min_size=1, max_size=2))


def calendar_bytes(zone, generated, number):
    components = [ZONES[zone]] if ZONES[zone] else []
    for index, event in enumerate(generated):
        uid = f"generated-{number}-{index}"
        start = event["start"].format(date=event["date"])
        lines = [f"DESCRIPTION:{event['description']}"] if event["description"] else []
        if event["rule"]:
            lines.append(f"RRULE:{event['rule']}")
        lines += [f"EXDATE;VALUE=DATE:{day}" for day in event["exdates"]]
        lines += [f"RDATE;VALUE=DATE:{day}" for day in event["rdates"]]
        components.append(vevent(uid, *lines, start=start, summary=f"Event {number} {index}"))
        for day, cancelled in event["changes"]:
            change = [f"RECURRENCE-ID;VALUE=DATE:{day}"]
            change.append("STATUS:CANCELLED" if cancelled else "SUMMARY:Moved")
            components.append(vevent(uid, *change, start=f"DTSTART;VALUE=DATE:{day}"))
    return vcalendar(*components)


@pytest.fixture
def import_generated(event_indexes, monkeypatch):
    """Import a generated calendar into Growing Up NYC's listing. Reading one event may take
    a fifth of a second here (a second in production), so rules whose dates never come are
    given up on quickly."""
    monkeypatch.setattr(reading, "EVENT_SECONDS", 0.2)
    target = ImportTarget(index=event_indexes["growingup"], source="feed:generated")
    numbers = itertools.count()

    def run(zone, generated):
        number = next(numbers)
        return number, import_calendar(calendar_bytes(zone, generated, number), target)

    return run


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(calendar=calendars)
def test_generated_calendars_import_within_bounds_and_pages_keep_working(
    import_generated, get, calendar
):
    number, run = import_generated(*calendar)

    assert run.finished_at is not None
    assert run.succeeded or run.message.startswith(REFUSALS), run.message
    pages = EventPage.objects.filter(
        uid__startswith=f"generated-{number}-", alias_of__isnull=True, locale__language_code="en"
    )
    assert pages.count() + run.skipped == (len(calendar[1]) if run.succeeded else 0)
    for page in pages:
        assert EventOccurrence.objects.filter(event=page).count() <= MAX_OCCURRENCES
        assert page.extra_dates.count() <= MAX_OCCURRENCES
        assert page.skipped_dates.count() <= MAX_OCCURRENCES
        assert len(page.description) <= MAX_DESCRIPTION + 100
        assert "\x00" not in page.description
        assert get("growingup", f"/events/{page.slug}/").status_code == 200
        assert get("growingup", f"/events/{page.slug}/event.ics").status_code == 200
    assert get("growingup", "/events/").status_code == 200
