"""The trips and profile lists filter with a plain GET form (no JavaScript needed)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms.core.city_time import NEW_YORK
from sites.generation.models import ProfileTopic
from tests.generation.factories import TripPageFactory

# The tests whose answer depends on today's date are marked `clock`: they run at several instants.
pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


def new_york_today():
    return datetime.datetime.now(NEW_YORK).date()


def titles(html):
    return re.findall(
        r'class="(?:trip-card__title|profile-card__name)"[^>]*><a href="[^"]+">(?:<bdi>)?([^<]+)<',
        html,
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Staten Island Ferry", "Museum night", "Boat ride"]),
        ("?borough=queens", ["Museum night"]),
        ("?free=1", ["Staten Island Ferry", "Museum night"]),
        ("?borough=not-a-borough", ["Staten Island Ferry", "Museum night", "Boat ride"]),
    ],
)
def test_trips_filter_without_javascript(youth, get, query, expected):
    assert titles(get("generation", f"/trips/{query}").text) == expected


@pytest.mark.clock
@pytest.mark.parametrize(
    "query, expected",
    [
        ("?type=this-week", ["Staten Island Ferry"]),
        ("?week=1", ["Staten Island Ferry", "Museum night"]),
        ("?week=1&borough=staten-island", ["Staten Island Ferry"]),
    ],
)
def test_trips_of_this_week_filter_without_javascript(youth, get, query, expected):
    assert titles(get("generation", f"/trips/{query}").text) == expected


def test_filter_form_keeps_the_readers_choices(youth, get):
    html = get("generation", "/es/trips/?borough=queens&free=1").text

    assert '<form class="filters" method="get" action="/es/trips/"' in html
    assert '<option value="queens" selected>' in html
    assert 'name="free" value="1" checked' in html
    # A filtered list is not the whole list: the script leaves it to the server.
    assert 'id="listing-results" data-complete' not in html
    assert 'id="listing-results" data-complete' in get("generation", "/es/trips/").text


def test_profiles_filter_by_topic_and_borough(youth, get):
    adult = youth["adult"]
    adult.topic_links = [ProfileTopic(topic=youth["work"])]
    adult.save_revision().publish()

    assert titles(get("generation", "/inspirations/?borough=bronx").text) == ["Maya"]
    assert titles(get("generation", "/inspirations/?topic=work").text) == ["Luis Ramos"]
    assert titles(get("generation", "/inspirations/?topic=school").text) == []
    assert 'data-topic="work"' in get("generation", "/inspirations/").text


@pytest.mark.clock
def test_this_week_means_until_sunday_in_new_york_as_for_events(youth, get):
    # At the usual clock, Wednesday 2 December 2026, 10:00 in New York, "this week" ends with
    # Sunday the 6th, as on the events listing; a trip on the coming Monday is next week's.
    today = new_york_today()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    trips = youth["trips"]
    TripPageFactory(parent=trips, title="Sunday swim", slug="sunday", starts_on=monday - DAY)
    TripPageFactory(parent=trips, title="Monday walk", slug="monday", starts_on=monday)

    this_week = titles(get("generation", "/trips/?week=1").text)
    assert "Sunday swim" in this_week and "Monday walk" not in this_week
    home = get("generation", "/").text
    assert "Sunday swim" in home and "Monday walk" not in home


@pytest.mark.clock
def test_a_trip_that_is_over_is_not_listed(youth, get):
    TripPageFactory(
        parent=youth["trips"],
        title="Last week",
        slug="over",
        starts_on=new_york_today() - 7 * DAY,
    )

    assert "Last week" not in titles(get("generation", "/trips/").text)


@pytest.mark.parametrize("path", ["/es/trips/", "/es/trips/trips.json"])
def test_untranslated_cards_learn_their_language_in_one_query(youth, get, path):
    # Every trip here is an untranslated copy of the English one, whose language each card
    # asks (for its lang attributes and the listing's note): one query for all the cards, not
    # one per card.
    def queries():
        synchronize_tree(Locale.get_default(), Locale.objects.get(language_code="es"))
        get("generation", path)
        with CaptureQueriesContext(connection) as captured:
            response = get("generation", path)
        assert response.status_code == 200
        return len(captured)

    three = queries()
    for number in range(5):
        TripPageFactory(parent=youth["trips"], title=f"Walk {number}", slug=f"walk-{number}")

    assert queries() == three
