"""A topic lists the right programs, events and trips: the ones for young people in its
categories, the events and trips editors chose, in the reader's language."""

import pytest

from sites.generation.models import TopicEvent, TopicTrip
from tests.events.factories import EventIndexPageFactory, make_event
from tests.programs.factories import ProgramFactory, ProgramIndexPageFactory

pytestmark = pytest.mark.django_db


def test_topic_lists_youth_programs_in_its_categories(youth, get):
    ProgramIndexPageFactory(parent=youth["home"])
    ProgramFactory(
        plain_language_name="Summer jobs", category="work", age_stages="teen young-adult"
    )
    ProgramFactory(plain_language_name="Job training", category="work", age_stages="young-adult")
    ProgramFactory(plain_language_name="Toddler day care", category="work", age_stages="toddler")
    ProgramFactory(plain_language_name="Free meals", category="food", age_stages="teen")

    html = get("generation", "/topics/work/").text

    assert "Summer jobs" in html and "Job training" in html
    assert "Toddler day care" not in html and "Free meals" not in html
    assert 'href="/programs/' in html
    assert "programs/programs.css" in html
    # A topic without categories lists no programs.
    assert "Summer jobs" not in get("generation", "/topics/school/").text


def test_topic_lists_the_upcoming_events_editors_chose(youth, get):
    events = EventIndexPageFactory(parent=youth["home"])
    chosen = make_event(events, title="Resume workshop", slug="resume", audience="youth")
    make_event(events, title="Open mic", slug="open-mic", audience="youth")
    work = youth["work"]
    work.event_links = [TopicEvent(event=chosen)]
    work.save_revision().publish()

    html = get("generation", "/topics/work/").text

    assert "Resume workshop" in html and "Open mic" not in html
    assert "events/events.css" in html


def test_topic_lists_its_trips_in_the_readers_language(youth, get):
    school = youth["school"]
    school.trip_links = [TopicTrip(trip=youth["museum"])]
    school.save_revision().publish()

    english = get("generation", "/topics/school/").text
    spanish = get("generation", "/es/topics/school/").text

    assert 'href="/trips/museum-night/"' in english and "Staten Island Ferry" not in english
    assert 'href="/es/trips/museum-night/"' in spanish


def test_home_page_features_topics_trips_events_and_a_profile(youth, get):
    events = EventIndexPageFactory(parent=youth["home"])
    make_event(events, title="Teen game night", slug="game-night", audience="youth")
    make_event(events, title="Baby story time", slug="story-time", audience="family")
    home = youth["home"]
    home.featured_topics.create(topic=youth["work"])
    home.featured_profile = youth["adult"]
    home.save_revision().publish()

    html = get("generation", "/").text

    assert 'href="/topics/work/"' in html and 'href="/topics/school/"' not in html
    assert "Staten Island Ferry" in html and "Museum night" in html
    assert "Boat ride" not in html  # a month away: not this week
    assert "Teen game night" in html and "Baby story time" not in html
    assert 'href="/inspirations/luis/"' in html
    assert "Your city. Your future." in html
