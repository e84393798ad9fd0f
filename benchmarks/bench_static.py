"""Static build, side by side in one run: a full build of the demo, a naive baseline (the test
client fetching every URL, writing nothing, checking nothing), a one-page incremental rebuild,
wagtail-bakery on the same content when it is installed, a scaled build (generated pages in two
languages) with its own one-page rebuild, Hugo on as many plain pages when it is on the machine,
then the ratios; and Lighthouse on five static pages.

BENCH_STATIC_PAGES sets the scaled build's page count per language (default 5,000: about 8
of the run's 15 minutes on a quiet two-core machine). Lighthouse runs when `lighthouse` (npm)
is installed: `make benchmarks` installs it under var/node when npm is on the machine;
otherwise LIGHTHOUSE=/path/to/lighthouse, or on the PATH. wagtail-bakery is not a
dependency of the project: `make benchmarks` installs it in var/bench-extras, on the
benchmarks' path only. Hugo runs when it is on the machine (benchmarks/hugo.py)."""

import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.core.demo import sync_locale_trees
from cms.core.models import StandardPage
from cms.core.sites import site_for_key
from cms.publishing import tasks
from cms.publishing.build import build_site, rebuild_search_index
from cms.publishing.incremental import Changes, rebuild
from cms.publishing.manifest import load_manifest
from cms.publishing.outputs import site_outputs
from cms.publishing.search_plan import SearchIndexPlan
from cms.publishing.server import make_server

from . import hugo, static_edits

SCALED_PAGES = int(os.environ.get("BENCH_STATIC_PAGES", "5000"))
CHROMIUM = "/usr/bin/chromium"


def run(report):
    workdir = Path(tempfile.mkdtemp(prefix="bench-static-"))
    output_root = workdir / "dist"
    figures = {}
    # The rebuild tasks that a publish runs log a line each: figures only here.
    logging.getLogger("cms.publishing.tasks").setLevel(logging.WARNING)
    with override_settings(STATIC_BUILD_DIR=output_root):
        urls = full_build(report, output_root, figures)
        naive_baseline(report, urls, figures)
        incremental(report, figures)
        static_edits.alert_banner(report, figures, _timed_steps)
        static_edits.recurring_event(report, figures, _timed_steps)
        static_edits.queries_per_url(report, workdir / "queries", figures)
        bakery(report, workdir / "bakery", figures)
        lighthouse(report, output_root)
        scaled(report, workdir / "scaled", figures)
    hugo_reference(report, workdir, figures)
    ratios(report, figures)
    shutil.rmtree(workdir, ignore_errors=True)


def full_build(report, output_root, figures):
    urls = {}
    total_urls = 0
    started = time.perf_counter()
    for site_key in sorted(settings.SITE_HOSTS):
        site_started = time.perf_counter()
        result = build_site(site_key, output_root)
        seconds = time.perf_counter() - site_started
        total_urls += len(result.rendered)
        urls[site_key] = list(result.rendered)
        report(f"full build {site_key}: URLs", len(result.rendered), "")
        report(f"full build {site_key}: files written", len(result.written), "")
        report(f"full build {site_key}: total", seconds, "s")
    total = time.perf_counter() - started
    # What make run's worker does first (build_static_sites), on every core.
    report("full build, both sites: total (make run's first build)", total, "s", target="< 60 s")
    report("full build, both sites: URLs per second", total_urls / total, "URL/s")
    figures["full"] = (total_urls, total)
    return urls


def naive_baseline(report, urls, figures):
    """What a crawler-style generator does at least: fetch each URL once, one by one. The
    pages' own addresses (no sub-pages, feeds or JSON) are timed apart too: what
    wagtail-bakery builds."""
    client = Client()
    count = own_count = 0
    own_seconds = 0.0
    started = time.perf_counter()
    for site_key, site_urls in urls.items():
        site = site_for_key(site_key)
        host = site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"
        own_urls = _own_page_urls(site_key)
        for url in site_urls:
            if url.endswith("/404.html"):
                continue
            url_started = time.perf_counter()
            client.get(url, HTTP_HOST=host, SERVER_PORT=str(site.port))
            count += 1
            if url in own_urls:
                own_seconds += time.perf_counter() - url_started
                own_count += 1
    seconds = time.perf_counter() - started
    report("naive baseline (test client, every URL): total", seconds, "s")
    report("naive baseline: URLs per second", count / seconds, "URL/s")
    report(f"naive baseline: the pages' own {own_count} addresses, total", own_seconds, "s")
    figures["naive"] = (count, seconds)
    figures["naive pages"] = (own_count, own_seconds)


