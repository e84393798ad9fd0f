"""The events listing on each site: filters by GET (no JavaScript needed), pagination, and the
event page with its JSON-LD."""

import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.events.recurrence import NEW_YORK
from cms.events.views import PER_PAGE
from tests.events.factories import days_from_today, make_event, new_york

# The tests whose answer depends on the day or the hour are marked `clock`: they run at several
# instants. The others make their events days ahead and check what does not move with time.
pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="event-card__title"><a href="[^"]*">([^<]+)</a>', response.text)


def next_weekday(weekday, after=1):
    day = days_from_today(after)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


@pytest.fixture
def listing(event_indexes, age_stages):
    index = event_indexes["growingup"]
    tomorrow = days_from_today(1)
    make_event(
        index,
        title="Bronx toddler time",
        starts_at=new_york(next_weekday(1), 10),
        borough="bronx",
        age_stage_slugs="baby,toddler",
        is_free=True,
    )
    make_event(
        index,
        title="Queens teen coding",
        starts_at=new_york(days_from_today(20), 16),
        borough="queens",
        age_stage_slugs="teen",
    )
    make_event(
        index,
        title="Online preteen book club",
        starts_at=new_york(next_weekday(2), 18),
        borough="",
        venue_name="",
        address="",
        is_virtual=True,
        online_url="https://example.org/book-club",
        age_stage_slugs="preteen",
        is_free=True,
    )
    make_event(
        index,
        title="Weekend farm day",
        starts_at=new_york(next_weekday(5), 0),
        ends_at=new_york(next_weekday(5) + timedelta(days=1), 0),
        all_day=True,
        borough="staten-island",
    )
    make_event(
        event_indexes["generation"],
        title="Generation job fair",
        starts_at=new_york(tomorrow, 12),
        borough="bronx",
        audience="youth",
    )
    return index


@pytest.mark.clock
def test_listing_shows_the_sites_upcoming_dates_soonest_first(listing, get):
    response = get("growingup", "/events/")

    assert response.status_code == 200
    # The fixture's dates fall on weekdays, so their order depends on today's weekday.
    starts = {
        "Bronx toddler time": new_york(next_weekday(1), 10),
        "Queens teen coding": new_york(days_from_today(20), 16),
        "Online preteen book club": new_york(next_weekday(2), 18),
        "Weekend farm day": new_york(next_weekday(5), 0),
    }
    assert titles(response) == sorted(starts, key=starts.get)
    assert titles(get("generation", "/events/")) == ["Generation job fair"]


@pytest.mark.clock
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("borough=bronx", {"Bronx toddler time"}),
        ("age=teen", {"Queens teen coding"}),
        ("age=toddler&free=on", {"Bronx toddler time"}),
        ("free=on", {"Bronx toddler time", "Online preteen book club"}),
        ("virtual=on", {"Online preteen book club"}),
        ("when=today", set()),
        ("when=weekend", {"Weekend farm day"}),
        ("borough=nowhere", None),  # an unknown value filters nothing out
    ],
)
def test_filters_work_as_a_plain_get_form(listing, get, query, expected):
    response = get("growingup", f"/events/?{query}")

    assert response.status_code == 200
    if expected is None:
        assert len(titles(response)) == 4
    else:
        assert set(titles(response)) == expected


@pytest.mark.clock
@pytest.mark.parametrize(
    "query",
    ["borough=bronx", "age=teen", "age=toddler&free=1", "free=1", "virtual=1", "age=preteen"],
)
def test_the_json_filters_to_the_same_dates_as_the_server(listing, get, query):
    """core/listing.js keeps an item when its facets hold every chosen value."""
    items = get("growingup", "/events/events.json").json()["items"]
    chosen = dict(pair.split("=") for pair in query.split("&"))

    shown = {
        re.search(r'">([^<]+)</a>', item["html"]).group(1)
        for item in items
        if all(value in item["facets"][name] for name, value in chosen.items())
    }

    assert shown == set(titles(get("growingup", f"/events/?{query}")))


@pytest.mark.clock
def test_the_json_has_every_upcoming_date_in_new_york_time(listing, get):
    page = get("growingup", "/events/")
    items = get("growingup", "/events/events.json").json()["items"]

    assert 'data-items="/events/events.json"' in page.text
    assert len(items) == 4
    farm = next(item for item in items if "Weekend farm day" in item["html"])
    saturday = next_weekday(5)
    # All day on Saturday and Sunday: on until Monday's midnight.
    monday = saturday + timedelta(days=2)
    [farm_day] = farm["dates"]
    assert (farm_day["start"], farm_day["end"]) == (f"{saturday}T00:00", f"{monday}T00:00")
    toddlers = next(item for item in items if "Bronx toddler time" in item["html"])
    assert toddlers["dates"][0]["start"] == f"{next_weekday(1).isoformat()}T10:00"
    assert toddlers["facets"] == {
        "borough": ["bronx"],
        "age": ["baby", "toddler"],
        "free": ["1"],
        "virtual": [],
    }
    assert toddlers["html"].startswith("<li>") and 'href="/events/' in toddlers["html"]


