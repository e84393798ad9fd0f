"""Dates of events for listings, cards and other apps: the series expanded (two years ahead,
500 dates per event at most) and kept in EventOccurrence rows, filtered in the database."""

from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.core.age_stages import age_stage_filter
from cms.events.models import EventOccurrence, EventPage
from cms.events.recurrence import HORIZON, KEEP_PAST


def occurrence_rows(event):
    """Unsaved EventOccurrence rows for an English event page's schedule."""
    now = timezone.now()
    occurrences = event.schedule.occurrences(window_start=now - KEEP_PAST, window_end=now + HORIZON)
    return [
        EventOccurrence(
            event_id=event.pk,
            start=occurrence.start,
            end=occurrence.end or occurrence.start,
            has_end=occurrence.end is not None,
            all_day=occurrence.all_day,
            cancelled=occurrence.cancelled or event.cancelled,
            moved=occurrence.moved,
            note=occurrence.note,
        )
        for occurrence in occurrences
    ]


# What a stored date says; a row that says the same is left alone.
OCCURRENCE_FIELDS = ("start", "end", "has_end", "all_day", "cancelled", "moved", "note")


def refresh_occurrences(event):
    """Bring the stored dates of one English event page in line with its schedule, touching
    only the dates that changed: a save that keeps the schedule changes no row, so nothing
    that shows the event's dates is rebuilt."""
    wanted = {
        tuple(getattr(row, name) for name in OCCURRENCE_FIELDS): row
        for row in occurrence_rows(event)
    }
    with transaction.atomic():
        stored = EventOccurrence.objects.filter(event_id=event.pk)
        kept, stale = set(), []
        for pk, *values in stored.values_list("pk", *OCCURRENCE_FIELDS):
            key = tuple(values)
            if key in wanted and key not in kept:
                kept.add(key)
            else:
                stale.append(pk)
        if stale:
            EventOccurrence.objects.filter(pk__in=stale).delete()
        EventOccurrence.objects.bulk_create([row for key, row in wanted.items() if key not in kept])


def refresh_all_occurrences():
    """Move every event's two-year window on to today. Returns the number of events."""
    events = EventPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    count = 0
    for event in events.prefetch_related("skipped_dates", "extra_dates", "occurrence_changes"):
        refresh_occurrences(event)
        count += 1
    return count


def event_filter(
    prefix="", *, age_stage=None, borough=None, audience=None, free=None, virtual=None
):
    """A Q for the event fields the listings and feeds filter on."""
    conditions = models.Q()
    if age_stage:
        conditions &= age_stage_filter(f"{prefix}age_stage_slugs", age_stage)
    if borough:
        conditions &= models.Q(**{f"{prefix}borough": borough})
    if audience:
        conditions &= models.Q(**{f"{prefix}audience": audience})
    if free is not None:
        conditions &= models.Q(**{f"{prefix}is_free": free})
    if virtual is not None:
        conditions &= models.Q(**{f"{prefix}is_virtual": virtual})
    return conditions


def occurrence_queryset(root, *, start=None, end=None, **filters):
    """Dates of live English events under `root` (a site's home or an event listing) that are
    on between `start` (default now) and `end` (default two years on), soonest first.
    `filters`: age_stage, borough, audience, free, virtual."""
    start = start or timezone.now()
    end = end or start + HORIZON
    # Events first, then their dates: a join per date would make counting slow.
    events = (
        EventPage.objects.filter(live=True, path__startswith=root.path, depth__gt=root.depth)
        .filter(event_filter("", **filters))
        .values("pk")
    )
    return (
        EventOccurrence.objects.filter(
            event_id__in=models.Subquery(events), end__gt=start, start__lt=end
        )
        .select_related("event")
        .order_by("start", "pk")
    )


def in_language(occurrences, locale):
    """Give each occurrence the event page in `locale` (its translation, or the untranslated
    copy that mirrors English), falling back to the English page."""
    occurrences = list(occurrences)
    if not occurrences or locale is None or locale.id == occurrences[0].event.locale_id:
        return occurrences
    keys = {occurrence.event.translation_key for occurrence in occurrences}
    translated = {
        page.translation_key: page
        for page in EventPage.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    for occurrence in occurrences:
        page = translated.get(occurrence.event.translation_key)
        if page is not None:
            occurrence.event = page
    return occurrences


def upcoming_occurrences(
    site,
    locale,
    *,
    age_stage=None,
    borough=None,
    audience=None,
    start=None,
    end=None,
    free=None,
    virtual=None,
    limit=None,
):
    """Upcoming dates of a site's events, soonest first, each with `.event` (the EventPage in
    `locale` when it exists there, else English), `.start`, `.end`, `.all_day` and `.cancelled`.
    `age_stage` and `borough` are slugs; `audience` is "family" or "youth"; `free` and
    `virtual` filter when True or False."""
    queryset = occurrence_queryset(
        english_page(site.root_page),
        start=start,
        end=end,
        age_stage=age_stage,
        borough=borough,
        audience=audience,
        free=free,
        virtual=virtual,
    )
    if limit:
        queryset = queryset[:limit]
    return in_language(queryset, locale)


def english_page(page):
    """The English page that holds the dates under `page` (translations and untranslated
    copies follow English)."""
    if page.alias_of_id:
        page = page.alias_of.specific
    default = Locale.get_default()
    if page.locale_id != default.id:
        page = page.get_translation_or_none(default) or page
    return page
