"""An edited event renders again exactly what shows it: its own outputs and those whose recorded
dependencies include it, nothing of the other site; only a change that may move it in or out of
a listing (its dates, its ages) brings the listings of its own site."""

from datetime import timedelta

import pytest
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

from cms.publishing import signals
from cms.publishing.build import build_site
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.publishing.built import editor_changes, files_of, manifest_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(sites, three_languages, synced, build, django_capture_on_commit_callbacks, monkeypatch):
    """Both sites with an event listing; on Growing Up NYC a weekly story time and a concert,
    on Generation NYC a workshop; both built. `change(action)` makes the change as an editor
    does, committed, and returns {site key: report} of the rebuilds."""
    LocaleSynchronization.objects.all().delete()
    indexes = {
        key: EventIndexPageFactory(parent=site.root_page, title="Events")
        for key, site in sites.items()
    }
    story = make_event(
        indexes["growingup"],
        title="Story time",
        slug="story-time",
        repeat="weekly",
        repeat_weekdays="",
        repeat_count=8,
    )
    concert = make_event(indexes["growingup"], title="Concert", slug="concert")
    workshop = make_event(
        indexes["generation"], title="Workshop", slug="workshop", audience="youth"
    )
    for page in (story, concert, workshop):
        page.save_revision().publish()
    synced()
    for key in sites:
        build_site(key)
    signals.flush()  # what making the pages left to rebuild

    return {
        "story": story,
        "concert": concert,
        "sites": sites,
        "change": editor_changes(monkeypatch, django_capture_on_commit_callbacks),
    }


def showing(site_dir, page):
    """The URLs whose recorded dependencies include the page or one of its translations."""
    ids = set(page.get_translations(inclusive=True).values_list("pk", flat=True))
    ids |= set(Page.objects.filter(alias_of=page).values_list("pk", flat=True))
    manifest = manifest_of(site_dir)
    return {
        output["url"]
        for output in manifest["outputs"]
        if output["page"] in ids or ids & set(output["pages"])
    }


def test_an_edited_event_renders_again_exactly_what_shows_it(events, output_root, tmp_path):
    story = events["story"]
    expected = showing(output_root / "growingup", story)

    def edit():
        story.summary = "Stories, songs and rhymes."
        story.save_revision().publish()

    reports = events["change"](edit)

    assert "generation" not in reports
    assert set(reports["growingup"].rendered) == expected
    # What shows it: its own page and calendar file, the listing and its feeds, in each
    # language; not the page of the other event.
    assert {"/events/story-time/", "/es/events/story-time/event.ics", "/events/"} <= expected
    assert "/events/feed.ics" in expected
    assert not any("/concert/" in url for url in expected)
    # The feeds show it too (they noted the events they read), and every file is as a full
    # build writes it.
    assert (
        rb"Stories\, songs and rhymes." in (output_root / "growingup/events/feed.ics").read_bytes()
    )
    full = build_site("growingup", tmp_path / "full").output_dir
    assert files_of(output_root / "growingup", manifest=False, search_index=False) == files_of(
        full, manifest=False, search_index=False
    )


def test_an_event_whose_dates_change_renders_the_listings_of_its_own_site_only(
    events, output_root, tmp_path
):
    story = events["story"]

    def move():
        story.starts_at = new_york(days_from_today(1), 16)
        story.ends_at = story.starts_at + timedelta(hours=1)
        story.save_revision().publish()

    reports = events["change"](move)

    assert "generation" not in reports
    rendered = set(reports["growingup"].rendered)
    assert "/events/" in rendered and "/es/events/feeds/borough-brooklyn.ics" in rendered
    full = build_site("growingup", tmp_path / "full").output_dir
    assert files_of(output_root / "growingup", manifest=False, search_index=False) == files_of(
        full, manifest=False, search_index=False
    )
