"""The brain-building tips list and the activity guides: filters in the query string (no
JavaScript needed) and the same items as JSON for filtering in the browser."""

import json

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    BrainBuildingTipFactory,
    BrainBuildingTipIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def card_titles(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select("[data-results] h3")]


def items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)["items"]


def json_titles(items, **chosen):
    """What listing.js shows for a choice of filters: the same rule, applied to the JSON."""
    return [
        BeautifulSoup(item["html"], "html.parser").h3.get_text(strip=True)
        for item in items
        if all(value in item["facets"].get(name, []) for name, value in chosen.items())
    ]


@pytest.fixture
def tips(guides):
    BrainBuildingTipIndexPageFactory(parent=guides["home"])
    BrainBuildingTipFactory(title="Name the foods", months_from=6, months_to=36)
    BrainBuildingTipFactory(
        title="Splash and name", months_from=6, months_to=11, setting="bathtime"
    )
    BrainBuildingTipFactory(title="Play a game", months_from=48, months_to=155, setting="playtime")


@pytest.mark.parametrize(
    "query, expected",
    [
        # Youngest first.
        ("", ["Splash and name", "Name the foods", "Play a game"]),
        ("?age=baby", ["Splash and name", "Name the foods"]),
        ("?age=toddler", ["Name the foods"]),
        ("?setting=playtime", ["Play a game"]),
        ("?age=baby&setting=bathtime", ["Splash and name"]),
        ("?age=teen", []),
        ("?age=nonsense&setting=bathtime", ["Splash and name"]),
    ],
)
def test_tips_filter_by_age_and_time_of_day(tips, get, query, expected):
    response = get("growingup", f"/brain-building-tips/{query}")

    assert card_titles(response) == expected
    chosen = dict(pair.split("=") for pair in query.lstrip("?").split("&") if pair)
    chosen = {k: v for k, v in chosen.items() if k in ("age", "setting") and v != "nonsense"}
    # listing.js, working from the JSON, shows the same tips.
    assert json_titles(items(get("growingup", "/brain-building-tips/tips.json")), **chosen) == (
        expected
    )


def test_filter_form_keeps_its_state_and_offers_to_clear_it(tips, get):
    html = BeautifulSoup(
        get("growingup", "/brain-building-tips/?age=baby&setting=bathtime").content, "html.parser"
    )

    assert html.select_one("#filter-age option[selected]")["value"] == "baby"
    assert html.select_one("#filter-setting option[selected]")["value"] == "bathtime"
    assert not html.select_one("[data-clear]").has_attr("hidden")
    assert html.select_one("[data-count]").get_text() == "1"
    assert html.select_one("[data-listing]")["data-items"] == "/brain-building-tips/tips.json"
    # Pregnancy has no tips of its own, so it is not offered as an age.
    assert "expecting" not in [o["value"] for o in html.select("#filter-age option")]


def test_no_match_says_so(tips, get):
    html = BeautifulSoup(get("growingup", "/brain-building-tips/?age=teen").content, "html.parser")

    assert not html.select_one("[data-empty]").has_attr("hidden")


@pytest.fixture
def summer(guides):
    guide = ActivityGuidePageFactory(parent=guides["home"])
    ActivityPageFactory(
        parent=guide,
        title="Bronx art camp",
        borough="bronx",
        interests=["arts"],
        age_stage_slugs=["grade-schooler"],
        is_free=True,
    )
    ActivityPageFactory(
        parent=guide,
        title="Queens swim lessons",
        borough="queens",
        interests=["swimming", "sports"],
        age_stage_slugs=["preschooler", "grade-schooler"],
        is_free=True,
    )
    ActivityPageFactory(
        parent=guide,
        title="Bronx soccer",
        borough="bronx",
        interests=["sports"],
        age_stage_slugs=["teen"],
        cost="$20 a week",
    )
    return guide


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Bronx art camp", "Queens swim lessons", "Bronx soccer"]),
        ("?borough=bronx", ["Bronx art camp", "Bronx soccer"]),
        ("?age=grade-schooler", ["Bronx art camp", "Queens swim lessons"]),
        ("?interest=sports", ["Queens swim lessons", "Bronx soccer"]),
        ("?free=1", ["Bronx art camp", "Queens swim lessons"]),
        ("?borough=bronx&interest=sports&free=1", []),
        ("?borough=bronx&interest=sports", ["Bronx soccer"]),
    ],
)
def test_activities_filter_by_age_borough_interest_and_cost(summer, get, query, expected):
    assert card_titles(get("growingup", f"/summer/{query}")) == expected
    chosen = dict(pair.split("=") for pair in query.lstrip("?").split("&") if pair)
    assert json_titles(items(get("growingup", "/summer/activities.json")), **chosen) == expected


def test_activity_json_is_in_the_readers_language(summer, get, locales):
    activity = summer.get_children().first().specific
    translate(summer, locales["es"], {})
    translate(activity, locales["es"], {"Bronx art camp": "Campamento de arte"})

    spanish = items(get("growingup", "/es/summer/activities.json"))

    assert json_titles(spanish, free="1") == ["Campamento de arte"]
    assert 'href="/es/summer/' in spanish[0]["html"]
    assert "Gratis" in spanish[0]["html"] or "Free" in spanish[0]["html"]


def test_listings_tell_the_static_build_about_their_json(summer, tips):
    from sites.growingup.models import BrainBuildingTipIndexPage

    assert list(summer.static_site_paths()) == ["", "activities.json"]
    assert list(BrainBuildingTipIndexPage.objects.get().static_site_paths()) == ["", "tips.json"]


def test_only_the_listings_own_json_is_served(summer, get):
    assert get("growingup", "/summer/tips.json").status_code == 404


def test_activity_page_shows_the_facts_a_parent_needs(summer, get):
    response = get("growingup", "/summer/bronx-soccer/")
    html = BeautifulSoup(response.content, "html.parser")

    facts = {
        dt.get_text(): dd.get_text(" ", strip=True)
        for dt, dd in zip(html.select(".facts dt"), html.select(".facts dd"), strict=True)
    }
    assert facts["Ages"] == "Teen (13 to 18 years)"
    assert facts["Cost"] == "$20 a week"
    assert facts["Interests"] == "Sports"
    assert html.select_one(".breadcrumb a")["href"] == "/summer/"
