"""Partner calendars in: an iCalendar feed (Google, Outlook, Thunderbird, library and parks
systems) kept in step with event pages under one site's event listing.

- Each run is on record from its start; a run that never finished is marked failed by the next.
- The calendar is downloaded by client.py and read by reading.py in a child process with a
  time and memory budget, so no calendar can take the worker down; one that needs more is
  refused, changing nothing.
- Events are matched by their calendar's UID within their feed and updated in place; an older
  SEQUENCE never overwrites a newer one. A UID another feed (or an editor's event) already
  uses on the site is not taken over: the event is skipped and the clash reported.
- Series keep their shape: RRULE, RDATE, EXDATE and RECURRENCE-ID overrides become the editor's
  repeat fields, extra dates, skipped dates and changes to one date. A rule the editor's fields
  cannot express is expanded (two years ahead, 500 dates at most) into extra dates.
- Each event is checked as the event page checks it and written in its own transaction: a bad
  one is skipped and reported, and the others are imported.
- New events get untranslated copies in every language, as editors' new pages do.
- Events that leave the feed are unpublished, never deleted.
- An editor's change to an imported event is kept: the event is flagged and the partner's
  change is not applied until an editor clears the flag.
- A feed that cannot be downloaded or read, is too large, or suddenly has no events leaves
  every event as it was, and the run is reported as failed.
"""

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from cms.core.models import AgeStage
from cms.core.slugs import slug_from
from cms.events.client import FeedError, download
from cms.events.models import (
    EventPage,
    ExtraDate,
    ImportRun,
    OccurrenceChangeRecord,
    SkippedDate,
)
from cms.events.reading import not_imported, read_calendar

logger = logging.getLogger(__name__)

# A run still marked running after this long was stopped (the worker was killed or restarted).
STALE_AFTER = timedelta(hours=1)
STOPPED = (
    "The import stopped before it finished (the worker was stopped or restarted); "
    "events it had imported by then were kept."
)


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
    "organizer_email",
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
    source (its events are matched by UID within it), and defaults."""

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
    skipped: int = 0
    problems: list = field(default_factory=list)


def check_event(page):
    """Raise ValidationError for what the event page would refuse in the fields the import
    writes, as the page's own checks say it (without the tree, which a new page lacks)."""
    errors = {}
    unchecked = [f.name for f in EventPage._meta.fields if f.name not in OWNED_FIELDS]
    try:
        page.clean_fields(exclude=unchecked)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for name, message in page.event_errors().items():
        errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


def _reasons(error):
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "; ".join(
        f"{_label(name)}: {' '.join(messages)}" for name, messages in error.message_dict.items()
    )


