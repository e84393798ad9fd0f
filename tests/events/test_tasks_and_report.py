"""Periodic work and the admin report of calendar imports."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from cms.core import schedule
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import CalendarFeed, EventOccurrence, ImportRun
from cms.events.tasks import import_partner_calendars, refresh_event_dates
from tests.events.factories import days_from_today, make_event, new_york, vcalendar, vevent

pytestmark = pytest.mark.django_db

GOOGLE = (Path(__file__).parent / "calendars" / "google.ics").read_bytes()


def test_imports_and_date_refresh_are_scheduled():
    # The registry filled when cms.events.tasks was imported (discover() would import every
    # app's tasks too).
    names = schedule._REGISTRY

    assert names["cms.events.tasks.import_partner_calendars"].every.total_seconds() == 3 * 3600
    assert names["cms.events.tasks.refresh_event_dates"].every.days == 1


def test_partner_calendars_task_imports_every_active_feed(event_indexes, httpserver):
    httpserver.expect_request("/kids.ics").respond_with_data(GOOGLE)
    CalendarFeed.objects.create(
        name="Queens Library",
        url=httpserver.url_for("/kids.ics"),
        event_index=event_indexes["growingup"],
    )
    CalendarFeed.objects.create(
        name="Paused",
        url=httpserver.url_for("/paused.ics"),
        event_index=event_indexes["growingup"],
        active=False,
    )

    result = import_partner_calendars.enqueue().return_value

    assert list(result.values()) == [True]


def test_daily_refresh_rebuilds_the_dates(event_indexes):
    event = make_event(event_indexes["growingup"], starts_at=new_york(days_from_today(1), 10))
    EventOccurrence.objects.all().delete()

    assert refresh_event_dates.enqueue().return_value == 1
    assert EventOccurrence.objects.filter(event=event).count() == 1


def test_admin_report_lists_the_last_runs(admin_client, event_indexes):
    target = ImportTarget(index=event_indexes["growingup"], source="file:kids.ics")
    import_calendar(GOOGLE, target)
    import_calendar(b"<html>down</html>", target)

    response = admin_client.get("/admin/events/imports/")

    assert response.status_code == 200
    assert "Failed, events kept as they were" in response.text
    assert response.text.count("file:kids.ics") == 2


def test_the_scheduled_import_fails_runs_a_stopped_worker_left_running(event_indexes):
    stopped = ImportRun.objects.create(source="feed:gone")
    ImportRun.objects.filter(pk=stopped.pk).update(started_at=timezone.now() - timedelta(hours=2))
    recent = ImportRun.objects.create(source="feed:busy")

    import_partner_calendars.enqueue()

    assert ImportRun.objects.get(pk=stopped.pk).status == "failed"
    assert ImportRun.objects.get(pk=recent.pk).status == "running"


def test_admin_report_shows_running_imports_and_skipped_events(admin_client, event_indexes):
    target = ImportTarget(index=event_indexes["growingup"], source="file:kids.ics")
    import_calendar(
        vcalendar(vevent("bad@kids", "URL:mailto:kids@example.org", summary="Bad event")), target
    )
    ImportRun.objects.create(source="file:other.ics")

    response = admin_client.get("/admin/events/imports/")

    assert "Running" in response.text
    assert "Bad event (bad@kids) was not imported: registration link:" in response.text
