"""Fixtures every test package shares: the languages, and the two sites as load_demo makes
them (a home page each, English at the root, Spanish and Arabic translated)."""

import os

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page

from cms.core import demo
from cms.core.translation import translate
from tests.core.factories import GenerationHomePageFactory, GrowingUpHomePageFactory, SiteFactory

HOSTS = {"growingup": "growingup.localhost", "generation": "generation.localhost"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as load_demo starts it: the eleven languages, and no Wagtail welcome
    page. Done once here, so each test's `locales` and `sites` find them ready (tests that flush
    the database make them again)."""
    with django_db_blocker.unblock():
        demo.ensure_locales()
        demo.remove_wagtail_placeholder()


# Every test runs at a fixed instant, so none depends on the hour or the day it runs at. CLOCK
# picks another instant for the whole run. CLOCK_INSTANTS (space-separated) runs each test marked
# `clock` once at every one of them, in one session: `make clock` does, at the instants where
# dates go wrong.
CLOCK = os.environ.get("CLOCK") or "2026-12-02T10:00:00-05:00"
CLOCK_INSTANTS = os.environ.get("CLOCK_INSTANTS", "").split()


def pytest_generate_tests(metafunc):
    if CLOCK_INSTANTS and metafunc.definition.get_closest_marker("clock"):
        metafunc.parametrize("clock_instant", CLOCK_INSTANTS, indirect=True, ids=CLOCK_INSTANTS)


@pytest.fixture
def clock_instant(request):
    """The instant this test runs at: CLOCK, or one of CLOCK_INSTANTS for a `clock` test."""
    return getattr(request, "param", CLOCK)


@pytest.fixture(autouse=True)
def _fixed_clock(request, clock_instant):
    if request.node.get_closest_marker("browser"):
        # Chromium keeps the machine's clock, and so must the live server it talks to.
        yield
        return
    # The clock ticks from there: durations, timeouts and ordering by time behave as usual.
    with time_machine.travel(clock_instant, tick=True):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths; tests that create sites must not see another test's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_first():
    # A request in another language leaves it active in this thread; every test starts in
    # English, whichever test ran before it in this process.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    """All eleven languages, each mirroring English until translated."""
    demo.ensure_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def sites(locales):
    """Both sites on their hostnames (port 80 for the test client), with no catch-all site."""
    demo.remove_wagtail_placeholder()
    root = Page.get_first_root_node()
    if root is None:
        # Browser tests flush the database between tests, Wagtail's root page with it.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    growingup_home = GrowingUpHomePageFactory(parent=root)
    generation_home = GenerationHomePageFactory(parent=root)
    return {
        "growingup": SiteFactory(
            hostname=HOSTS["growingup"], root_page=growingup_home, site_name="Growing Up NYC"
        ),
        "generation": SiteFactory(
            hostname=HOSTS["generation"], root_page=generation_home, site_name="Generation NYC"
        ),
    }


@pytest.fixture
def translated_sites(sites, locales):
    """Both home pages translated into Spanish and Arabic, as in the demo."""
    for site in sites.values():
        for code in ("es", "ar"):
            home = site.root_page.specific
            translate(
                home,
                locales[code],
                {home.hero_heading: f"[{code}] {home.hero_heading}", home.title: home.title},
            )
    return sites


@pytest.fixture
def synced(sites):
    """Untranslated aliases in every language, as wagtail-localize keeps them."""

    def sync():
        demo.sync_locale_trees()

    return sync


@pytest.fixture
def search_reindex_held_back(monkeypatch):
    """A publish's search task stops after the recent-changes index: its second step, which
    indexes the changed languages again, does not run."""
    from cms.publishing import tasks
    from cms.publishing.build import rebuild_search_index
    from cms.publishing.search_plan import SearchIndexPlan

    def first_step_only(site_key, plan):
        recent = SearchIndexPlan.recent()
        return plan == recent and rebuild_search_index(site_key, plan=recent)

    monkeypatch.setattr(tasks, "rebuild_search_index", first_step_only)


def site_get(client, site_key, path, **extra):
    return client.get(path, HTTP_HOST=HOSTS[site_key], **extra)


@pytest.fixture
def get():
    """get("growingup", "/es/") fetches a path from one site with the test client."""
    from django.test import Client

    client = Client()
    return lambda site_key, path, **extra: site_get(client, site_key, path, **extra)


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"
