"""Background work of the static build."""

import logging

from django_tasks import task

from cms.publishing.incremental import Changes, rebuild

logger = logging.getLogger(__name__)


@task()
def rebuild_static(changes):
    """Rebuild the outputs that `changes` (Changes.as_json()) affect on every site with a live
    build, and report what was rebuilt: a list of each site's report lines."""
    reports = rebuild(Changes.from_json(changes))
    lines = []
    for report in reports:
        lines.append(report.summary())
        lines.extend(f"  {path}" for path in report.written)
        lines.extend(f"  removed {path}" for path in report.removed)
        logger.info(report.summary())
    return lines