@pytest.mark.clock
def test_date_range_and_the_week(listing, get):
    start = days_from_today(15).isoformat()
    end = days_from_today(25).isoformat()

    in_range = titles(get("growingup", f"/events/?when=dates&start={start}&end={end}"))
    this_week = set(titles(get("growingup", "/events/?when=week")))

    assert in_range == ["Queens teen coding"]
    assert "Queens teen coding" not in this_week
    today = timezone.localtime(timezone.now(), NEW_YORK).date()
    next_monday = today + timedelta(days=7 - today.weekday())
    assert ("Bronx toddler time" in this_week) == (next_weekday(1) < next_monday)


def test_filter_form_keeps_the_choices_and_offers_a_matching_feed(listing, get):
    response = get("growingup", "/events/?borough=bronx&age=toddler")

    assert '<option value="bronx" selected>' in response.text
    assert "webcal://growingup.localhost/events/feed.ics?age=toddler&amp;borough=bronx" in (
        response.text
    )
    assert "/events/feeds/age-teen.ics" in response.text


def test_long_listings_are_paginated_by_path_and_by_query(event_indexes, get):
    for number in range(PER_PAGE + 5):
        make_event(
            event_indexes["growingup"],
            title=f"Park walk {number}",
            starts_at=new_york(days_from_today(1 + number), 8),
        )

    first = get("growingup", "/events/")
    second = get("growingup", "/events/page/2/")
    filtered = get("growingup", "/events/?borough=brooklyn&page=2")

    assert len(titles(first)) == PER_PAGE and 'href="/events/page/2/"' in first.text
    assert len(titles(second)) == 5
    assert len(titles(filtered)) == 5
    assert get("growingup", "/events/page/3/").status_code == 404
    assert event_indexes["growingup"].static_site_paths().__next__() == ""
    assert {"page/2/", "events.json"} <= set(event_indexes["growingup"].static_site_paths())


@pytest.mark.clock
def test_event_page_shows_dates_place_and_add_to_calendar(event_indexes, get):
    make_event(
        event_indexes["growingup"],
        title="Puppet show",
        slug="puppet-show",
        starts_at=new_york(days_from_today(4), 15),
        is_free=True,
        cost="Free, no tickets needed",
        age_stage_slugs="preschooler",
        organizer="Brooklyn Public Library",
        registration_url="https://example.org/register",
    )

    response = get("growingup", "/events/puppet-show/")

    assert response.status_code == 200
    assert "Central Library" in response.text and "Brooklyn" in response.text
    assert 'href="/events/puppet-show/event.ics"' in response.text
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in response.text
    assert "Free, no tickets needed" in response.text
    assert cost_on(response.text) == "Free, no tickets needed"


def test_an_event_with_an_address_links_to_a_map_and_to_directions(event_indexes, get):
    make_event(event_indexes["growingup"], title="Puppet show", slug="puppet-show")
    make_event(
        event_indexes["growingup"],
        title="Online class",
        slug="online-class",
        venue_name="",
        address="",
        is_virtual=True,
        online_url="https://example.org/class",
    )

    where = get("growingup", "/events/puppet-show/").text
    online = get("growingup", "/events/online-class/").text

    assert (
        '<a href="https://www.openstreetmap.org/search?query=10+Grand+Army+Plaza%2C+Brooklyn'
        in where
    )
    assert (
        '<a href="https://www.google.com/maps/dir/?api=1&amp;destination=10+Grand+Army+Plaza'
        in where
    )
    assert "openstreetmap" not in online and "google.com/maps" not in online


def test_an_event_page_gives_the_organizer_s_phone_and_e_mail_as_links(event_indexes, get):
    make_event(
        event_indexes["growingup"],
        title="Puppet show",
        slug="puppet-show",
        organizer="Brooklyn Public Library",
        organizer_phone="(718) 230-2100 ext. 4",
        organizer_email="events@bklynlibrary.org",
    )

    page = get("growingup", "/events/puppet-show/").text

    assert '<a href="tel:7182302100" dir="ltr">(718) 230-2100 ext. 4</a>' in page
    assert '<a href="mailto:events@bklynlibrary.org" dir="ltr">events@bklynlibrary.org</a>' in page
    organizer = json_ld(get("growingup", "/events/puppet-show/"))["organizer"]
    assert organizer["telephone"] == "(718) 230-2100 ext. 4"
    assert organizer["email"] == "events@bklynlibrary.org"


