"""Background work of the static build. Each rebuild runs against its StaticRebuild record,
which says to editors whether it is queued, building, live or failed, and why."""

import logging
from datetime import timedelta

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from cms.core import sites
from cms.core.schedule import scheduled
from cms.publishing.build import build_site, rebuild_search_index
from cms.publishing.chrome import shown_objects_changed
from cms.publishing.folders import default_output_root
from cms.publishing.incremental import Changes, rebuild
from cms.publishing.manifest import load_manifest
from cms.publishing.models import StaticRebuild
from cms.publishing.progress import AtMostEvery, BuildProgress
from cms.publishing.search_plan import SearchIndexPlan
from cms.publishing.shards import ShardedBuild

logger = logging.getLogger(__name__)
# A queue of its own, with a worker of its own: a publish never waits behind a long sync.
QUEUE = "publishing"


def run_recorded(record, work):
    """Run `work()`, which returns build reports, keeping `record` up to date; a failure is
    recorded with its reason, logged, and raised again. Returns None, without running it,
    when another worker took the record first."""
    if not record.take():
        return None
    reports = _recorded(record, work)
    record.mark_live(reports)
    return reports


def _recorded(record, work):
    """`work()`, a failure recorded on `record` with its reason, logged, and raised again."""
    try:
        return work()
    except Exception as error:
        record.mark_failed(error)
        logger.exception("Static rebuild %s (%s) failed", record.pk, record.trigger)
        raise


@task(queue_name=QUEUE)
def rebuild_static(record_id):
    """Rebuild the outputs that a StaticRebuild's changes affect on every site with a live
    build, and report what was rebuilt: a list of each site's report lines."""
    record = StaticRebuild.objects.get(pk=record_id)
    # The changes are read once the record is taken: until then, more may be added to it.
    reports = run_recorded(record, lambda: rebuild(Changes.from_json(record.changes)))
    lines = []
    for report in reports or []:
        lines.extend(_describe(report))
        # The search tasks work out from the manifest which pages changed since indexing.
        if any(path.endswith(".html") for path in report.written + report.removed):
            update_search_index.enqueue(report.site_key)
    return lines


@task(queue_name=QUEUE)
def build_static_sites(record_id, site_keys=None):
    """Build whole sites from scratch (every site by default), as `build_static` does."""
    record = StaticRebuild.objects.get(pk=record_id)
    site_keys = site_keys or sorted(sites.site_keys())
    # The editors' build panel shows how far it has got.
    progress = BuildProgress(AtMostEvery(record.record_progress))
    reports = run_recorded(
        record, lambda: [build_site(key, progress=progress) for key in site_keys]
    )
    return [report.summary() for report in reports or []]


@task(queue_name=QUEUE)
def plan_static_shards(record_id, site_keys, shards):
    """Build whole sites in `shards` render tasks per site, which every worker of the queue
    shares (on one machine or several, sharing the output folder), and one merge."""
    record = StaticRebuild.objects.get(pk=record_id)
    if not record.take():
        return None
    sharded = _recorded(
        record,
        lambda: ShardedBuild.plan(default_output_root(), sharded_name(record), site_keys, shards),
    )
    record.plan_urls(sharded.url_count)
    for index in range(sharded.shard_count):
        render_static_shard.enqueue(record_id, index)
    return sharded.shard_count


def sharded_name(record):
    return f"rebuild-{record.pk}"


@task(queue_name=QUEUE)
def render_static_shard(record_id, index):
    """Render one shard of a sharded build; the last one rendered queues the merge."""
    record = StaticRebuild.objects.get(pk=record_id)
    sharded = ShardedBuild(default_output_root(), sharded_name(record))
    count = _recorded(record, lambda: sharded.render_shard(index))
    record.add_rendered(count)
    if sharded.is_rendered() and sharded.claim_merge():
        merge_static_shards.enqueue(record_id)
    return count


@task(queue_name=QUEUE)
def merge_static_shards(record_id):
    """Build each site of a sharded build from its rendered shards, verify it and swap it in."""
    record = StaticRebuild.objects.get(pk=record_id)
    sharded = ShardedBuild(default_output_root(), sharded_name(record))
    try:
        reports = _recorded(record, sharded.merge)
    finally:
        sharded.remove()
    record.mark_live(reports)
    return [report.summary() for report in reports]


@scheduled(every=timedelta(minutes=30))
@task(queue_name="default")
def fail_stalled_rebuilds():
    """A rebuild whose worker was stopped (a deploy, a crash) shows as failed, not building."""
    return StaticRebuild.fail_stalled()


@scheduled(every=timedelta(minutes=1))
@task(queue_name="default")
def splice_started_and_ended_banners():
    """A banner shows on the static copy from its start to its end, as on the live site: the
    parts of the page chrome that change with time (see cms.core.chrome) are compared with what
    each live build shows, and a rebuild is queued for those that differ; it splices them into
    every page. Returns what changed, as (model label, pk)."""
    changed = set()
    for site_key in sorted(sites.site_keys()):
        manifest = load_manifest(default_output_root(), site_key)
        site = sites.find_site(site_key)
        if manifest is not None and site is not None and manifest.from_this_database():
            changed |= shown_objects_changed(manifest.chrome, site)
    if changed:
        queue_rebuild(Changes(objects=changed), "Alert banners started or ended")
    return sorted(changed)


def queue_rebuild(changes, trigger):
    """Add the changes to the rebuild still waiting for the worker, if there is one (a burst
    of saves makes one rebuild), or queue a new one."""
    pages = Page.objects.filter(pk__in=changes.pages)
    with transaction.atomic():
        waiting = (
            StaticRebuild.objects.select_for_update()
            .filter(status=StaticRebuild.Status.QUEUED, full=False)
            .order_by("pk")
            .first()
        )
        if waiting is not None:
            waiting.merge(changes)
            waiting.pages.add(*pages)
            return None
        record = StaticRebuild.objects.create(trigger=trigger, changes=changes.as_json())
        record.pages.set(pages)
    return rebuild_static.enqueue(record.pk)


def queue_full_build(trigger, site_keys=None, shards=1):
    """Queue a whole-site build for the worker (in `shards` tasks per site, which several
    workers share); returns its record."""
    record = StaticRebuild.objects.create(trigger=trigger, full=True)
    if shards > 1:
        plan_static_shards.enqueue(record.pk, site_keys or sorted(sites.site_keys()), shards)
    else:
        build_static_sites.enqueue(record.pk, site_keys)
    return record


@task(queue_name=QUEUE)
def update_search_index(site_key):
    """Make a site's search find its changed pages: at once, in the small recent-changes index
    of the pages changed since the main index was built, which the search page merges in; then,
    in a task of its own, their languages are indexed again, which ranks them exactly and
    empties the recent-changes index."""
    report = rebuild_search_index(site_key, plan=SearchIndexPlan.recent())
    compact_search_index.enqueue(site_key)
    return _describe(report) if report else []


@task(queue_name=QUEUE)
def compact_search_index(site_key):
    """Index again the languages of a site with pages changed since they were indexed."""
    report = rebuild_search_index(site_key, plan=SearchIndexPlan.stale())
    return _describe(report) if report else []


def _describe(report):
    logger.info(report.summary())
    return (
        [report.summary()]
        + [f"  {path}" for path in report.written]
        + [f"  removed {path}" for path in report.removed]
    )
