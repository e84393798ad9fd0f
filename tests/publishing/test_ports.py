"""The port the sites are served on (`make run PORT=8123`) is in every absolute address the
project writes: the Wagtail Sites load_demo makes, and through them calendar feeds and their
webcal links, canonical links, sitemaps and robots.txt, and the admin's base URL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Page, Site

from cms.core import demo
from cms.events.feeds import feed_url
from cms.events.listing_feeds import webcal_url
from tests.core.factories import GrowingUpHomePageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def settings_with(**env):
    """SITE_PORT, STATIC_PORT and WAGTAILADMIN_BASE_URL as cms.settings reads them from env."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PORT", "SITE_PORT", "STATIC_PORT", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(DEBUG="1", **env)
    code = "import cms.settings as s; print(s.SITE_PORT, s.STATIC_PORT, s.WAGTAILADMIN_BASE_URL)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_the_settings_take_the_port_from_PORT():
    assert settings_with() == ["8000", "8001", "http://growingup.localhost:8000"]
    assert settings_with(PORT="8123", STATIC_PORT="8124") == [
        "8123",
        "8124",
        "http://growingup.localhost:8123",
    ]
    # SITE_PORT, the public port, wins over a platform's PORT (the one gunicorn binds).
    assert settings_with(PORT="34567", SITE_PORT="443")[0] == "443"


def test_make_run_hands_its_ports_to_load_demo_and_run_sites():
    shown = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "--eval",
            "show-ports: ; @echo $$SITE_PORT $$STATIC_PORT",
            "show-ports",
            "PORT=8123",
            "STATIC_PORT=8124",
        ],
        cwd=ROOT,
        env={**os.environ, "SITE_PORT": "8000"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["8123", "8124"]


def test_load_demo_makes_the_sites_on_the_port_and_moves_them_there(settings, locales):
    settings.SITE_PORT = 8123
    demo.remove_wagtail_placeholder()
    home = GrowingUpHomePageFactory(parent=Page.get_first_root_node())

    site, created = demo.ensure_site("growingup", home, "Growing Up NYC")
    assert created
    assert site.root_url == "http://growingup.localhost:8123"

    # Loaded again on another port: the same Site, moved there, not a second one.
    settings.SITE_PORT = 8124
    moved, created = demo.ensure_site("growingup", home, "Growing Up NYC")
    assert not created
    assert moved.pk == site.pk
    assert Site.objects.get(hostname="growingup.localhost").port == 8124


@pytest.fixture
def on_port_8123(content, settings, synced):
    """Growing Up NYC as `make run PORT=8123` leaves it, with an event listing and an event."""
    settings.SITE_PORT = 8123
    home = content["home"]
    site, _created = demo.ensure_site("growingup", home, "Growing Up NYC")
    index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=index, title="Story time")
    synced()
    return {"site": site, "index": index, **content}


def test_feeds_webcal_links_and_canonical_links_carry_the_port(on_port_8123, client, locales):
    site = on_port_8123["site"]
    host = {"HTTP_HOST": "growingup.localhost:8123", "SERVER_PORT": "8123"}

    assert feed_url(site, locales["en"]) == "http://growingup.localhost:8123/events/feed.ics"
    listing = client.get("/events/", **host).content.decode()
    assert 'href="webcal://growingup.localhost:8123/events/feed.ics"' in listing
    assert '<link rel="canonical" href="http://growingup.localhost:8123/events/">' in listing
    assert webcal_url(feed_url(site, locales["es"])).startswith(
        "webcal://growingup.localhost:8123/es/events/"
    )
    feed = client.get("/events/feed.ics", **host).content.decode()
    assert "http://growingup.localhost:8123/events/story-time/" in feed.replace("\r\n ", "")


def test_the_static_build_writes_the_port_in_sitemaps_and_canonical_links(on_port_8123, build):
    report = build()

    sitemap = (report.output_dir / "sitemap.xml").read_text()
    assert "<loc>http://growingup.localhost:8123/events/</loc>" in sitemap
    assert ":8000" not in sitemap
    robots = (report.output_dir / "robots.txt").read_text()
    assert "Sitemap: http://growingup.localhost:8123/sitemap.xml" in robots
    page = (report.output_dir / "events/index.html").read_text()
    assert '<link rel="canonical" href="http://growingup.localhost:8123/events/">' in page
    assert "webcal://growingup.localhost:8123/events/feed.ics" in page
