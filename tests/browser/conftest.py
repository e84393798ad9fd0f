"""Browser tests: Debian's Chromium driven by Playwright, against pytest-django's live server.

Run them alone with `make browser` (pytest -m browser). Helpers:
- `phone`: a page in a 375 px wide viewport, the size of a small phone;
- `site_url("growingup", "/es/")`: an address on one of the two sites of the live server;
- `assert_accessible(page)`: axe-core finds no serious or critical violation;
- `screenshot(page, "name")`: a full-page PNG in var/screenshots/ to look at;
- `static_copy(["en", "ar"])`: builds Growing Up NYC in those languages (or another site:
  `site_key="generation"`), serves the build with the plain static file server (no Django) and
  returns its address.

Every page opened through `browser` (and so `phone`) listens for Content-Security-Policy
violations, and a test whose pages reported one fails.
"""

import os
import threading
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the ORM calls of fixtures are still
# synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 375, "height": 812}
SERIOUS = {"serious", "critical"}
SCREENSHOTS = settings.VAR_DIR / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


# Runs in every frame before the page's own scripts: what a securitypolicyviolation event says.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
      `at ${event.sourceFile}:${event.lineNumber} (${event.sample})`,
  );
});
"""


class CheckedBrowser:
    """The browser, each of whose contexts notes the policy violations its pages report: in
    the securitypolicyviolation event, and in the console (also with JavaScript off)."""

    def __init__(self, browser):
        self._browser = browser
        self.violations = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.expose_function("reportCspViolation", self._report)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._console)
        return context

    def _report(self, violation):
        self.violations.append(violation)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(f"{message.text} ({message.location.get('url')})")

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium):
    """Chromium, failing the test on any Content-Security-Policy violation of its pages."""
    checked = CheckedBrowser(chromium)
    yield checked
    if checked.violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(checked.violations))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site_url(live_server):
    port = live_server.url.rsplit(":", 1)[1]

    def url(site_key, path="/"):
        return f"http://{site_key}.localhost:{port}{path}"

    return url


def axe_violations(page, impacts=SERIOUS):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
        if violation["impact"] in impacts
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"axe on {page.url}: {violations}"

    return check


@pytest.fixture
def screenshot():
    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def static_copy(tmp_path):
    """Call it once the pages are made (see the module's docstring)."""
    from cms.publishing.build import build_site
    from cms.publishing.server import make_server

    servers = []

    def serve(languages=("en",), site_key="growingup"):
        output = build_site(site_key, tmp_path, list(languages)).output_dir
        servers.append(make_server({f"{site_key}.localhost": output}, 0))
        threading.Thread(target=servers[-1].serve_forever, daemon=True).start()
        return f"http://{site_key}.localhost:{servers[-1].server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
