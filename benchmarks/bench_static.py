"""Static build: full demo build, a naive baseline (the test client fetching every URL, writing
nothing, checking nothing), a one-page incremental rebuild, a scaled build (generated pages in
two languages) and Lighthouse on five static pages.

BENCH_STATIC_PAGES sets the scaled build's page count per language (default 5,000). Lighthouse
runs when `lighthouse` (npm) is installed: LIGHTHOUSE=/path/to/lighthouse, or on the PATH."""

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Locale, Page

from cms.core.models import StandardPage
from cms.publishing.build import build_site, rebuild_search_index
from cms.publishing.incremental import Changes, rebuild
from cms.publishing.outputs import site_for_key, site_outputs
from cms.publishing.server import make_server

SCALED_PAGES = int(os.environ.get("BENCH_STATIC_PAGES", "5000"))
CHROMIUM = "/usr/bin/chromium"


def run(report):
    workdir = Path(tempfile.mkdtemp(prefix="bench-static-"))
    output_root = workdir / "dist"
    with override_settings(STATIC_BUILD_DIR=output_root):
        urls, full_seconds = full_build(report, output_root)
        naive_baseline(report, urls, full_seconds)
        incremental(report, full_seconds)
        lighthouse(report, output_root)
        scaled(report, workdir / "scaled")
    shutil.rmtree(workdir, ignore_errors=True)


def full_build(report, output_root):
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
    report("full build, both sites: total", total, "s")
    report("full build, both sites: URLs per second", total_urls / total, "URL/s")
    return urls, total


def naive_baseline(report, urls, full_seconds):
    """What a crawler-style generator does at least: fetch each URL once, one by one."""
    client = Client()
    count = 0
    started = time.perf_counter()
    for site_key, site_urls in urls.items():
        site = site_for_key(site_key)
        host = site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"
        for url in site_urls:
            if url.endswith("/404.html"):
                continue
            client.get(url, HTTP_HOST=host, SERVER_PORT=str(site.port))
            count += 1
    seconds = time.perf_counter() - started
    report("naive baseline (test client, every URL): total", seconds, "s")
    report("naive baseline: URLs per second", count / seconds, "URL/s")
    report("full build time / naive baseline time", full_seconds / seconds, "x")


def _leaf_page():
    """An English standard page outside the menu: a typical editor's publish."""
    candidates = StandardPage.objects.filter(
        locale=Locale.get_default(), show_in_menus=False, live=True, alias_of__isnull=True
    )
    return candidates.order_by("path").first()


def incremental(report, full_seconds):
    page = _leaf_page()
    if page is None:
        home = site_for_key("growingup").root_page
        page = StandardPage(title="Free swim this summer", slug="bench-free-swim", body=[])
        home.add_child(instance=page)
        page.save_revision().publish()
        rebuild(Changes(pages={page.pk}))
        rebuild_search_index("growingup")
    page.summary = f"Updated {time.time()}"
    started = time.perf_counter()
    page.save_revision().publish()
    report(
        "one-page publish through Wagtail, with its rebuild and search tasks",
        time.perf_counter() - started,
        "s",
    )

    page.summary = f"Updated again {time.time()}"
    page.save_revision().publish()
    started = time.perf_counter()
    reports = rebuild(Changes(pages={page.pk}))
    rebuilt = time.perf_counter() - started
    report("one-page publish: pages rebuilt and swapped in", rebuilt, "s", target="< 2 s")
    report("one-page publish: URLs rendered", sum(len(r.rendered) for r in reports), "")
    report("one-page publish: files changed", sum(len(r.written) for r in reports), "")
    started = time.perf_counter()
    for result in reports:
        rebuild_search_index(result.site_key)
    report("one-page publish: search index after it", time.perf_counter() - started, "s")
    report("full build time / one-page rebuild time", full_seconds / rebuilt, "x")


def scaled(report, output_root):
    """Generated pages in English and Spanish (real translations) under Growing Up NYC."""
    site = site_for_key("growingup")
    english_home = site.root_page
    spanish = Locale.objects.get(language_code="es")
    spanish_home = english_home.get_translation(spanish)
    started = time.perf_counter()
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
    report(f"scaled build: {count} URLs (en, es), total", seconds, "s")
    report("scaled build: URLs per second", len(result.rendered) / seconds, "URL/s")
    target = Page.objects.get(pk=section.get_children().first().pk).specific
    target.summary = "Changed"
    target.save_revision().publish()
    started = time.perf_counter()
    rebuild(Changes(pages={target.pk}), output_root=output_root, site_keys=["growingup"])
    report("scaled: one-page rebuild", time.perf_counter() - started, "s", target="< 2 s")


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
    manifest = json.loads(
        (Path(settings.STATIC_BUILD_DIR) / site_key / "build-manifest.json").read_text()
    )
    for output in manifest["outputs"]:
        url = output["url"]
        if output["kind"] == "page" and url.endswith("/"):
            if url == prefix and not deeper or url.startswith(prefix) and url != prefix and deeper:
                return url
    return None
