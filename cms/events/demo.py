"""Demo events for both sites: an event listing under each home and sample events in all five
boroughs (weekly and monthly series, a skipped date, a cancelled and a moved date, all-day and
multi-day events, online events), plus a partner library's calendar imported from a file.
Dates count from the day the demo is loaded. The events are samples; the places are real."""

from datetime import datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from cms.core import demo
from cms.core.demo_data import read_toml, translations, translations_by_name
from cms.core.sites import find_site
from cms.events.client import read_file
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import EventIndexPage, EventPage, OccurrenceChangeRecord, SkippedDate
from cms.events.recurrence import NEW_YORK, WEEKDAY_CODES

PARTNER_FEED = Path(__file__).parent / "fixtures" / "partner-library.ics"
PARTNER_SOURCE = "file:partner-library.ics"

DATA = Path(__file__).parent / "demo_data"
_EVENTS_DATA = read_toml(DATA / "events.toml")
_PLACES = _EVENTS_DATA["place"]

# Each site's event listing, with its translations.
INDEXES = {
    site_key: {**fields, "translations": translations(DATA, f"events page {site_key}")}
    for site_key, fields in _EVENTS_DATA["index"].items()
}


def _place(place):
    """(name, address) of an event's place: a key of [place], or its own name and address."""
    if isinstance(place, str):
        place = _PLACES[place]
    return place["name"], place["address"]


# Each event: the named fields of one [[event]], its place as (name, address) or None for
# online; see demo_data/events.toml.
EVENTS = [
    {**event, "place": _place(event["place"]) if "place" in event else None}
    for event in _EVENTS_DATA["event"]
]

EVENT_TRANSLATIONS = translations_by_name(DATA, "event ")


def _first_date(offset, weekday=None):
    day = timezone.localtime(timezone.now(), NEW_YORK).date() + timedelta(days=offset)
    if weekday:
        while WEEKDAY_CODES[day.weekday()] != weekday:
            day += timedelta(days=1)
    return day


def event_fields(row):
    """EventPage keyword arguments for one row of EVENTS; its optional fields are in `extra`."""
    slug, title, summary, place, borough, ages, free = (
        row[name] for name in ("slug", "title", "summary", "place", "borough", "ages", "free")
    )
    offset, hour, minutes, extra = row["day"], row["hour"], row["minutes"], row
    weekdays = extra.get("repeat_weekdays", [])
    day = _first_date(offset, extra.get("weekday") or (weekdays[0] if weekdays else None))
    starts_at = datetime.combine(day, time(hour)).replace(tzinfo=NEW_YORK)
    fields = {
        "title": title,
        "summary": summary,
        "description": f"<p>{summary}</p>",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=minutes) if minutes else None,
        "borough": borough,
        "age_stage_slugs": ages,
        "is_free": free,
        # Free or not is the `free` flag; the cost is a note beside it.
        "cost": extra.get("cost", ""),
        "audience": extra.get("audience", "family"),
        "accessibility": extra.get("accessibility", "unknown"),
        "organizer": place[0] if place else "NYC sample organizer",
    }
    if place:
        fields["venue_name"], fields["address"] = place
    if extra.get("online_url"):
        fields.update(is_virtual=True, online_url=extra["online_url"])
    if extra.get("all_day"):
        last = day + timedelta(days=extra.get("days", 1) - 1)
        fields.update(all_day=True, ends_at=datetime.combine(last, time()).replace(tzinfo=NEW_YORK))
    elif extra.get("days"):
        fields["ends_at"] = starts_at + timedelta(days=extra["days"] - 1, minutes=minutes)
    if extra.get("repeat"):
        fields["repeat"] = extra["repeat"]
        fields["repeat_weekdays"] = ",".join(
            weekdays or ([extra["weekday"]] if "weekday" in extra else [])
        )
        fields["repeat_monthly"] = extra.get("repeat_monthly", "date")
        fields["repeat_count"] = extra.get("repeat_count")
        if "repeat_until_days" in extra:
            fields["repeat_until"] = day + timedelta(days=extra["repeat_until_days"])
    fields["skipped_dates"] = [
        SkippedDate(date=day + timedelta(days=n)) for n in extra.get("skip", [])
    ]
    changes = [
        OccurrenceChangeRecord(
            original_date=day + timedelta(days=n), cancelled=True, note="Cancelled for a holiday"
        )
        for n in extra.get("cancel", [])
    ]
    changes += [
        OccurrenceChangeRecord(
            original_date=day + timedelta(days=n),
            starts_at=starts_at + timedelta(days=n, hours=2),
            note="Starts two hours later this time",
        )
        for n in extra.get("move", [])
    ]
    fields["occurrence_changes"] = changes
    return slug, fields


def load(report):
    indexes = {}
    for site_key, content in INDEXES.items():
        site = find_site(site_key)
        if site is None:
            continue
        index, created = demo.ensure_child_page(
            site.root_page.specific,
            EventIndexPage,
            slug="events",
            title=content["title"],
            summary=content["summary"],
            intro=content["intro"],
            show_in_menus=True,
        )
        if created:
            report(f"Events: listing created on {site.site_name}")
        for code, strings in content["translations"].items():
            demo.ensure_translation(index, code, strings)
        indexes[site_key] = index
    created = 0
    for row in EVENTS:
        index = indexes.get(row["site"])
        if index is None:
            continue
        slug, fields = event_fields(row)
        event, was_created = demo.ensure_child_page(index, EventPage, slug=slug, **fields)
        created += was_created
        for code, strings in EVENT_TRANSLATIONS.get(slug, {}).items():
            demo.ensure_translation(event, code, strings)
    if created:
        report(f"Events: {created} sample events created")
    if (
        "growingup" in indexes
        and not EventPage.objects.filter(import_source=PARTNER_SOURCE).exists()
    ):
        run = import_calendar(
            read_file(PARTNER_FEED),
            ImportTarget(
                index=indexes["growingup"],
                source=PARTNER_SOURCE,
                default_borough="manhattan",
                organizer="Sample Neighborhood Library",
            ),
        )
        report(f"Events: partner library calendar imported ({run.summary})")
