"""Every Generation NYC page type renders in English, Spanish and Arabic."""

import json

import pytest

from cms.core.translation import translate

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", "Your city. Your future."),
    ("/topics/", "School"),
    ("/topics/school/", "School"),
    ("/inspirations/", "Maya"),
    ("/inspirations/maya/", "Maya"),
    ("/trips/", "Staten Island Ferry"),
    ("/trips/ferry/", "Staten Island Ferry"),
]


@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_every_page_type_renders_in_each_language(youth, get, code):
    prefix = "" if code == "en" else f"/{code}"
    for path, text in PAGES:
        response = get("generation", prefix + path)

        assert response.status_code == 200, path
        html = response.text
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html, path
        assert text in html or f"[{code}] {text}" in html, path
        assert "generation/site.css" in html


def test_translated_topic_is_shown_in_the_readers_language(youth, get, locales):
    school = youth["school"]
    translate(school, locales["ar"], {"School": "المدرسة", school.summary: "ما تحتاج معرفته."})

    response = get("generation", "/ar/topics/school/")

    assert "<h1>المدرسة</h1>" in response.text
    assert "This page is not available in your language yet" not in response.text
    # The list of topics in Arabic links the Arabic page.
    assert "المدرسة" in get("generation", "/ar/topics/").text


def test_topic_body_blocks_render_without_javascript(youth, get):
    school = youth["school"]
    school.body = [
        ("heading", {"text": "Getting ready"}),
        ("tips", {"title": "Quick tips", "tips": ["Sleep 8 hours", "Eat breakfast"]}),
        (
            "accordion",
            {"title": "", "items": [{"title": "What is a GED?", "text": "<p>A diploma.</p>"}]},
        ),
        ("callout", {"title": "Need help?", "text": "<p>Ask your counselor.</p>"}),
        (
            "call_to_action",
            {"text": "Find a school", "page": None, "url": "https://schools.nyc.gov"},
        ),
        ("linked_profile", {"profile": youth["minor"], "text": "How Maya picked a school"}),
    ]
    school.save_revision().publish()

    html = get("generation", "/topics/school/").text

    assert "<li>Sleep 8 hours</li>" in html
    assert "<summary><span>What is a GED?</span></summary>" in html
    assert '<a class="button" href="https://schools.nyc.gov">Find a school</a>' in html
    assert 'href="/inspirations/maya/"><bdi>Maya</bdi>, 16</a>' in html
    assert "<script" not in html


def test_topic_icon_is_inline_and_hidden_from_screen_readers(youth, get):
    html = get("generation", "/topics/").text

    assert html.count('<svg class="icon"') == 2
    assert 'aria-hidden="true" focusable="false"' in html


def test_trip_page_shows_how_to_get_there(youth, get):
    ferry = youth["ferry"]
    ferry.address = "4 South Street"
    ferry.subway = "1 train to South Ferry"
    ferry.bus = "M15, M20"
    ferry.opening_hours = "Every day, all day. Check the website for hours."
    ferry.website = "https://www.siferry.com"
    ferry.save_revision().publish()

    html = get("generation", "/trips/ferry/").text

    assert "1 train to South Ferry" in html and "M15, M20" in html
    assert "https://www.openstreetmap.org/search?query=4+South+Street" in html
    assert "https://www.google.com/maps/dir/?api=1&amp;destination=4+South+Street" in html
    assert 'href="https://www.siferry.com"' in html
    assert "Free this week" in html and "Staten Island" in html


def test_profiles_json_and_trips_json_are_offered_to_the_static_site(youth, get):
    assert youth["trips"].static_site_paths() == ["", "trips.json"]
    assert youth["profiles"].static_site_paths() == ["", "profiles.json"]

    trips = json.loads(get("generation", "/es/trips/trips.json").content)["items"]
    assert {trip["url"] for trip in trips} == {
        "/es/trips/ferry/",
        "/es/trips/museum-night/",
        "/es/trips/boat-ride/",
    }
    assert {trip["title"]: trip["free"] for trip in trips}["Boat ride"] is False
