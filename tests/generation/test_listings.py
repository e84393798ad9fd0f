"""The trips and profile lists filter with a plain GET form (no JavaScript needed)."""

import re

import pytest

from sites.generation.models import ProfileTopic

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def titles(html):
    return re.findall(
        r'class="(?:trip-card__title|profile-card__name)"><a href="[^"]+">([^<]+)</a>', html
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Staten Island Ferry", "Museum night", "Boat ride"]),
        ("?type=this-week", ["Staten Island Ferry"]),
        ("?borough=queens", ["Museum night"]),
        ("?free=1", ["Staten Island Ferry", "Museum night"]),
        ("?week=1", ["Staten Island Ferry", "Museum night"]),
        ("?week=1&borough=staten-island", ["Staten Island Ferry"]),
        ("?borough=not-a-borough", ["Staten Island Ferry", "Museum night", "Boat ride"]),
    ],
)
def test_trips_filter_without_javascript(youth, get, query, expected):
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
