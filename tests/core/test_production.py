"""The production setup end to end, on PostgreSQL: a database of its own, migrated and given both
sites, collectstatic, and gunicorn with DEBUG off and two workers; then what an editor and a
reader reach: both home pages, the admin's login page and its CSS (through WhiteNoise), the
search API and /healthz; and gunicorn stops cleanly on SIGTERM.

Runs only when DATABASE_URL points at PostgreSQL (the PostgreSQL run of `make test`)."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("DATABASE_URL", "")
GUNICORN = Path(sys.executable).with_name("gunicorn")
HOSTS = {"growingup": "growingup.localhost", "generation": "generation.localhost"}
SITE_NAMES = {"growingup": "Growing Up NYC", "generation": "Generation NYC"}

pytestmark = pytest.mark.skipif(
    not SERVER_URL.startswith(("postgres://", "postgresql://")),
    reason="needs DATABASE_URL pointing at a PostgreSQL server",
)

# Both sites with their home and About pages, and the programs (for the search API), from the
# demo's own loaders. `load_demo` takes about two minutes on PostgreSQL, nearly all of it in
# search and reference index tasks run one object at a time; here the tasks stay queued, as in
# production, and `update_index` indexes everything at once.
LOAD_SITES = """
from cms.core import demo
from cms.programs import demo as programs
from sites.generation import demo as generation
from sites.growingup import demo as growingup
demo.remove_wagtail_placeholder()
demo.ensure_locales()
demo.ensure_age_stages()
for loader in (growingup, generation, programs):
    loader.load(lambda line: None)
"""


@pytest.fixture
def database():
    """The URL of a fresh database on DATABASE_URL's server, dropped afterwards."""
    name = f"smoke_{os.getpid()}"
    with psycopg.connect(SERVER_URL, autocommit=True) as server:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        server.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(SERVER_URL, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def production_env(database, tmp_path):
    # Nothing of the test settings' environment may leak into the production processes.
    leaked = {"DJANGO_SETTINGS_MODULE", "ELASTICSEARCH_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {key: value for key, value in os.environ.items() if key not in leaked}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.urandom(32).hex(),
        "ALLOWED_HOSTS": ",".join([*HOSTS.values(), "127.0.0.1"]),
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "TASKS_BACKEND": "database",
        "VAR_DIR": str(tmp_path / "var"),
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base_url, server, log, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited early:\n{log.read_text()}"
        try:
            # A worker's first request imports the URLconf and every view: seconds on a busy CI.
            response = requests.get(f"{base_url}/healthz", timeout=10)
            if response.status_code == 200:
                return response
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)  # polling a starting server: there is nothing to wait on instead
    pytest.fail(f"/healthz did not answer 200 within {seconds} s:\n{log.read_text()}")


def test_gunicorn_serves_both_sites_the_admin_and_its_static_files(production_env, tmp_path):
    manage(production_env, "migrate", "--no-input", "-v0")
    manage(production_env, "shell", "-v0", "-c", LOAD_SITES)
    manage(production_env, "update_index")
    manage(production_env, "collectstatic", "--no-input", "-v0")

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as output:
        server = subprocess.Popen(
            # No control socket: gunicorn's default, ~/.gunicorn/gunicorn.ctl, is one per user.
            [str(GUNICORN), "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
            + ["--no-control-socket"],
            cwd=ROOT,
            env=production_env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        health = wait_until_healthy(base_url, server, log)
        assert health.json()["status"] == "ok"

        def get(path, site="growingup"):
            return requests.get(f"{base_url}{path}", headers={"Host": HOSTS[site]}, timeout=10)

        for site, name in SITE_NAMES.items():
            home = get("/", site)
            assert home.status_code == 200, (site, home.status_code)
            assert name in home.text

        login = get("/admin/login/")
        assert login.status_code == 200
        stylesheets = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+\.css)"', login.text)
        assert stylesheets, "the admin login page links no stylesheet"
        css = get(stylesheets[0])
        assert css.status_code == 200
        assert css.headers["Content-Type"].startswith("text/css")
        assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheets[0]), stylesheets[0]
        # WhiteNoise's answer for a hashed name: cached for ever, and compressed.
        assert "immutable" in css.headers["Cache-Control"]
        assert css.headers.get("Content-Encoding") == "gzip"

        found = get("/api/search?q=snap")
        assert found.status_code == 200
        assert found.headers["Content-Type"].startswith("application/json")
        assert found.json()["count"] > 0

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0, log.read_text()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
