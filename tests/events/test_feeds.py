"""Subscribable feeds: one per site and language, narrowed by filters, and feed files per age
stage and borough that a static copy of the site can serve."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from cms.core.translation import translate
from cms.events.feeds import feed_url
from cms.events.listing_feeds import webcal_url
from tests.events.factories import days_from_today, make_event, new_york

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def summaries(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@pytest.fixture
def events(event_indexes, age_stages):
    index = event_indexes["growingup"]
    soon = days_from_today(2)
    return {
        "bronx-toddler": make_event(
            index,
            title="Bronx toddler music",
            starts_at=new_york(soon, 10),
            borough="bronx",
            age_stage_slugs="toddler",
            is_free=True,
        ),
        "bronx-teen": make_event(
            index,
            title="Bronx teen art",
            starts_at=new_york(soon, 16),
            borough="bronx",
            age_stage_slugs="preteen,teen",
        ),
        "queens-toddler": make_event(
            index,
            title="Queens toddler gym",
            starts_at=new_york(soon, 9),
            borough="queens",
            age_stage_slugs="baby,toddler",
            repeat="weekly",
        ),
        "long-past": make_event(
            index,
            title="Last summer's fair",
            starts_at=new_york(days_from_today(-90), 12),
            borough="bronx",
            age_stage_slugs="toddler",
        ),
        "other-site": make_event(
            event_indexes["generation"],
            title="Youth job fair",
            starts_at=new_york(soon, 12),
            borough="bronx",
            audience="youth",
        ),
    }


def test_site_feed_has_the_sites_current_events(events, get):
    response = get("growingup", "/events/feed.ics")

    assert summaries(response) == {"Bronx toddler music", "Bronx teen art", "Queens toddler gym"}
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert "Growing Up NYC" in str(calendar["X-WR-CALNAME"])
    assert summaries(get("generation", "/events/feed.ics")) == {"Youth job fair"}


def test_the_feed_keeps_a_series_as_one_event_with_its_rule(events, get):
    """The listing shows a series once at its next date; the feed still gives calendar apps
    the whole series: one VEVENT with its RRULE and its first date."""
    calendar = Calendar.from_ical(get("growingup", "/events/feed.ics").content)

    [gym] = [event for event in calendar.walk("VEVENT") if event["SUMMARY"] == "Queens toddler gym"]
    assert gym["RRULE"]["FREQ"] == ["WEEKLY"]
    assert gym.decoded("DTSTART") == new_york(days_from_today(2), 9)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/events/feed.ics?borough=bronx&age=toddler", {"Bronx toddler music"}),
        ("/events/feed.ics?age=teen", {"Bronx teen art"}),
        ("/events/feed.ics?free=1", {"Bronx toddler music"}),
        ("/events/feeds/age-toddler.ics", {"Bronx toddler music", "Queens toddler gym"}),
        ("/events/feeds/borough-queens.ics", {"Queens toddler gym"}),
        ("/events/feeds/borough-manhattan.ics", set()),
    ],
)
def test_feeds_filter_like_the_listing(events, get, path, expected):
    assert summaries(get("growingup", path)) == expected


def test_unknown_feed_file_is_not_found(events, get):
    assert get("growingup", "/events/feeds/age-grandparent.ics").status_code == 404


def test_feed_addresses_and_webcal_links(events, sites, locales):
    site = sites["growingup"]

    assert feed_url(site, locales["en"]) == "http://growingup.localhost/events/feed.ics"
    assert feed_url(site, locales["en"], age="toddler") == (
        "http://growingup.localhost/events/feeds/age-toddler.ics"
    )
    assert feed_url(site, locales["en"], age="toddler", borough="bronx") == (
        "http://growingup.localhost/events/feed.ics?age=toddler&borough=bronx"
    )
    assert webcal_url(feed_url(site, locales["en"], borough="bronx")) == (
        "webcal://growingup.localhost/events/feeds/borough-bronx.ics"
    )


def test_every_static_path_of_the_listing_is_served(events, event_indexes, get):
    index = event_indexes["growingup"]

    paths = list(index.static_site_paths())

    assert "feed.ics" in paths and "feeds/age-toddler.ics" in paths
    assert "feeds/borough-staten-island.ics" in paths
    for path in paths:
        assert get("growingup", f"/events/{path}").status_code == 200, path
    event = events["bronx-toddler"]
    for path in event.static_site_paths():
        assert get("growingup", f"/events/{event.slug}/{path}").status_code == 200, path


def test_feed_in_another_language_has_the_translations_with_the_same_ids(
    events, translated_sites, locales, get
):
    music = events["bronx-toddler"]
    translate(music, locales["es"], {"Bronx toddler music": "Música para niños pequeños"})

    spanish = Calendar.from_ical(get("growingup", "/es/events/feed.ics").content)
    english = Calendar.from_ical(get("growingup", "/events/feed.ics").content)

    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in spanish.walk("VEVENT")}
    assert uids["Música para niños pequeños"] == music.uid
    assert {str(e["UID"]) for e in english.walk("VEVENT")} == set(uids.values())


def test_feed_changes_only_when_its_events_do(events, get):
    first = get("growingup", "/events/feed.ics").content
    assert get("growingup", "/events/feed.ics").content == first

    music = events["bronx-toddler"]
    music.starts_at += timedelta(hours=1)
    music.ends_at += timedelta(hours=1)
    music.save_revision().publish()

    changed = Calendar.from_ical(get("growingup", "/events/feed.ics").content)
    sequences = {str(e["SUMMARY"]): e["SEQUENCE"] for e in changed.walk("VEVENT")}
    assert sequences["Bronx toddler music"] == 1 and sequences["Bronx teen art"] == 0
