"""How far a build has got, as `build_static`'s progress bar and the admin's build panel show
it: URLs done of the URLs to render, URLs per second, time left."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.publishing.build import build_site
from cms.publishing.models import StaticRebuild
from cms.publishing.progress import AtMostEvery, BuildProgress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_gives_the_rate_and_the_time_left_across_the_sites_of_a_build():
    clock = Clock()
    progress = BuildProgress(clock=clock)
    assert progress.rate is None and progress.seconds_left is None

    progress.start("growingup", 100)
    clock.now = 4.0
    progress.advance(40)
    assert progress.rate == 10.0
    assert progress.seconds_left == 6.0
    progress.start("generation", 60)
    assert (progress.done, progress.total, progress.seconds_left) == (40, 160, 12.0)


def test_a_throttled_listener_hears_at_most_once_a_second_and_always_at_a_site_end():
    clock = Clock()
    heard = []
    progress = BuildProgress(AtMostEvery(lambda p: heard.append(p.done), clock=clock), clock=clock)

    progress.start("growingup", 30)
    for step in range(1, 30):
        clock.now = step / 10
        progress.advance()
    progress.advance()

    # At the start, after each whole second, and at the end.
    assert heard == [0, 10, 20, 30]


@pytest.mark.django_db
def test_a_build_tells_its_progress_up_to_every_url_rendered(content, output_root):
    heard = []

    report = build_site(
        "growingup", output_root, progress=BuildProgress(lambda p: heard.append(p.done))
    )

    # Every URL but the search words, which come with the search index after the pages.
    assert heard == list(range(len(report.rendered) - 3 + 1))
    assert heard[-1] == len(report.rendered) - 3


@pytest.mark.django_db
def test_the_build_panel_shows_urls_done_rate_and_time_left_of_a_running_build(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    StaticRebuild.objects.create(
        trigger="Whole-site build (build_static)",
        full=True,
        status=StaticRebuild.Status.BUILDING,
        started_at=timezone.now(),
        urls_rendered=300,
        urls_total=1000,
        urls_per_second=25.0,
    )

    dashboard = client.get("/admin/").content.decode()

    assert "300 of 1000" in dashboard
    assert "25.0 URL/s, 0:28 left" in dashboard
