from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from cms.core import schedule

pytestmark = [pytest.mark.django_db, pytest.mark.clock]

RUNS = []
DISCOVER = schedule.discover


@schedule.scheduled(every=timedelta(hours=6))
@task()
def count_runs():
    RUNS.append(timezone.now())


@pytest.fixture(autouse=True)
def _only_this_schedule(monkeypatch):
    """The apps' own schedules sync programs and import calendars over the network; these
    tests schedule only the task above."""
    entry = DISCOVER()["tests.core.test_schedule.count_runs"]
    monkeypatch.setattr(schedule, "discover", lambda: {entry.name: entry})
    RUNS.clear()


def test_every_app_registers_its_periodic_tasks():
    names = set(DISCOVER())

    assert {
        "cms.programs.tasks.sync_programs_task",
        "cms.programs.tasks.full_sync_programs_task",
        "cms.events.tasks.import_partner_calendars",
        "cms.events.tasks.refresh_event_dates",
        "cms.editorial.tasks.publish_scheduled_pages",
        "cms.editorial.tasks.check_external_links_task",
    } <= names


def test_a_due_task_runs_once_per_interval():
    start = timezone.now()

    first = schedule.enqueue_due(now=start)
    again = schedule.enqueue_due(now=start + timedelta(hours=1))
    later = schedule.enqueue_due(now=start + timedelta(hours=6, minutes=1))

    name = "tests.core.test_schedule.count_runs"
    assert name in first
    assert name not in again
    assert name in later
    assert len(RUNS) == 2  # the immediate backend ran it at each enqueue


def test_command_enqueues_what_is_due():
    call_command("run_scheduled_tasks", stdout=open("/dev/null", "w"))

    assert len(RUNS) == 1
