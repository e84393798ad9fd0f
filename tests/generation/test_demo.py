"""The demo gives Generation NYC its topics, sample profiles and trips."""

import pytest

from cms.core import demo
from cms.core.models import BOROUGHS
from sites.generation import demo as generation_demo
from sites.generation.models import TopicPage, TripPage, YouthProfilePage

pytestmark = pytest.mark.django_db


def test_demo_content_for_young_people(locales, client):
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

    maya = client.get("/inspirations/maya/", HTTP_HOST="generation.localhost").text
    assert "Sample profile" in maya and "Rivera" not in maya
    home = client.get("/", HTTP_HOST="generation.localhost").text
    assert 'href="/topics/school/"' in home and 'href="/inspirations/imran/"' in home

    reports.clear()
    generation_demo.load(reports.append)
    assert reports == []
