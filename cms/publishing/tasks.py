"""Background work of the static build."""

import logging

from django_tasks import task

from cms.publishing.build import rebuild_search_index
from cms.publishing.incremental import Changes, rebuild

logger = logging.getLogger(__name__)


@task()
def rebuild_static(changes):
    """Rebuild the outputs that `changes` (Changes.as_json()) affect on every site with a live
    build, and report what was rebuilt: a list of each site's report lines."""
    lines = []
    for report in rebuild(Changes.from_json(changes)):
        lines.extend(_describe(report))
        if report.page_languages:
            update_search_index.enqueue(report.site_key, sorted(report.page_languages))
    return lines


@task()
def update_search_index(site_key, languages=None):
    """Index a site's live build again after a rebuild changed its pages: the pages of
    `languages` (a list of codes), or of every language."""
    report = rebuild_search_index(site_key, languages=languages)
    return _describe(report) if report else []


def _describe(report):
    logger.info(report.summary())
    return (
        [report.summary()]
        + [f"  {path}" for path in report.written]
        + [f"  removed {path}" for path in report.removed]
    )
