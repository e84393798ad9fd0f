"""Periodic editorial work, enqueued by `manage.py run_scheduled_tasks` (cms/core/schedule.py)."""

from datetime import timedelta

from django.core.management import call_command
from django_tasks import task

from cms.core.schedule import scheduled
from cms.editorial.link_check import check_external_links


@scheduled(every=timedelta(minutes=1))
@task()
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish those that have expired (events
    after their last day included), with Wagtail's own command."""
    call_command("publish_scheduled", verbosity=0)


@scheduled(every=timedelta(days=1))
@task()
def check_external_links_task():
    """Check the external links of live pages for the content health report."""
    return check_external_links()
