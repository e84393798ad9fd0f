"""Events' periodic work: partner calendars imported every few hours, and each series'
two-year window moved on every day."""

from datetime import timedelta

from django_tasks import task

from cms.core.schedule import scheduled
from cms.events.importer import import_feed, mark_stopped_runs
from cms.events.models import CalendarFeed, EventPage


@scheduled(every=timedelta(hours=3))
@task()
def import_partner_calendars():
    # Runs a stopped worker left "running" are failed, even for a feed no longer imported.
    mark_stopped_runs()
    runs = [import_feed(feed) for feed in CalendarFeed.objects.filter(active=True)]
    return {run.source: run.succeeded for run in runs}


@scheduled(every=timedelta(days=1))
@task()
def refresh_event_dates():
    return EventPage.refresh_all_occurrences()
