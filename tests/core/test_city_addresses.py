"""The addresses of the city's current sites land on the pages now in their place, on the live
site and in the static build, in every language; editors' own redirects are kept."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from cms.core.city_addresses import write_redirects
from cms.publishing.build import build_site
from tests.conftest import HOSTS
from tests.core.factories import StandardPageFactory
from tests.events.factories import EventIndexPageFactory, make_event
from tests.generation.conftest import generation_content  # noqa: F401 (a fixture)
from tests.growingup.conftest import stages  # noqa: F401 (a fixture)
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    AgeGuideIndexPageFactory,
    AgeGuidePageFactory,
    BrainBuildingTipIndexPageFactory,
    english_stage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stages")]


@pytest.fixture
def pages(translated_sites, generation_content, synced):  # noqa: F811
    home = translated_sites["growingup"].root_page
    guides = AgeGuideIndexPageFactory(parent=home)
    summer = ActivityGuidePageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    found = {
        "guides": guides,
        "toddler": AgeGuidePageFactory(parent=guides),
        "preschooler": AgeGuidePageFactory(parent=guides, age_stage=english_stage("preschooler")),
        "tips": BrainBuildingTipIndexPageFactory(parent=home),
        "summer": summer,
        "camp": ActivityPageFactory(parent=summer, title="Art camp", slug="art-camp"),
        "after_school": ActivityGuidePageFactory(
            parent=home, title="After-school activities", slug="after-school"
        ),
        "story_time": make_event(events, title="Story time", slug="story-time"),
        **generation_content,
    }
    found["story_time"].save_revision().publish()
    synced()
    return found


def land(path, host="growingup"):
    """The full URL a reader ends on, following redirects across both sites, and its status."""
    client, url = Client(), f"http://{HOSTS[host]}{path}"
    for _ in range(5):
        parts = urlsplit(url)
        response = client.get(parts.path, HTTP_HOST=parts.netloc)
        if response.status_code not in (301, 302):
            return url, response.status_code
        url = response["Location"]
        if url.startswith("/"):
            url = f"http://{parts.netloc}{url}"
    raise AssertionError(f"{path}: a redirect loop")


def in_language(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


# The city's address, the page now in its place, and the language of both.
CITY_ADDRESSES = [
    ("/age/", "guides", "en"),
    ("/age/toddler/", "toddler", "en"),
    ("/age/pre-schooler/", "preschooler", "en"),
    ("/es/age/toddler/", "toddler", "es"),
    ("/zh-hant/age/pre-schooler/", "preschooler", "zh-hant"),
    ("/brainbuilding/", "tips", "en"),
    ("/ar/brainbuilding/", "tips", "ar"),
    ("/summer-programs/", "summer", "en"),
    ("/summer-programs/art-camp/", "camp", "en"),
    ("/es/summer-programs/art-camp/", "camp", "es"),
    ("/after-school-programs/", "after_school", "en"),
    ("/generationnyc/", "home", "en"),
    ("/es/generationnyc/", "home", "es"),
    ("/generationnyc/topics/", "topics", "en"),
    ("/generationnyc/topics/work/", "work", "en"),
    ("/ar/generationnyc/topics/school/", "school", "ar"),
    ("/generationnyc/trips/ferry/", "ferry", "en"),
    ("/generationnyc/inspirations/", "profiles", "en"),
    # Events keep the city's addresses.
    ("/events/story-time/", "story_time", "en"),
    ("/es/events/story-time/", "story_time", "es"),
]


def test_the_city_s_addresses_land_on_the_pages_in_their_place(pages):
    call_command("write_city_redirects", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for path, name, code in CITY_ADDRESSES:
        page = in_language(pages[name], code)
        assert land(path) == (page.get_full_url(), 200), path
    profile = pages["minor"]
    assert land(f"/generationnyc/inspirations/{profile.slug}/") == (profile.get_full_url(), 200)
    # An address the city never had is still not found.
    assert land("/age/nobody/")[1] == 404


def test_writing_them_again_adds_nothing_and_keeps_the_editors_redirects(pages):
    help_page = StandardPageFactory(parent=pages["guides"].get_parent(), title="Help")
    Redirect.objects.create(
        site=pages["guides"].get_site(), old_path="/brainbuilding", redirect_page=help_page
    )

    created, kept = write_redirects()

    assert created > 20 and kept == 1
    assert Redirect.objects.get(old_path="/brainbuilding").redirect_page_id == help_page.pk
    assert write_redirects() == (0, created + kept)


def test_the_static_build_writes_them_for_a_static_host(pages, tmp_path):
    write_redirects()

    site_dir = build_site("growingup", tmp_path, ["en", "es", "ar"]).output_dir.resolve()

    rules = (site_dir / "_redirects").read_text().splitlines()
    assert "/age/toddler /age-guides/toddler/ 301" in rules
    assert "/es/age/toddler /es/age-guides/toddler/ 301" in rules
    assert "/generationnyc/topics/work http://generation.localhost/topics/work/ 301" in rules
    # Hosts that read no _redirects file get a page that sends the browser on.
    fallback = (site_dir / "age/toddler/index.html").read_text()
    assert "/age-guides/toddler/" in fallback