def _label(name):
    try:
        return str(EventPage._meta.get_field(name).verbose_name)
    except Exception:  # "__all__" and names that are no field
        return name


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
        calendar = read_calendar(
            data,
            organizer=self.target.organizer,
            default_borough=self.target.default_borough,
            source=self.target.source,
        )
        self.result.problems.extend(calendar.notes)
        skipped = dict(calendar.unreadable)
        events = calendar.events
        on_listing = EventPage.objects.descendant_of(self.target.index).filter(
            locale=self.target.index.locale, alias_of__isnull=True
        )
        own = {page.uid: page for page in on_listing.filter(import_source=self.target.source)}
        # Calendar IDs the listing's other events already use: another feed's, or editors'.
        taken = dict(
            on_listing.exclude(import_source=self.target.source)
            .exclude(uid="")
            .values_list("uid", "title")
        )
        if not events and not skipped and any(page.live for page in own.values()):
            raise FeedError("The calendar has no events; the events already imported were kept.")
        for event in events:
            title = event.fields["title"]
            if event.uid in taken and event.uid not in own:
                skipped[event.uid] = not_imported(
                    title, event.uid, f"its calendar ID is already used by {taken[event.uid]}"
                )
                continue
            try:
                with transaction.atomic():
                    self._apply(event, own.get(event.uid))
            except (ValidationError, DataError, IntegrityError) as error:
                skipped[event.uid] = not_imported(title, event.uid, _reasons(error))
                continue
            self.result.problems.extend(f"{title} ({event.uid}): {note}." for note in event.notes)
        self.result.skipped = len(skipped)
        self.result.problems.extend(skipped.values())
        # An event the feed still lists but that could not be imported stays as it was.
        seen = {event.uid for event in events} | set(skipped)
        with transaction.atomic():
            for page in own.values():
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
        check_event(candidate)
        new_hash = owned_values_hash(candidate)
        reappeared = page.import_missing and self.target.publish
        if new_hash == page.import_hash and not reappeared:
            if event.sequence != page.import_sequence:
                EventPage.objects.filter(pk=page.pk).update(import_sequence=event.sequence)
            self.result.unchanged += 1
            self._give_copies(page)
            return
        candidate.import_hash = new_hash
        candidate.import_sequence = event.sequence
        candidate.import_missing = False
        revision = candidate.save_revision()
        if page.live or reappeared:
            revision.publish()
        else:
            # A draft's revision is not copied to its page: what the next run compares with
            # must be written there, or it would take this run's values for an editor's.
            EventPage.objects.filter(pk=page.pk).update(
                import_hash=new_hash, import_sequence=event.sequence, import_missing=False
            )
        self._give_copies(page)
        self.result.updated += 1

    def _create(self, event):
        page = EventPage(
            uid=event.uid,
            slug=self._slug(event),
            audience=self.target.default_audience,
            import_source=self.target.source,
            import_sequence=event.sequence,
            is_free="free" in event.categories,
            age_stage_slugs=sorted(
                {self.age_slugs[c] for c in event.categories if c in self.age_slugs}
            ),
            live=False,
        )
        self._fill(page, event)
        check_event(page)
        page.import_hash = owned_values_hash(page)
        self.target.index.add_child(instance=page)
        revision = page.save_revision()
        if self.target.publish:
            revision.publish()
        self._give_copies(page)
        self.result.created += 1

    @staticmethod
    def _give_copies(page):
        """Untranslated copies in every language English is kept in step with, as wagtail-
        localize gives an editor's new page; also for events imported before it did."""
        others = EventPage.objects.filter(translation_key=page.translation_key)
        if not others.exclude(pk=page.pk).exists():
            # As published: the copies take their content and live state from the page.
            create_aliases_for_new_page(EventPage.objects.get(pk=page.pk))

    @staticmethod
    def _slug(event):
        # The UID's hash keeps slugs unique and stable when partners reuse a title.
        base = slug_from(event.fields["title"], key=event.uid, prefix="event", max_length=60)
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


def mark_stopped_runs(now=None):
    """Mark runs that have said "running" for longer than any run takes as failed: their
    worker was stopped. Returns how many."""
    now = now or timezone.now()
    return ImportRun.objects.filter(
        finished_at__isnull=True, started_at__lt=now - STALE_AFTER
    ).update(finished_at=now, message=STOPPED)


def import_calendar(data, target, feed=None):
    """Import calendar bytes (or a FeedError raised while getting them) and record the run,
    which is on record (as running) from the start. Returns the ImportRun."""
    mark_stopped_runs()
    running = ImportRun.objects.filter(source=target.source, finished_at__isnull=True).first()
    run = ImportRun.objects.create(feed=feed, source=target.source)
    try:
        if isinstance(data, Exception):
            raise data
        if running is not None:
            raise FeedError(
                "Another import of this calendar is still running (it started at "
                f"{timezone.localtime(running.started_at):%Y-%m-%d %H:%M}); this one did nothing."
            )
        result = CalendarImporter(target).run(data)
    except FeedError as error:
        run.message = str(error)
    except Exception as error:
        # The event being written was rolled back; those written before it were kept.
        logger.exception("Calendar import from %s failed", target.source)
        run.message = (
            f"The import stopped at an error; events imported before it were kept: {error}"
        )
    else:
        run.succeeded = True
        for name in ("created", "updated", "unchanged", "unpublished", "flagged", "skipped"):
            setattr(run, name, getattr(result, name))
        run.problems = result.problems[: ImportRun.MAX_PROBLEMS]
        if len(result.problems) > ImportRun.MAX_PROBLEMS:
            run.problems.append(f"… and {len(result.problems) - ImportRun.MAX_PROBLEMS} more.")
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