@pytest.mark.parametrize("number", ["call us", "12", "212-555-0100; DROP TABLE"])
def test_an_organizer_phone_that_is_not_a_number_is_refused(event_indexes, number):
    event = make_event(event_indexes["growingup"], title="Swim", slug="swim")
    event.organizer_phone = number

    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "organizer_phone" in refused.value.message_dict


def json_ld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1))


@pytest.mark.clock
def test_json_ld_describes_a_place_event(event_indexes, get):
    make_event(
        event_indexes["growingup"],
        title="Puppet show <live>",
        slug="puppet-show",
        starts_at=new_york(days_from_today(4), 15),
        ends_at=new_york(days_from_today(4), 16),
        is_free=True,
        organizer="Brooklyn Public Library",
    )

    data = json_ld(get("growingup", "/events/puppet-show/"))

    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Puppet show <live>"
    assert data["startDate"] == new_york(days_from_today(4), 15).isoformat()
    assert data["endDate"] == new_york(days_from_today(4), 16).isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Brooklyn"
    assert data["offers"]["price"] == "0"
    assert data["url"] == "http://growingup.localhost/events/puppet-show/"


@pytest.mark.clock
def test_json_ld_of_a_cancelled_online_event(event_indexes, get):
    make_event(
        event_indexes["generation"],
        title="Resume workshop",
        slug="resume-workshop",
        starts_at=new_york(days_from_today(2), 17),
        venue_name="",
        address="",
        is_virtual=True,
        online_url="https://example.org/meet",
        cancelled=True,
    )

    data = json_ld(get("generation", "/events/resume-workshop/"))

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/meet"}


