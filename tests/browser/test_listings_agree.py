"""Every listing of both sites filters to the same items on the server (the GET form, which
the live site answers) and in the browser (core/listing.js on the static copy, which ignores
the query string and filters the JSON the build wrote), for the same filters: one mechanism,
one meaning of each filter and of each date word."""

from urllib.parse import urlencode

import pytest

from cms.programs.sync import ProgramSync
from sites.generation.models import ProfileTopic
from tests.browser.test_static_listings import PROGRAMS
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.generation.conftest import generation_content  # noqa: F401 (a fixture)
from tests.generation.factories import TripPageFactory
from tests.growingup.conftest import stages  # noqa: F401 (a fixture)
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    BrainBuildingTipFactory,
    BrainBuildingTipIndexPageFactory,
)
from tests.programs.factories import ProgramIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stages")]

# (site, listing, filters): each set of filters as the form sends it.
LISTINGS = [
    (
        "growingup",
        "/summer/",
        [{}, {"borough": "bronx"}, {"interest": "sports"}, {"free": "1"}, {"age": "teen"}],
    ),
    (
        "growingup",
        "/brain-building-tips/",
        [{}, {"age": "baby"}, {"setting": "playtime"}, {"age": "baby", "setting": "bathtime"}],
    ),
    (
        "growingup",
        "/events/",
        [
            {},
            {"borough": "bronx"},
            {"free": "1"},
            {"when": "today"},
            {"when": "weekend"},
            {"when": "week"},
            {"when": "dates", "start": days_from_today(2), "end": days_from_today(10)},
        ],
    ),
    ("growingup", "/programs/", [{}, {"category": "health"}, {"q": "clinic"}]),
    (
        "generation",
        "/trips/",
        [
            {},
            {"type": "this-week"},
            {"borough": "queens"},
            {"free": "1"},
            {"week": "1"},
            {"week": "1", "borough": "staten-island"},
        ],
    ),
    ("generation", "/inspirations/", [{}, {"borough": "bronx"}, {"topic": "work"}]),
]


def next_monday():
    today = days_from_today(0)
    return days_from_today(7 - today.weekday())


@pytest.fixture
def both_sites(translated_sites, generation_content, synced, static_copy):  # noqa: F811
    growingup = translated_sites["growingup"].root_page
    summer = ActivityGuidePageFactory(parent=growingup)
    ActivityPageFactory(parent=summer, title="Art camp", borough="bronx", is_free=True)
    ActivityPageFactory(
        parent=summer,
        title="Teen soccer",
        borough="queens",
        interests=["sports"],
        age_stage_slugs=["teen"],
    )
    ActivityPageFactory(parent=summer, title="Swim and play", interests=["sports", "swimming"])
    BrainBuildingTipIndexPageFactory(parent=growingup)
    BrainBuildingTipFactory(title="Name the foods", months_from=6, months_to=36)
    BrainBuildingTipFactory(
        title="Splash and name", months_from=6, months_to=11, setting="bathtime"
    )
    BrainBuildingTipFactory(title="Play a game", months_from=48, months_to=155, setting="playtime")
    events = EventIndexPageFactory(parent=growingup, title="Events")
    make_event(
        events,
        title="Daily park walk",
        starts_at=new_york(days_from_today(1), 8),
        repeat="daily",
        repeat_count=25,
        borough="brooklyn",
        is_free=True,
        # The listing shows the series once, at its first date that is not cancelled: after
        # the open mic, not before it.
        changes=[{"original_date": days_from_today(n), "cancelled": True} for n in (1, 2, 3)],
    )
    make_event(events, title="Late swim", starts_at=new_york(days_from_today(0), 23, 30))
    make_event(events, title="Monday class", starts_at=new_york(next_monday(), 9))
    make_event(
        events, title="Teen open mic", starts_at=new_york(days_from_today(3), 18), borough="bronx"
    )
    ProgramIndexPageFactory(parent=growingup)

    # Generation NYC as the other tests have it, with a profile on a topic and the trips
    # that try the edges of "this week" and of "over".
    luis = generation_content["adult"]
    luis.topic_links = [ProfileTopic(topic=generation_content["work"])]
    luis.save_revision().publish()
    trips = generation_content["trips"]
    TripPageFactory(parent=trips, title="Bear Mountain", borough="queens")
    TripPageFactory(parent=trips, title="Monday market", starts_on=next_monday())
    TripPageFactory(parent=trips, title="Fair that is over", starts_on=days_from_today(-3))

    synced()
    ProgramSync().apply(PROGRAMS)
    return {site: static_copy(["en"], site_key=site) for site in ("growingup", "generation")}


RESULTS = "[data-results] > li"


def shown(page):
    """Each result the page shows, in order: the address it links to, or its heading."""
    return page.locator(RESULTS).evaluate_all(
        "items => items.map(item => {"
        " const link = item.querySelector('a[href]');"
        " return link ? link.getAttribute('href')"
        " : item.querySelector('h2, h3').textContent.trim();"
        " })"
    )


def test_server_and_browser_filter_each_listing_to_the_same_items(both_sites, browser, get):
    # One build of both sites serves every listing: building them again for each would cost
    # more than all the comparisons together.
    # The server's pages, read by the same code with scripts off.
    plain = browser.new_context(java_script_enabled=False).new_page()
    scripted = browser.new_context().new_page()
    scripted.set_default_timeout(10_000)
    for site, listing, all_filters in LISTINGS:
        seen = set()
        for filters in all_filters:
            query = urlencode(filters)
            response = get(site, f"{listing}?{query}")
            assert response.status_code == 200
            plain.set_content(response.content.decode())
            server = shown(plain)
            server_count = plain.locator("[data-count]").inner_text()

            scripted.goto(f"{both_sites[site]}{listing}?{query}")
            if query:
                # The file server ignores the query; the script loads the JSON and applies it.
                scripted.locator("[data-listing].listing--instant").wait_for(state="attached")
            assert (shown(scripted), scripted.locator("[data-count]").inner_text()) == (
                server,
                server_count,
            ), (listing, filters)
            seen.add(tuple(server))
        # The filters tell the items apart: a listing that showed the same items for every
        # choice would prove little.
        assert len(seen) > 1, listing
