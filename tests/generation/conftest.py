"""A small Generation NYC: a topic list with two topics, two profiles (one of a minor with a
surname on file), trips of both kinds, in English with Spanish and Arabic homes. The browser
tests build on the same content (`generation_content`)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from tests.generation.factories import (
    TopicIndexPageFactory,
    TopicPageFactory,
    TripIndexPageFactory,
    TripPageFactory,
    YouthProfileIndexPageFactory,
    YouthProfilePageFactory,
)


@pytest.fixture
def generation_content(translated_sites):
    """The pages of Generation NYC in English, the same for every test that reads the site:
    {name: page}. Untranslated copies in other languages are the test's to make."""
    home = translated_sites["generation"].root_page.specific
    topics = TopicIndexPageFactory(parent=home)
    school = TopicPageFactory(parent=topics, title="School", slug="school", icon="school")
    work = TopicPageFactory(
        parent=topics, title="Work", slug="work", icon="work", program_categories="work"
    )
    profiles = YouthProfileIndexPageFactory(parent=home)
    minor = YouthProfilePageFactory(
        parent=profiles,
        first_name="Maya",
        surname="Okonkwo",
        age=16,
        borough="bronx",
        guardian_consent_confirmed=True,
    )
    adult = YouthProfilePageFactory(
        parent=profiles, first_name="Luis", surname="Ramos", age=21, borough="queens"
    )
    trips = TripIndexPageFactory(parent=home)
    today = timezone.localdate()
    ferry = TripPageFactory(
        parent=trips,
        title="Staten Island Ferry",
        slug="ferry",
        borough="staten-island",
        trip_type="this-week",
    )
    museum = TripPageFactory(
        parent=trips,
        title="Museum night",
        slug="museum-night",
        borough="queens",
        starts_on=today + datetime.timedelta(days=2),
    )
    paid = TripPageFactory(
        parent=trips,
        title="Boat ride",
        slug="boat-ride",
        borough="manhattan",
        is_free=False,
        cost="$5",
        starts_on=today + datetime.timedelta(days=30),
    )
    return {
        "home": home,
        "topics": topics,
        "school": school,
        "work": work,
        "profiles": profiles,
        "minor": minor,
        "adult": adult,
        "trips": trips,
        "ferry": ferry,
        "museum": museum,
        "paid": paid,
    }


@pytest.fixture
def youth(generation_content):
    """Generation NYC's pages, with untranslated copies in Spanish and Arabic, the languages
    these tests read (all eleven would only cost time)."""
    for code in ("es", "ar"):
        synchronize_tree(Locale.get_default(), Locale.objects.get(language_code=code))
    return generation_content
