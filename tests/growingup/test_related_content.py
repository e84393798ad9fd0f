"""A guide lists the programs and events for its own age stage, from the programs and events
packages, featured programs first."""

import pytest
from bs4 import BeautifulSoup

from sites.growingup.models.age_guides import EVENTS_ON_A_GUIDE, PROGRAMS_ON_A_GUIDE
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.programs.factories import ProgramFactory, ProgramIndexPageFactory

pytestmark = pytest.mark.django_db


def titles(response, section):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [link.get_text() for link in html.select(f"#{section} li a")]


@pytest.fixture
def programs_page(guides):
    return ProgramIndexPageFactory(parent=guides["home"])


def test_guide_lists_the_programs_for_its_age_featured_first(guides, programs_page, get):
    ProgramFactory(plain_language_name="A toddler program", age_stages="toddler")
    ProgramFactory(
        plain_language_name="B featured program", age_stages="baby toddler", featured=True
    )
    ProgramFactory(plain_language_name="C baby program", age_stages="baby")
    ProgramFactory(plain_language_name="D retired program", age_stages="toddler", live=False)

    toddler = titles(get("growingup", "/age-guides/toddler/"), "programs")

    assert toddler == ["B featured program", "A toddler program"]
    assert titles(get("growingup", "/age-guides/baby/"), "programs") == [
        "B featured program",
        "C baby program",
    ]


def test_many_programs_link_to_the_full_list_for_the_age(guides, programs_page, get):
    for number in range(PROGRAMS_ON_A_GUIDE + 1):
        ProgramFactory(plain_language_name=f"Program {number}", age_stages="toddler")

    response = get("growingup", "/age-guides/toddler/")

    assert len(titles(response, "programs")) == PROGRAMS_ON_A_GUIDE
    assert b'href="/programs/?age=toddler"' in response.content


def test_guide_without_programs_hides_the_section(guides, programs_page, get):
    ProgramFactory(age_stages="teen")

    response = get("growingup", "/age-guides/toddler/")

    assert b'id="programs"' not in response.content
    assert b'href="#programs"' not in response.content


def test_guide_lists_the_upcoming_events_for_its_age(guides, get):
    events = EventIndexPageFactory(parent=guides["home"])
    make_event(events, title="Toddler time", age_stage_slugs="baby,toddler")
    make_event(events, title="Teen coding", age_stage_slugs="teen")
    make_event(
        events,
        title="Last week's toddler time",
        starts_at=new_york(days_from_today(-7)),
        age_stage_slugs="toddler",
    )
    for day in range(EVENTS_ON_A_GUIDE):
        make_event(
            events,
            title=f"Later toddler class {day}",
            starts_at=new_york(days_from_today(10 + day)),
            age_stage_slugs="toddler",
        )

    response = get("growingup", "/age-guides/toddler/")

    assert titles(response, "events") == ["Toddler time"] + [
        f"Later toddler class {day}" for day in range(EVENTS_ON_A_GUIDE - 1)
    ]
    assert b'href="/events/?age=toddler"' in response.content
    assert b'/events/feeds/age-toddler.ics"' in response.content
    assert titles(get("growingup", "/age-guides/baby/"), "events") == ["Toddler time"]
