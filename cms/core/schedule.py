"""Periodic background work on the tasks framework Wagtail uses (django-tasks).

django-tasks runs tasks but does not schedule them. A task function marks itself as periodic:

    @scheduled(every=timedelta(hours=6))
    @task()
    def sync_programs_task(): ...

and `manage.py run_scheduled_tasks` (from cron or a systemd timer, or with `--loop` as a
long-running process beside `db_worker`) enqueues each task that is due. The time of each
enqueue is kept in the database, so several schedulers or restarts never double the work."""

from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.utils import timezone

_REGISTRY = {}


@dataclass(frozen=True)
class ScheduledTask:
    name: str
    task: object
    every: timedelta


def scheduled(every):
    """Register a django-tasks Task to be enqueued at most once per `every`."""

    def register(task):
        name = f"{task.func.__module__}.{task.func.__name__}"
        _REGISTRY[name] = ScheduledTask(name, task, every)
        return task

    return register


def discover():
    """Import every installed app's tasks module so that its schedules register."""
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.tasks"
        if find_spec(module_name):
            import_module(module_name)
    return dict(_REGISTRY)


def enqueue_due(now=None):
    """Enqueue every scheduled task whose interval has passed. Returns the names enqueued."""
    from cms.core.models import ScheduledTaskRun

    now = now or timezone.now()
    enqueued = []
    for name, entry in sorted(discover().items()):
        with transaction.atomic():
            run, _ = ScheduledTaskRun.objects.select_for_update().get_or_create(name=name)
            if run.last_enqueued_at and run.last_enqueued_at + entry.every > now:
                continue
            run.last_enqueued_at = now
            run.save(update_fields=["last_enqueued_at"])
        entry.task.enqueue()
        enqueued.append(name)
    return enqueued
