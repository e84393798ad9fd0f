"""The static benchmark's edits that have to be live at once: an alert banner (on every page of
its site, in every language) and a recurring event (on every page that shows it). Each is timed
from the save to the end of its rebuild (the benchmarks run the tasks in this process), then
every built file that should show the change is read to check that it does. Also: SQL queries
per URL, counted over a build in one process."""

import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from cms.core.models.alerts import AlertBanner
from cms.core.sites import site_for_key
from cms.events.models import EventPage
from cms.publishing.build import build_site
from cms.publishing.manifest import load_manifest
from cms.publishing.rendering import SiteRenderer


def _live_files(site_key):
    output_root = Path(settings.STATIC_BUILD_DIR)
    return load_manifest(output_root, site_key), output_root / site_key


def alert_banner(report, figures, timed_steps):
    """A new urgent banner on Growing Up NYC: every HTML page of the site, in every language,
    must carry it. `timed_steps` notes when the pages' rebuild ended (the search index's tasks
    follow it)."""
    message = f"Schools are closed today ({time.time():.0f})."
    with timed_steps() as steps:
        started = time.perf_counter()
        AlertBanner.objects.create(
            site=site_for_key("growingup"),
            message=message,
            level="urgent",
            starts_at=timezone.now(),
        )
    seconds = steps["pages"] - started
    manifest, folder = _live_files("growingup")
    pages = [o.path for o in manifest.outputs.values() if o.path.endswith(".html")]
    showing = sum(1 for path in pages if message.encode() in (folder / path).read_bytes())
    report("alert banner edit: every page of its site updated", seconds, "s", target="< 10 s")
    report("alert banner edit: pages showing it", showing, f"of {len(pages)}")
    figures["banner"] = seconds


def recurring_event(report, figures, timed_steps):
    """A weekly event's title, edited and published: every built page whose recorded
    dependencies include the event must show the new title."""
    event = (
        EventPage.objects.live()
        .descendant_of(site_for_key("growingup").root_page)
        .filter(alias_of__isnull=True)
        .exclude(repeat="")
        .order_by("path")
        .first()
    )
    if event is None:
        print("  recurring event edit: not measured (no recurring event in the demo)")
        return
    event.title = f"{event.title} (new time)"
    with timed_steps() as steps:
        started = time.perf_counter()
        event.save_revision().publish()
    seconds = steps["pages"] - started
    manifest, folder = _live_files("growingup")
    # Where the event is translated, its pages show the translation's own title.
    translated = set(
        EventPage.objects.filter(translation_key=event.translation_key, alias_of__isnull=True)
        .exclude(pk=event.pk)
        .values_list("locale__language_code", flat=True)
    )
    showing = [
        o.path
        for o in manifest.outputs.values()
        if event.pk in o.pages and o.language not in translated
    ]
    updated = sum(1 for path in showing if event.title.encode() in (folder / path).read_bytes())
    report("recurring event edit: every page showing it updated", seconds, "s", target="< 10 s")
    report("recurring event edit: pages showing its English title", len(showing), "")
    report("recurring event edit: of those, with the new title", updated, "")
    figures["event"] = seconds


@contextmanager
def _queries_per_url():
    """[queries] for each URL rendered in this process while the block runs."""
    counts = []
    render = SiteRenderer.render
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(1)
        return execute(sql, params, many, context)

    def counted(self, url):
        executed.clear()
        with connection.execute_wrapper(count):
            rendered = render(self, url)
        counts.append(len(executed))
        return rendered

    SiteRenderer.render = counted
    try:
        yield counts
    finally:
        SiteRenderer.render = render


def queries_per_url(report, output_root, figures):
    """Median SQL queries per URL over a one-process build of Generation NYC."""
    with _queries_per_url() as counts:
        build_site("generation", output_root, workers=1)
    median = statistics.median(counts)
    report("SQL queries per URL, median (Generation NYC build)", median, "", target="<= 5")
    report("SQL queries per URL, 90th percentile", statistics.quantiles(counts, n=10)[-1], "")
    figures["queries"] = median