def _own_page_urls(site_key):
    """Each built page's own address: the shortest of the URLs it serves."""
    own = {}
    for output in _manifest(site_key).outputs.values():
        if output.kind == "page":
            known = own.get(output.page_id)
            if known is None or len(output.url) < len(known):
                own[output.page_id] = output.url
    return set(own.values())


def _manifest(site_key):
    return load_manifest(Path(settings.STATIC_BUILD_DIR), site_key)


def leaf_page():
    """An English standard page outside the menu: a typical editor's publish. The demo has
    none, so the first call makes one, with its untranslated copies and static files."""
    candidates = StandardPage.objects.filter(
        locale=Locale.get_default(), show_in_menus=False, live=True, alias_of__isnull=True
    )
    page = candidates.order_by("path").first()
    if page is None:
        home = site_for_key("growingup").root_page
        page = StandardPage(
            title="Free swim this summer",
            slug="bench-free-swim",
            body=[("paragraph", RichText("<p>Children can learn to swim for free.</p>"))],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        sync_locale_trees()  # its untranslated copies in every language, as on the demo
        rebuild(Changes(pages={page.pk}, parents={home.pk}))
        rebuild_search_index("growingup")
    return page


def incremental(report, figures):
    page = leaf_page()
    page.summary = f"Updated {time.time()}"
    with _timed_steps() as steps:
        started = time.perf_counter()
        page.save_revision().publish()
    report(
        "one-page publish through Wagtail, with its rebuild and search tasks",
        time.perf_counter() - started,
        "s",
    )
    pages = {o.path: o.language for o in _manifest("growingup").outputs.values()}
    written = {path for built in steps.get("reports", ()) for path in built.written}
    languages = sorted({pages[path] for path in written if path.endswith(".html")})
    print(f"  (the page changed in {len(languages)} languages: {', '.join(languages)})")
    for step, label in PUBLISH_STEPS.items():
        if step in steps:
            target = "< 2 s" if step != SearchIndexPlan.stale() else None
            report(
                f"one-page publish: {label}, from the click",
                steps[step] - started,
                "s",
                target=target,
            )

    figures["incremental"] = one_page_rebuild(report, "one-page publish", page)


PUBLISH_STEPS = {
    "pages": "pages live",
    SearchIndexPlan.recent(): "searchable (recent-changes index)",
    SearchIndexPlan.stale(): "languages indexed again (exact ranking)",
}


@contextmanager
def _timed_steps():
    """Note when each task of a publish finishes: {step: perf_counter()}."""
    steps = {}

    def timed(function, step):
        def run(*args, **kwargs):
            result = function(*args, **kwargs)
            steps.setdefault(kwargs.get("plan", step), time.perf_counter())
            if step == "pages":
                steps["reports"] = result
            return result

        return run

    with (
        mock.patch.object(tasks, "rebuild", timed(rebuild, "pages")),
        mock.patch.object(tasks, "rebuild_search_index", timed(rebuild_search_index, None)),
    ):
        yield steps


def one_page_rebuild(report, label, page, **options):
    """Change a live page and its untranslated copies the way a publish does, without the
    rebuild a publish starts, and time the rebuild alone, then the two steps of its search
    index."""
    page.summary = f"Updated again {time.time()}"
    page.save(update_fields=["summary"])
    type(page).objects.filter(alias_of=page).update(summary=page.summary)  # as a publish does
    started = time.perf_counter()
    reports = rebuild(Changes(pages={page.pk}), **options)
    seconds = time.perf_counter() - started
    report(f"{label}: pages rebuilt and swapped in", seconds, "s", target="< 2 s")
    report(f"{label}: URLs rendered", sum(len(r.rendered) for r in reports), "")
    report(f"{label}: files changed", sum(len(r.written) for r in reports), "")
    # As the publish's background tasks do: the recent-changes index, then the languages.
    for step in (SearchIndexPlan.recent(), SearchIndexPlan.stale()):
        started = time.perf_counter()
        for built in reports:
            rebuild_search_index(built.site_key, options.get("output_root"), plan=step)
        report(f"{label}: then {PUBLISH_STEPS[step]}", time.perf_counter() - started, "s")
    return seconds


def bakery(report, build_dir, figures):
    """wagtail-bakery's AllPublishedPagesView on the same content: one request per live page
    through Django's handler, written as-is (no routable sub-pages, assets, checks or index)."""
    if find_spec("wagtailbakery") is None:
        print(
            "  wagtail-bakery: not measured (not installed; not a dependency of the project: "
            "make benchmarks installs it in var/bench-extras)"
        )
        return
    with override_settings(BUILD_DIR=str(build_dir), BAKERY_MULTISITE=True):
        try:
            _add_app("bakery")
            from wagtailbakery.views import AllPublishedPagesView
        except Exception as error:  # installed, but not working with this Django or Wagtail
            print(f"  wagtail-bakery: not measured (importing it raised {error!r})")
            return
        view = AllPublishedPagesView()
        count = view.get_queryset().count()
        started = time.perf_counter()
        try:
            view.build_queryset()
        except Exception as error:
            print(f"  wagtail-bakery: failed on this project ({error!r})")
            return
        seconds = time.perf_counter() - started
    written = sum(1 for path in build_dir.rglob("*") if path.is_file())
    report("wagtail-bakery: live pages", count, "")
    report("wagtail-bakery: files written", written, "")
    report("wagtail-bakery: total", seconds, "s")
    report("wagtail-bakery: pages per second", count / seconds, "page/s")
    figures["bakery"] = (count, seconds)


def _add_app(name):
    """Register an app that is not in INSTALLED_APPS (django-bakery's views look their app up
    when imported). override_settings(INSTALLED_APPS=...) would make every app ready again,
    which Wagtail's API router refuses."""
    from django.apps import AppConfig, apps

    if apps.is_installed(name):
        return
    config = AppConfig.create(name)
    config.apps = apps
    config.import_models()
    apps.app_configs[config.label] = config
    apps.clear_cache()
    config.ready()


def scaled(report, output_root, figures):
    """Generated pages in English and Spanish (real translations) under Growing Up NYC."""
    site = site_for_key("growingup")
    english_home = site.root_page
    spanish = Locale.objects.get(language_code="es")
    spanish_home = english_home.get_translation(spanish)
    started = time.perf_counter()
    # One transaction: SQLite would otherwise wait for the disk on each of the pages.
    with transaction.atomic():
        section = StandardPage(title="Generated pages", slug="generated", body=[])
        english_home.add_child(instance=section)
        spanish_section = StandardPage(
            title="Páginas generadas",
            slug="generated",
            body=[],
            locale=spanish,
            translation_key=section.translation_key,
        )
        spanish_home.add_child(instance=spanish_section)
        for number in range(SCALED_PAGES):
            body = [("paragraph", f"<p>Sample page {number} for the scaled build.</p>")]
            page = StandardPage(title=f"Sample page {number}", slug=f"sample-{number}", body=body)
            section.add_child(instance=page)
            spanish_section.add_child(
                instance=StandardPage(
                    title=f"Página de muestra {number}",
                    slug=f"sample-{number}",
                    body=body,
                    locale=spanish,
                    translation_key=page.translation_key,
                )
            )
    report(
        f"scaled: {SCALED_PAGES} pages x 2 languages generated", time.perf_counter() - started, "s"
    )
    count = len(site_outputs(site, ["en", "es"]))
    started = time.perf_counter()
    result = build_site("growingup", output_root, ["en", "es"])
    seconds = time.perf_counter() - started
    report(f"scaled build: {count} URLs (en, es), total", seconds, "s", target="< 60 s")
    report("scaled build: URLs per second", len(result.rendered) / seconds, "URL/s")
    figures["scaled"] = (len(result.rendered), seconds)
    target = Page.objects.get(pk=section.get_children().first().pk).specific
    figures["scaled incremental"] = one_page_rebuild(
        report, "scaled: one-page publish", target, output_root=output_root, site_keys=["growingup"]
    )


def hugo_reference(report, workdir, figures):
    """Hugo on plain pages, as many as the scaled build's, in the same two languages."""
    built = hugo.build(workdir, SCALED_PAGES)
    if built is None:
        print("  hugo: not measured (not on this machine: apt install hugo, or HUGO=/path)")
        return
    pages, seconds = built
    report(f"hugo: {pages} pages (en, es), total", seconds, "s")
    report("hugo: pages per second", pages / seconds, "page/s")
    figures["hugo"] = built


def ratios(report, figures):
    def speed(key):
        count, seconds = figures[key]
        return count / seconds

    print("  side by side")
    report("full build: URLs per second", speed("full"), "URL/s")
    report("naive baseline: URLs per second", speed("naive"), "URL/s")
    report(
        "full build speed / naive baseline speed",
        speed("full") / speed("naive"),
        "x",
        target=">= 10 x",
    )
    report(
        "full build time / one-page rebuild time", figures["full"][1] / figures["incremental"], "x"
    )
    report("naive baseline, pages' own addresses: URLs per second", speed("naive pages"), "URL/s")
    if "bakery" in figures:
        report("wagtail-bakery (pages' own addresses): pages per second", speed("bakery"), "page/s")
        report(
            "wagtail-bakery speed / naive baseline speed, same addresses",
            speed("bakery") / speed("naive pages"),
            "x",
        )
    if "scaled" in figures:
        report("scaled build: URLs per second", speed("scaled"), "URL/s")
        report("scaled build speed / full build speed", speed("scaled") / speed("full"), "x")
        report(
            "scaled build time / its one-page rebuild time",
            figures["scaled"][1] / figures["scaled incremental"],
            "x",
        )
    if "hugo" in figures:
        report("hugo: pages per second", speed("hugo"), "page/s")
        report("full build speed / hugo speed", speed("full") / speed("hugo"), "x")


def lighthouse(report, output_root):
    """Lighthouse (mobile) on five static pages served by the plain static server."""
    executable = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not executable or not Path(CHROMIUM).exists():
        print("  lighthouse: not measured (npm lighthouse or /usr/bin/chromium missing)")
        return
    pages = {
        "Growing Up NYC home": ("growingup", "/"),
        "Generation NYC home": ("generation", "/"),
        "an age guide": ("growingup", _first_url("growingup", "/age-guides/", deeper=True)),
        "a program": ("growingup", _first_url("growingup", "/programs/", deeper=True)),
        "the events listing": ("growingup", _first_url("growingup", "/events/")),
    }
    sites = {host: output_root / key for key, host in settings.SITE_HOSTS.items()}
    server = make_server(sites, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        for label, (site_key, path) in pages.items():
            if path is None:
                print(f"  lighthouse {label}: not measured (no such page in the demo)")
                continue
            url = f"http://{settings.SITE_HOSTS[site_key]}:{port}{path}"
            completed = subprocess.run(
                [
                    executable,
                    url,
                    "--quiet",
                    "--output=json",
                    "--only-categories=performance,accessibility",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu",
                ],
                capture_output=True,
                env=environment,
                timeout=180,
            )
            if completed.returncode != 0:
                print(f"  lighthouse {label}: failed ({completed.stderr.decode()[-200:]})")
                continue
            categories = json.loads(completed.stdout)["categories"]
            report(
                f"lighthouse {label} ({path}): performance",
                categories["performance"]["score"] * 100,
                "",
                target=">= 95",
            )
            report(
                f"lighthouse {label}: accessibility",
                categories["accessibility"]["score"] * 100,
                "",
                target="100",
            )
    finally:
        server.shutdown()
        server.server_close()


def _first_url(site_key, prefix, deeper=False):
    """The first built English page at `prefix` (or, `deeper`, below it)."""
    for output in _manifest(site_key).outputs.values():
        url = output.url
        if output.kind == "page" and url.endswith("/"):
            if url == prefix and not deeper or url.startswith(prefix) and url != prefix and deeper:
                return url
    return None
