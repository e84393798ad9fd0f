"""The programs sync as background tasks: incremental every hour, full (which also retires
programs gone from the dataset) once a day. `manage.py run_scheduled_tasks` enqueues them."""

from datetime import timedelta

from django_tasks import task

from cms.core.schedule import scheduled
from cms.programs.sync import sync_programs


@scheduled(every=timedelta(hours=1))
@task()
def sync_programs_task():
    return sync_programs().counts()


@scheduled(every=timedelta(days=1))
@task()
def full_sync_programs_task():
    return sync_programs(full=True).counts()
