"""A build rendered by several worker processes, or by queued shard tasks, writes the same
bytes as a build in one process, and those bytes are the pages as Django serves them.

The workers open database connections of their own: these tests commit their content
(transactional_db), as a real build's database holds it."""

import io
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from cms.core.sites import site_for_key
from cms.publishing import parallel
from cms.publishing.build import build_site, site_jobs
from cms.publishing.folders import BUILDS_DIR
from cms.publishing.manifest import load_manifest
from cms.publishing.models import StaticRebuild
from cms.publishing.parallel import RenderWorkerDied, worker_count
from cms.publishing.rendering import SiteRenderer
from cms.publishing.shards import SHARDS_DIR
from cms.publishing.tasks import queue_full_build
from tests.core.factories import StandardPageFactory
from tests.events.factories import EventIndexPageFactory, make_event
from tests.publishing.built import as_built, files_of

pytestmark = pytest.mark.django_db(transaction=True)


def build_folders(output_root):
    return {path.name for path in (output_root / BUILDS_DIR).iterdir() if path.is_dir()}


@pytest.fixture
def small_site(content):
    """The test site with a few more pages, an event listing and its feeds."""
    home = content["home"]
    for number in range(3):
        StandardPageFactory(parent=home, title=f"Page {number}", slug=f"page-{number}")
    events = EventIndexPageFactory(parent=home)
    make_event(events, title="Story time", slug="story-time").save_revision().publish()
    make_event(events, title="Swim", slug="swim").save_revision().publish()
    return content


@pytest.fixture
def in_workers(monkeypatch):
    """Even a small build renders in workers."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)


@pytest.fixture
def render_pids(tmp_path, monkeypatch):
    """The processes that rendered, as a set of pids (the workers write to a shared file)."""
    log = tmp_path / "pids"
    render = SiteRenderer.render

    def noting_pid(self, url):
        with log.open("a") as file:
            file.write(f"{os.getpid()}\n")
        return render(self, url)

    monkeypatch.setattr(SiteRenderer, "render", noting_pid)
    return lambda: set(log.read_text().split())


def test_one_and_two_workers_build_the_same_bytes_as_django_serves(
    small_site, output_root, in_workers, render_pids
):
    one = build_site("growingup", output_root / "one", workers=1)
    assert render_pids() == {str(os.getpid())}
    two = build_site("growingup", output_root / "two", workers=2)

    assert len(render_pids() - {str(os.getpid())}) == 2
    assert two.rendered == one.rendered
    built = files_of(one.output_dir.resolve())
    assert files_of(two.output_dir.resolve()) == built
    # Every page, feed and search page is what Django serves, with the asset names hashed and
    # the security policy added, as the build does.
    site = site_for_key("growingup")
    client = Client(HTTP_HOST=site.hostname, HTTP_X_STATIC_BUILD="1")
    manifest = load_manifest(output_root / "one", "growingup")
    assert {"/page-2/", "/events/swim/", "/es/search/"} <= set(manifest.outputs)
    for url, output in manifest.outputs.items():
        if output.kind not in ("page", "search"):
            continue
        assert built[output.path] == as_built(client.get(url)), url
    assert any(path.endswith(".ics") for path in built)


def test_pages_with_pictures_record_the_same_dependencies_whatever_renders_them(
    sites, three_languages, synced, settings, tmp_path, output_root, in_workers
):
    """A picture's renditions are cached once made: which pages read them from the database
    depends on which process rendered what before. The build records the image, not them."""
    from wagtail_factories import ImageFactory

    from tests.generation.factories import TopicIndexPageFactory, TopicPageFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    topics = TopicIndexPageFactory(parent=sites["generation"].root_page)
    for title in ("School", "Work", "Money"):
        TopicPageFactory(
            parent=topics,
            title=title,
            hero_image=ImageFactory(title=title, file__width=960, file__height=540),
            hero_image_alt="A drawing.",
        )
    synced()
    build_site("generation", output_root / "first", workers=1)  # makes the renditions

    # Each build in a process of its own, as build_static runs, its cache empty.
    cache.clear()
    one = build_site("generation", output_root / "one", workers=1).output_dir.resolve()
    cache.clear()
    two = build_site("generation", output_root / "two", workers=2).output_dir.resolve()

    assert files_of(two) == files_of(one)
    manifest = load_manifest(output_root / "one", "generation")
    assert ["wagtailimages.image"] == [
        label
        for label in manifest.outputs["/topics/school/"].types
        if label.startswith("wagtailim")
    ]


def test_a_worker_that_dies_fails_the_build_and_keeps_the_live_output(
    small_site, output_root, in_workers, monkeypatch
):
    live = build_site("growingup", output_root, workers=1).output_dir
    before = files_of(live.resolve())
    folders = build_folders(output_root)
    builder = os.getpid()
    render = SiteRenderer.render

    def dying(self, url):
        if url == "/es/about/" and os.getpid() != builder:
            os._exit(9)
        return render(self, url)

    monkeypatch.setattr(SiteRenderer, "render", dying)

    with pytest.raises(RenderWorkerDied, match="A render worker stopped"):
        build_site("growingup", output_root, workers=2)

    assert files_of(live.resolve()) == before
    # The failed build's folder is gone.
    assert build_folders(output_root) == folders


def test_a_small_build_and_a_build_inside_a_transaction_render_in_process(small_site):
    from django.db import transaction

    jobs = site_jobs(site_for_key("growingup"), ["en", "es", "ar"])
    assert len(jobs) < parallel.PARALLEL_FROM
    assert worker_count(jobs, 2) == 1
    many = jobs * 10
    assert worker_count(many, 2) == 2
    assert worker_count(many, 1) == 1
    # Inside a transaction, a worker's own connection would not see what it wrote.
    with transaction.atomic():
        assert worker_count(many, 2) == 1


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = settings.TASKS_BY_BACKEND["database"]


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "publishing",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def test_a_build_in_queued_shard_tasks_is_the_one_process_build(
    small_site, output_root, settings, database_tasks
):
    one = build_site("growingup", output_root / "one", workers=1)
    settings.STATIC_BUILD_DIR = output_root / "shards"

    record = queue_full_build("Whole-site build in shards", ["growingup"], shards=3)
    assert StaticRebuild.objects.get(pk=record.pk).status == StaticRebuild.Status.QUEUED
    run_worker()

    record.refresh_from_db()
    assert record.status == StaticRebuild.Status.LIVE, record.error
    assert record.urls_total == len(one.rendered) - 3  # the search words come with the index
    sharded = output_root / "shards" / "growingup"
    assert files_of(sharded.resolve()) == files_of(one.output_dir.resolve())
    assert not any((output_root / "shards" / SHARDS_DIR).iterdir())


def test_a_build_notes_its_progress_on_its_record_for_the_build_panel(
    small_site, output_root, settings
):
    out = io.StringIO()

    call_command("build_static", "--site", "growingup", "--workers", "1", stdout=out)

    record = StaticRebuild.objects.get()
    assert record.status == StaticRebuild.Status.LIVE
    jobs = site_jobs(site_for_key("growingup"), ["en", "es", "ar"])
    assert record.urls_total == len(jobs)
    assert record.urls_per_second > 0
    # No progress bar when the output is not a terminal.
    assert "URL/s" not in out.getvalue()


def test_build_static_shows_a_progress_bar_when_asked(small_site, output_root):
    out = io.StringIO()

    call_command("build_static", "--site", "growingup", "--workers", "1", "--progress", stdout=out)

    assert "URL/s" in out.getvalue()
    assert "growingup:" in out.getvalue()
