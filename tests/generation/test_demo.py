"""The demo gives Generation NYC its topics, sample profiles and trips."""

import pytest
from wagtail.images.models import Image

from cms.core import demo
from cms.core.models import BOROUGHS
from sites.generation import demo as generation_demo
from sites.generation.models import GenerationHomePage, TopicPage, TripPage, YouthProfilePage

pytestmark = pytest.mark.django_db


def test_demo_content_for_young_people(locales, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.remove_wagtail_placeholder()
    reports = []
    generation_demo.load(reports.append)
    english = {"locale": locales["en"]}

    assert TopicPage.objects.filter(**english).count() >= 8
    trips = TripPage.objects.filter(**english)
    assert trips.count() >= 15
    assert set(trips.values_list("borough", flat=True)) == {slug for slug, _ in BOROUGHS}
    profiles = YouthProfilePage.objects.filter(**english)
    assert profiles.count() == 6 and all(profile.is_sample for profile in profiles)
    for code in ("es", "ar"):
        translated = TopicPage.objects.filter(locale=locales[code], alias_of__isnull=True)
        assert translated.count() >= 2, code

    # Every topic, trip and profile, and the home page, has a picture that says what it shows,
    # and the translated pages say it in their language.
    for topic in TopicPage.objects.filter(**english):
        assert topic.hero_image and topic.hero_image_alt, topic.slug
    for trip in trips:
        assert [bool(photo.alt_text) for photo in trip.photos.all()] == [True], trip.slug
    for profile in profiles:
        assert profile.photo and profile.photo_alt_text, profile.slug
    assert home_page(locales["en"]).hero_image_alt.startswith("A drawing of the city")
    assert home_page(locales["es"]).hero_image_alt.startswith("Un dibujo de la ciudad")
    school = TopicPage.objects.get(slug="school", locale=locales["ar"])
    assert school.hero_image == TopicPage.objects.get(slug="school", **english).hero_image
    assert school.hero_image_alt == "رسم لكتاب مفتوح وقلم رصاص."

    maya = client.get("/inspirations/maya/", HTTP_HOST="generation.localhost").text
    assert "Sample profile" in maya and "Rivera" not in maya
    home = client.get("/", HTTP_HOST="generation.localhost").text
    assert 'href="/topics/school/"' in home and 'href="/inspirations/imran/"' in home

    reports.clear()
    images = Image.objects.count()
    generation_demo.load(reports.append)
    assert reports == []
    assert Image.objects.count() == images


def home_page(locale):
    return GenerationHomePage.objects.get(locale=locale)
