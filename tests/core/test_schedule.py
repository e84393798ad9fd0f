from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from cms.core import schedule

pytestmark = pytest.mark.django_db

RUNS = []


@schedule.scheduled(every=timedelta(hours=6))
@task()
def count_runs():
    RUNS.append(timezone.now())


@pytest.fixture(autouse=True)
def _clear_runs():
    RUNS.clear()


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
