"""Events at scale: 1,000 more events (300 of them repeating) on Growing Up NYC, then the
server render of the events listing and the generation of the site's calendar feed; and the
calendars a security review fed the importer, each imported in a process of its own so that
its peak memory is its own.
Targets: listing < 150 ms, feed < 500 ms, each hostile calendar < 10 s and < 500 MB."""

import multiprocessing
import random
import resource
import statistics
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock_time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.core.models import BOROUGHS
from cms.core.sites import site_for_key
from cms.events.feeds import event_index
from cms.events.ics import event_entry
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import EventOccurrence, EventPage
from cms.events.recurrence import NEW_YORK, WEEKDAY_CODES
from tests.events.factories import HOSTILE_CALENDARS

EVENTS = 1000
RECURRING = 300
AGES = ["baby", "toddler", "preschooler", "grade-schooler", "preteen", "teen"]


def create_events(index):
    """Insert the events straight into the page tree: one row in Wagtail's page table and one
    in the event table each, with tree paths computed here, instead of 1,000 page saves."""
    rng = random.Random(5)
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(EventPage)
    last = index.get_last_child()
    step = (int(last.path[-EventPage.steplen :], 36) if last else 0) + 1
    today = timezone.localtime(timezone.now(), NEW_YORK).date()
    now = timezone.now()
    events = []
    for number in range(EVENTS):
        day = today + timedelta(days=rng.randrange(1, 90))
        starts_at = datetime.combine(day, clock_time(rng.randrange(8, 19))).replace(tzinfo=NEW_YORK)
        slug = f"benchmark-event-{number}"
        recurring = number < RECURRING
        event = EventPage(
            title=f"Benchmark event {number}",
            draft_title=f"Benchmark event {number}",
            slug=slug,
            path=EventPage._get_path(index.path, index.depth + 1, step + number),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            content_type=content_type,
            locale=locale,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
            summary="A sample event made for the benchmark.",
            description="<p>A sample event made for the benchmark.</p>",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            borough=rng.choice(BOROUGHS)[0],
            age_stage_slugs=",".join(rng.sample(AGES, 2)),
            is_free=rng.random() < 0.6,
            venue_name="Sample venue",
            address="1 Sample Street, New York, NY",
            repeat="weekly" if recurring else "",
            repeat_weekdays=WEEKDAY_CODES[day.weekday()] if recurring else "",
            # No skipped or extra dates: said here, so that reading the schedule needs no query.
            skipped_dates=[],
            extra_dates=[],
            occurrence_changes=[],
        )
        event.uid = str(event.translation_key)
        events.append(event)
    with transaction.atomic():
        pages = Page.objects.bulk_create(events)
        occurrences = []
        for event, page in zip(events, pages, strict=True):
            event.page_ptr_id = event.id = page.id
            # What saving a page does, without Wagtail's page save: the event table's row,
            # its dates and its calendar entry.
            event.calendar_entry = event_entry(event)
            event.save_base(raw=True)
            occurrences.extend(EventOccurrence.rows_for(event))
        EventOccurrence.objects.bulk_create(occurrences)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + EVENTS)


def timed(client, host, path, rounds):
    client.get(path, HTTP_HOST=host)  # warm the caches
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(timings), response


def import_hostile(sender, index, name):
    """In a child process: import one hostile calendar and send back what it took."""
    data = HOSTILE_CALENDARS[name]()
    target = ImportTarget(index=index, source=f"benchmark:{name}")
    started = time.perf_counter()
    result = import_calendar(data, target)
    seconds = time.perf_counter() - started
    # Linux gives kilobytes: this process's peak, and that of the process that read the calendar.
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    outcome = f"{result.skipped} skipped" if result.succeeded else "refused"
    sender.send((seconds, peak / 1024, outcome))
    sender.close()


def hostile_calendars(report, index):
    # The child opens its own database connection; a shared one would be used by both.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    worst_time = worst_memory = 0
    for name in HOSTILE_CALENDARS:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=import_hostile, args=(sender, index, name))
        child.start()
        sender.close()
        seconds, megabytes, outcome = receiver.recv()
        child.join()
        report(f"import {name} ({outcome})", seconds, "s", "< 10 s")
        worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, megabytes)
    report("hostile calendars: worst import time", worst_time, "s", "< 10 s")
    report("hostile calendars: peak memory of an import", worst_memory, "MB", "< 500 MB")


def run(report):
    site = site_for_key("growingup")
    index = event_index(site)
    hostile_calendars(report, index)
    started = time.perf_counter()
    create_events(index)
    report(f"create {EVENTS} events ({RECURRING} weekly)", time.perf_counter() - started, "s")

    client = Client()
    host = settings.SITE_HOSTS["growingup"]
    listing, _response = timed(client, host, "/events/", 20)
    report("events listing, first page: median render", listing, "ms", "< 150 ms")
    filtered, _response = timed(client, host, "/events/?borough=bronx&age=toddler&free=on", 20)
    report("events listing, three filters: median render", filtered, "ms", "< 150 ms")
    later, _response = timed(client, host, "/events/page/20/", 20)
    report("events listing, page 20: median render", later, "ms", "< 150 ms")
    feed, response = timed(client, host, "/events/feed.ics", 5)
    report(
        f"site feed ({response.content.count(b'BEGIN:VEVENT')} VEVENTs): median generation",
        feed,
        "ms",
        "< 500 ms",
    )
