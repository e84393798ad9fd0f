"""The build's caches (cms.core.build_cache): a build reads what is fixed while it renders once,
writes the same files and records the same dependencies as without them, and the next build
reads the database afresh."""

import json
import statistics
from contextlib import nullcontext
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.core import build_cache
from cms.core.models import AgeStage, AlertBanner
from cms.core.translation import translate
from cms.publishing import build as build_module
from cms.publishing import rendering
from cms.publishing.build import build_site
from tests.core.factories import AlertBannerFactory, StandardPageFactory
from tests.editorial.factories import AgeStageFactory
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york


@pytest.fixture
def small_site(content, synced):
    """Growing Up NYC in three languages: a menu of three pages (one translated into Spanish),
    a section with pages under it, an events listing with a few events, an alert banner and
    an age stage the listing offers as a filter."""
    home, about = content["home"], content["about"]
    translate(about, Locale.objects.get(language_code="es"), {"About us": "Sobre nosotros"})
    section = StandardPageFactory(
        parent=home, title="Services", slug="services", show_in_menus=True
    )
    for number in range(3):
        StandardPageFactory(parent=section, title=f"Service {number}", slug=f"service-{number}")
    events = EventIndexPageFactory(parent=home, title="Events", slug="events", show_in_menus=True)
    for number in range(3):
        make_event(events, title=f"Story {number}", starts_at=new_york(days_from_today(number + 1)))
    AlertBannerFactory(site=content["sites"]["growingup"], message="Pools are closed today.")
    AgeStageFactory(name="Little ones", slug="little-ones")
    synced()
    return {**content, "section": section, "events": events}


def _built_files(report):
    root = Path(report.output_dir).resolve()
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def _outputs(files):
    return json.loads(files.pop("build-manifest.json"))["outputs"]


def test_a_build_with_its_caches_writes_the_same_bytes_and_records_the_same_reads(
    small_site, tmp_path, monkeypatch
):
    # Both at one instant: a calendar file says when it was made.
    with time_machine.travel(timezone.now(), tick=False):
        cached = _built_files(build_site("growingup", tmp_path / "cached"))
        monkeypatch.setattr(build_module, "during_build", nullcontext)
        plain = _built_files(build_site("growingup", tmp_path / "plain"))

    cached_outputs, plain_outputs = _outputs(cached), _outputs(plain)
    assert len(plain) > 40
    assert sorted(cached) == sorted(plain)
    assert [path for path in plain if cached[path] != plain[path]] == []
    assert cached_outputs == plain_outputs


def _page(files, path):
    return files[path].decode()


def test_a_second_build_in_the_same_process_shows_what_changed_since_the_first(
    small_site, tmp_path
):
    first = _built_files(build_site("growingup", tmp_path / "first"))
    assert "Pools are closed today." in _page(first, "index.html")
    assert "Little ones" in _page(first, "events/index.html")
    assert ">Services</a>" in _page(first, "index.html")
    assert 'href="/es/sobre-nosotros/"' not in _page(first, "about/index.html")

    section = small_site["section"]
    section.title = "Help"
    section.save_revision().publish()
    about = small_site["about"]
    about.show_in_menus = False
    about.save_revision().publish()
    AlertBanner.objects.update(message="Pools open again tomorrow.")
    AgeStage.objects.filter(slug="little-ones").update(name="Babies and toddlers")
    spanish_about = about.get_translation(Locale.objects.get(language_code="es"))
    spanish_about.slug = "sobre-nosotros"
    spanish_about.save_revision().publish()

    second = _built_files(build_site("growingup", tmp_path / "second"))
    home_page = _page(second, "index.html")
    assert "Pools open again tomorrow." in home_page
    assert "Pools are closed today." not in home_page
    assert ">Help</a>" in home_page and ">Services</a>" not in home_page
    assert ">About us</a>" not in home_page
    assert "Babies and toddlers" in _page(second, "events/index.html")
    assert 'href="/es/sobre-nosotros/"' in _page(second, "about/index.html")
    assert not build_cache.active()


def test_the_median_url_of_a_small_site_costs_at_most_five_queries(
    small_site, tmp_path, monkeypatch
):
    counts = []
    render = rendering.SiteRenderer.render

    def counted(self, url):
        connection.queries_log.clear()  # the log keeps 9,000 queries at most
        with CaptureQueriesContext(connection) as queries:
            rendered = render(self, url)
        counts.append(len(queries.captured_queries))
        return rendered

    monkeypatch.setattr(rendering.SiteRenderer, "render", counted)
    build_site("growingup", tmp_path)
    assert len(counts) > 30
    assert statistics.median(counts) <= 5


def test_outside_a_build_every_value_is_computed_again(db):
    calls = []
    assert build_cache.cached(("answer",), lambda: calls.append(1) or len(calls)) == 1
    assert build_cache.cached(("answer",), lambda: calls.append(1) or len(calls)) == 2


def test_a_value_is_kept_for_its_build_and_replays_what_it_read(sites):
    site = sites["growingup"]
    with build_cache.during_build():
        with build_cache.reads() as first:
            root = build_cache.cached(("root",), lambda: Page.objects.get(pk=site.root_page_id))
        with build_cache.reads() as second:
            again = build_cache.cached(("root",), lambda: pytest.fail("computed twice"))
        assert again is root
        assert first == second == {("wagtailcore.page", site.root_page_id)}
    with build_cache.during_build(), build_cache.reads() as third:
        build_cache.cached(("root",), lambda: Page.objects.get(pk=site.root_page_id))
    assert third == first


def test_wagtail_is_itself_again_after_a_build_that_failed(sites):
    find_site, route = Site._find_for_request, Page.route
    with pytest.raises(RuntimeError), build_cache.during_build():
        assert Page.route is not route
        raise RuntimeError("a template raised")
    assert Site._find_for_request is find_site
    assert Page.route is route
    assert not build_cache.active()


def test_an_alert_banner_that_ends_during_a_build_leaves_the_pages_rendered_after(sites):
    site = sites["growingup"]
    english = Locale.get_default()
    now = timezone.now()
    AlertBannerFactory(site=site, message="Ends soon", ends_at=now + timezone.timedelta(hours=1))
    with build_cache.during_build():
        assert [b.message for b in AlertBanner.objects.for_reader(site, english, now)] == [
            "Ends soon"
        ]
        later = now + timezone.timedelta(hours=2)
        assert list(AlertBanner.objects.for_reader(site, english, later)) == []
