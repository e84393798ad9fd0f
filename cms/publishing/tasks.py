"""Background work of the static build."""

import logging

from django_tasks import task

from cms.publishing.build import RECENT, STALE, rebuild_search_index
from cms.publishing.incremental import Changes, rebuild

logger = logging.getLogger(__name__)


@task()
def rebuild_static(changes):
    """Rebuild the outputs that `changes` (Changes.as_json()) affect on every site with a live
    build, and report what was rebuilt: a list of each site's report lines."""
    lines = []
    for report in rebuild(Changes.from_json(changes)):
        lines.extend(_describe(report))
        # The search tasks work out from the manifest which pages changed since indexing.
        if any(path.endswith(".html") for path in report.written + report.removed):
            update_search_index.enqueue(report.site_key)
    return lines


@task()
def update_search_index(site_key):
    """Make a site's search find its changed pages: at once, in the small recent-changes index
    of the pages changed since the main index was built, which the search page merges in; then,
    in a task of its own, their languages are indexed again, which ranks them exactly and
    empties the recent-changes index."""
    report = rebuild_search_index(site_key, languages=RECENT)
    compact_search_index.enqueue(site_key)
    return _describe(report) if report else []


@task()
def compact_search_index(site_key):
    """Index again the languages of a site with pages changed since they were indexed."""
    report = rebuild_search_index(site_key, languages=STALE)
    return _describe(report) if report else []


def _describe(report):
    logger.info(report.summary())
    return (
        [report.summary()]
        + [f"  {path}" for path in report.written]
        + [f"  removed {path}" for path in report.removed]
    )
