"""What an editor waits for, as `make run` serves the admin: Chromium publishes a plain page,
an age guide and a repeating event through Wagtail's edit view (a new title each round), with
a web server, the two task workers and the static copies of both sites running.

For each kind of page: the browser's wait (from the click on Publish to the next admin page
loaded), the publish request alone (Chromium's own timing of the POST), and the time from the
click to the page's static file on disk holding the new title, with the worker idle before each
publish. Baseline in the same run: the same publish with the rebuild inside the request
(TASKS_BACKEND=immediate, as every publish was before the worker), then the ratios.
Targets: the request under 1 s; a plain page's static file under 2 s.

BENCH_PUBLISH_ROUNDS sets the rounds per kind of page (default 5; 3 for the event, whose
rebuild is the longest). Skipped when /usr/bin/chromium is missing."""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from benchmarks.bench_static import leaf_page
from cms.core.sites import site_key_of
from cms.events.models import EventPage
from cms.publishing.models import StaticRebuild
from cms.publishing.outputs import url_to_path
from cms.publishing.tasks import QUEUE, queue_full_build
from sites.growingup.models import AgeGuidePage

ROUNDS = int(os.environ.get("BENCH_PUBLISH_ROUNDS", "5"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EDITOR = ("bench-editor", "a-bench-password-0")
# Long enough for the slowest rebuild of the demo; a stuck worker fails the benchmark.
WAIT_SECONDS = 600


def run(report):
    if not Path(CHROMIUM).exists():
        print(f"  skipped: {CHROMIUM} is missing (apt-get install chromium)")
        return
    workdir = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    output_root = workdir / "dist"
    get_user_model().objects.filter(username=EDITOR[0]).delete()
    get_user_model().objects.create_superuser(EDITOR[0], "bench@example.org", EDITOR[1])
    with override_settings(STATIC_BUILD_DIR=output_root):
        _publish_rounds(report, workdir, output_root)


def _publish_rounds(report, workdir, output_root):
    cases = [
        ("plain page", leaf_page(), ROUNDS),
        ("age guide", _english(AgeGuidePage).first(), ROUNDS),
        ("repeating event", _english(EventPage).exclude(repeat="").first(), max(1, ROUNDS - 2)),
    ]
    with Processes(workdir, output_root) as processes:
        started = time.perf_counter()
        with override_settings(TASKS=settings.TASKS_BY_BACKEND["database"]):
            first_build = queue_full_build("Whole-site build (publish benchmark)")
        _wait_idle()
        first_build.refresh_from_db()
        assert first_build.status == StaticRebuild.Status.LIVE, first_build.error
        report("first static build of both sites, in the worker", _since(started), "s")
        with Editor(processes.web) as editor:
            figures = {}
            for kind, page, rounds in cases:
                figures[kind] = [
                    editor.publish(page, output_root, f"{kind} {n}") for n in range(rounds)
                ]
                _report(report, kind, figures[kind])
            editor.server = processes.inline
            for kind, page, _rounds in cases:
                inline = editor.publish(page, output_root, f"{kind} in the request")
                report(f"{kind}, rebuild in the request (baseline): browser wait", inline[0], "s")
                ratio = inline[0] / statistics.median(wait for wait, _, _ in figures[kind])
                report(f"{kind}: browser wait, baseline / worker", ratio, "x")


def _english(model):
    # Pages an editor made in the admin (with revisions), not the benchmarks' bulk inserts.
    return model.objects.live().filter(
        locale=Locale.get_default(), alias_of__isnull=True, latest_revision__isnull=False
    )


def _report(report, kind, rounds):
    waits, requests, to_file = (sorted(values) for values in zip(*rounds, strict=True))
    for label, values, target in [
        ("browser wait", waits, None),
        ("publish request", requests, "< 1 s"),
        ("click to static file on disk", to_file, "< 2 s" if kind == "plain page" else None),
    ]:
        report(f"{kind}: {label}, p50", statistics.median(values), "s", target)
        report(f"{kind}: {label}, p95", values[min(len(values) - 1, len(values) * 95 // 100)], "s")


class Processes:
    """The web server and task workers of `make run` on the benchmark's database, plus a
    second web server that rebuilds inside the request (the baseline)."""

    def __init__(self, workdir, output_root):
        self.env = {**os.environ, "TASKS_BACKEND": "database", "STATIC_BUILD_DIR": str(output_root)}
        self.log = open(workdir / "processes.log", "w")
        self.web, self.inline = _free_port(), _free_port()
        manage = [sys.executable, "manage.py"]
        worker = [*manage, "db_worker", "--no-startup-delay", "--no-reload", "--queue-name"]
        self.commands = [
            ([*manage, "runserver", "--noreload", str(self.web)], {}),
            (
                [*manage, "runserver", "--noreload", str(self.inline)],
                {"TASKS_BACKEND": "immediate"},
            ),
            ([*worker, "default"], {}),
            ([*worker, QUEUE], {}),
        ]

    def __enter__(self):
        self.running = [
            subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env={**self.env, **env},
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
            for command, env in self.commands
        ]
        for port in (self.web, self.inline):
            _wait_for(lambda port=port: _answers(port), f"the web server on port {port}")
        return self

    def __exit__(self, *exc):
        for process in self.running:
            process.terminate()
        for process in self.running:
            process.wait(30)
        self.log.close()


class Editor:
    """An editor logged in to the admin in Chromium."""

    def __init__(self, port):
        self.server = port

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        # Playwright's sync API runs an event loop in this thread; the ORM calls stay synchronous.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = self.browser.new_page()
        self.page.set_default_timeout(WAIT_SECONDS * 1000)
        # One session for both servers: a cookie belongs to the host, whatever the port.
        self.page.goto(self._url("/admin/login/"))
        self.page.fill("#id_username", EDITOR[0])
        self.page.fill("#id_password", EDITOR[1])
        with self.page.expect_navigation():
            self.page.click("button[type=submit]")
        return self

    def __exit__(self, *exc):
        self.browser.close()
        self.playwright.stop()

    def _url(self, path):
        return f"http://{settings.SITE_HOSTS['growingup']}:{self.server}{path}"

    def publish(self, page, output_root, marker):
        """Publish `page` under a new title; returns (browser wait, publish request, click to
        static file on disk) in seconds."""
        _wait_idle()
        page.refresh_from_db()
        title = f"{page.title.split(' · ')[0]} · {marker}"
        static_file = (
            output_root / site_key_of(page.get_site()) / url_to_path(page.get_url_parts()[2])
        )
        self.page.goto(self._url(f"/admin/pages/{page.pk}/edit/"))
        self.page.fill("#id_title", title)
        on_disk = FileWatch(static_file, title)
        started = time.perf_counter()
        on_disk.start(started)
        with self.page.expect_navigation(wait_until="load") as navigation:
            # The Publish button sits in the footer's menu: what a click on it does.
            self.page.evaluate("document.querySelector('button[name=action-publish]').click()")
        waited = _since(started)
        post = navigation.value.request.redirected_from
        if post is None:  # the form came back with an error
            raise AssertionError(f"{page.title}: not published: {self.page.inner_text('main')}")
        timing = post.timing
        request = (timing["responseEnd"] - timing["requestStart"]) / 1000
        return waited, request, on_disk.seconds()


class FileWatch(threading.Thread):
    """Notes when a file first holds a text, from a start time."""

    def __init__(self, path, text):
        super().__init__(daemon=True)
        self.path, self.text, self.found = path, text, None

    def start(self, started):
        self.started = started
        super().start()

    def run(self):
        deadline = self.started + WAIT_SECONDS
        while self.found is None and time.perf_counter() < deadline:
            if self.path.exists() and self.text in self.path.read_text(errors="replace"):
                self.found = time.perf_counter()
            time.sleep(0.02)

    def seconds(self):
        self.join()
        if self.found is None:
            raise AssertionError(f"{self.path} never held {self.text!r}")
        return self.found - self.started


def _wait_idle():
    """Until no rebuild or task is waiting or running."""

    def idle():
        busy = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
        return not (
            StaticRebuild.objects.unfinished().exists()
            or DBTaskResult.objects.filter(status__in=busy).exists()
        )

    _wait_for(idle, "the workers to finish")


def _wait_for(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Waited {WAIT_SECONDS} s for {what}")
        time.sleep(0.1)


def _answers(port):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"Host": settings.SITE_HOSTS["growingup"]}
    )
    try:
        with urllib.request.urlopen(request, timeout=2):
            return True
    except OSError:  # not up yet, or 503 while it starts
        return False


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _since(started):
    return time.perf_counter() - started
