"""The static copy carries the public Content-Security-Policy: in every HTML page, as a meta
element (which browsers read, except for frame-ancestors), and in the `_headers` file that
Netlify- and Cloudflare-style hosts read, which the project's own static server applies too."""

import os
import re
import subprocess
import sys
import threading

import pytest
import requests
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from cms.publishing.server import make_server
from tests.publishing.built import files_of

pytestmark = pytest.mark.django_db

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy):
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def live_policy():
    """The live public pages' policy, as {directive: [values]}."""
    response = Client().get("/", HTTP_HOST="growingup.localhost")
    return directives(response["Content-Security-Policy"])


def test_every_html_page_of_the_build_has_the_policy_first_in_its_head(content, build):
    # A redirect's fallback page is written from a template of its own.
    Redirect.add_redirect(
        "/who-we-are", redirect_to=content["about"], site=content["sites"]["growingup"]
    )
    site_dir = build().output_dir
    policy = live_policy()
    pages = sorted(site_dir.rglob("*.html"))

    assert len(pages) > 5 and site_dir / "who-we-are/index.html" in pages
    for page in pages:
        html = page.read_text()
        found = META.findall(html)
        assert found, f"{page.relative_to(site_dir)} has no policy"
        assert directives(found[0]) == {
            name: values for name, values in policy.items() if name != "frame-ancestors"
        }
        # Before any stylesheet or script, so that the policy covers them.
        loads = [at for at in (html.find("<link"), html.find("<script")) if at >= 0]
        assert html.index("Content-Security-Policy") < min(loads, default=len(html))


def test_the_headers_file_has_the_whole_policy_for_every_address(content, build):
    site_dir = build().output_dir
    lines = (site_dir / "_headers").read_text().splitlines()

    assert lines[0] == "/*"
    rule = lines[1 : next(n for n, line in enumerate(lines) if n and not line[0].isspace())]
    headers = dict(line.strip().split(": ", 1) for line in rule)
    assert directives(headers["Content-Security-Policy"]) == live_policy()
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_static_server_sends_the_policy_on_pages_files_and_404s(content, build):
    site_dir = build().output_dir
    server = make_server({"growingup.localhost": site_dir}, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    host = {"Host": "growingup.localhost"}
    try:
        responses = [
            requests.get(f"{address}{path}", headers=host, timeout=5)
            for path in ("/", "/es/about/", "/sitemap.xml", "/es/no-such-page/")
        ]
    finally:
        server.shutdown()
        server.server_close()

    assert [response.status_code for response in responses] == [200, 200, 200, 404]
    for response in responses:
        assert directives(response.headers["Content-Security-Policy"]) == live_policy()


def test_pages_are_asked_for_again_and_hashed_files_kept_a_year(content, build):
    # A reader who comes back after a publish, or an alert banner, sees it: no browser keeps
    # a page for a lifetime it guessed from Last-Modified.
    site_dir = build().output_dir
    asset = next(path for path in files_of(site_dir) if path.startswith("static/"))
    server = make_server({"growingup.localhost": site_dir}, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        caching = {
            path: requests.get(
                f"{address}{path}", headers={"Host": "growingup.localhost"}, timeout=5
            ).headers.get("Cache-Control")
            for path in ("/", "/es/about/", "/sitemap.xml", "/events/feed.ics", f"/{asset}")
        }
    finally:
        server.shutdown()
        server.server_close()

    assert caching.pop(f"/{asset}") == "public, max-age=31536000, immutable"
    assert set(caching.values()) == {"no-cache"}
    rules = (site_dir / "_headers").read_text()
    assert "/static/*\n  Cache-Control: public, max-age=31536000, immutable" in rules
    assert "/*\n" in rules and rules.count("Cache-Control") == 2  # the pages: the host's default


def test_the_policy_is_written_the_same_way_in_every_process():
    # Else each build's pages would differ, and every deploy would upload every page again.
    code = "import django; django.setup(); from cms.security import public_policy as p; print(p())"
    written = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "cms.test_settings",
                "PYTHONHASHSEED": seed,
            },
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in ("1", "2", "3")
    }

    assert len(written) == 1