def card_texts(html):
    """Each card's text, tags and spaces squeezed out."""
    cards = re.findall(r'<article class="event-card.*?</article>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", card).split()) for card in cards]


def wednesday_zoo(index, **fields):
    """Every Wednesday from 10 to 11 am, from the first Wednesday after today, for ten weeks."""
    first = next_weekday(2)
    make_event(
        index,
        title="Zoo on Wednesdays",
        starts_at=new_york(first, 10),
        ends_at=new_york(first, 11),
        repeat="weekly",
        repeat_weekdays="WE",
        repeat_count=10,
        **fields,
    )
    return first


@pytest.mark.clock
def test_a_weekly_series_is_one_card_with_its_next_date_and_its_pattern(event_indexes, get):
    first = wednesday_zoo(event_indexes["growingup"])

    response = get("growingup", "/events/")

    assert titles(response) == ["Zoo on Wednesdays"]
    [card] = card_texts(response.text)
    assert "Every Wednesday, 10 to 11 am" in card
    assert f'<time datetime="{new_york(first, 10).isoformat()}">' in response.text
    assert f'<time datetime="{new_york(first + timedelta(days=7), 10).isoformat()}">' not in (
        response.text
    )


@pytest.mark.clock
def test_the_count_and_the_json_go_by_event_not_by_date(event_indexes, get):
    wednesday_zoo(event_indexes["growingup"])
    make_event(
        event_indexes["growingup"], title="Puppet show", starts_at=new_york(days_from_today(4), 15)
    )

    response = get("growingup", "/events/")
    items = get("growingup", "/events/events.json").json()["items"]

    assert re.search(r"<strong data-count>(\d+)</strong>", response.text).group(1) == "2"
    assert sorted(titles(response)) == ["Puppet show", "Zoo on Wednesdays"]
    # One item per event, with every date of it, so that listing.js finds the ones in any range.
    assert len(items) == 2
    assert sorted(len(item["dates"]) for item in items) == [1, 10]


@pytest.mark.clock
def test_a_date_filter_finds_the_series_once_at_its_date_in_range(event_indexes, get):
    first = wednesday_zoo(event_indexes["growingup"])
    # Two Wednesdays in range.
    start, end = first + timedelta(days=14), first + timedelta(days=21)

    response = get("growingup", f"/events/?when=dates&start={start}&end={end}")

    assert titles(response) == ["Zoo on Wednesdays"]
    assert f'<time datetime="{new_york(start, 10).isoformat()}">' in response.text
    assert re.search(r"<strong data-count>(\d+)</strong>", response.text).group(1) == "1"


@pytest.mark.clock
def test_this_weekend_shows_a_weekend_series_once_at_its_date_this_weekend(event_indexes, get):
    today = days_from_today(0)
    # Saturday and Sunday all day, since a Saturday well before today.
    saturday = today - timedelta(days=(today.weekday() - 5) % 7 + 14)
    make_event(
        event_indexes["growingup"],
        title="Weekend farm",
        starts_at=new_york(saturday, 0),
        ends_at=new_york(saturday, 0),
        all_day=True,
        repeat="weekly",
        repeat_weekdays="SA,SU",
    )
    this_saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    expected = today if today.weekday() == 6 else this_saturday

    response = get("growingup", "/events/?when=weekend")

    assert titles(response) == ["Weekend farm"]
    assert f'<time datetime="{expected.isoformat()}">' in response.text
    [card] = card_texts(response.text)
    assert "Every Saturday and Sunday" in card


@pytest.mark.clock
def test_a_cancelled_next_date_gives_way_to_the_next_one_that_is_on(event_indexes, get):
    first = wednesday_zoo(
        event_indexes["growingup"], changes=[{"original_date": next_weekday(2), "cancelled": True}]
    )

    response = get("growingup", "/events/")

    assert titles(response) == ["Zoo on Wednesdays"]
    later = new_york(first + timedelta(days=7), 10)
    assert f'<time datetime="{later.isoformat()}">' in response.text
    assert "Cancelled" not in card_texts(response.text)[0]


def free_event(index, slug, cost):
    """A free event in four days whose editor wrote `cost` beside the free box."""
    make_event(
        index,
        title=slug.replace("-", " ").capitalize(),
        slug=slug,
        starts_at=new_york(days_from_today(4), 15),
        is_free=True,
        cost=cost,
    )


def cost_on(page, label="Cost"):
    return re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", page, re.S).group(1)


def test_free_is_said_once_on_the_event_page_and_its_card(event_indexes, get):
    free_event(event_indexes["growingup"], "free-swim", "Free")

    page = get("growingup", "/events/free-swim/").text
    [card] = card_texts(get("growingup", "/events/").text)

    assert cost_on(page) == "Free"
    assert card.replace("Free swim", "").count("Free") == 1


def test_a_cost_beside_free_is_said_after_it(event_indexes, get):
    free_event(event_indexes["growingup"], "museum-day", "$5 for the workshop")

    assert cost_on(get("growingup", "/events/museum-day/").text) == "Free. $5 for the workshop"


def test_free_is_said_once_in_spanish_on_a_page_not_yet_translated(
    event_indexes, get, translated_sites, synced
):
    free_event(event_indexes["growingup"], "free-swim", "Free")
    synced()

    assert cost_on(get("growingup", "/es/events/free-swim/").text, "Costo") == "Gratis"


def test_untranslated_event_cards_learn_their_language_in_one_query(
    event_indexes, get, translated_sites, synced
):
    # In Spanish every event here is an untranslated copy of the English one, whose language
    # each card asks (for its lang attributes and the listing's note): one query for all the
    # cards, not one per card.
    index = event_indexes["growingup"]

    def queries():
        synced()
        get("growingup", "/es/events/")
        with CaptureQueriesContext(connection) as captured:
            assert get("growingup", "/es/events/").status_code == 200
        return len(captured)

    make_event(index, title="Puppet show", starts_at=new_york(days_from_today(2), 15))
    one = queries()
    for number in range(4):
        make_event(index, title=f"Story {number}", starts_at=new_york(days_from_today(3), 10))

    assert queries() == one


@pytest.mark.clock
def test_the_json_card_at_a_date_is_the_listings_card_at_that_date(event_indexes, get):
    # listing.js puts the date's part into the event's card: the card the server shows.
    first = wednesday_zoo(event_indexes["growingup"])
    make_event(
        event_indexes["growingup"],
        title="Puppet show",
        starts_at=new_york(days_from_today(4), 15),
        changes=[{"original_date": days_from_today(4), "cancelled": True, "note": "Rain"}],
    )

    listing = get("growingup", "/events/").text
    items = get("growingup", "/events/events.json").json()["items"]

    cards = []
    for item in items:
        date = item["dates"][0]
        card = item["html"].replace("<!--date-class-->", date["class"])
        cards.append(card.replace("<!--date-->", date["html"]))
    assert all(card in listing for card in cards)
    assert sorted(card_texts("".join(cards))) == sorted(card_texts(listing))
    assert "event-card--cancelled" in cards[0] + cards[1] and "Rain" in cards[0] + cards[1]
    assert f'<time datetime="{new_york(first, 10).isoformat()}">' in "".join(cards)


@pytest.mark.clock
def test_the_json_in_another_language_has_each_event_once_with_its_dates(
    event_indexes, get, translated_sites, synced
):
    wednesday_zoo(event_indexes["growingup"])
    synced()

    items = get("growingup", "/es/events/events.json").json()["items"]

    [zoo] = items
    assert len(zoo["dates"]) == 10
    assert 'href="/es/events/zoo-on-wednesdays/"' in zoo["html"]
