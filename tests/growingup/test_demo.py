"""The Growing Up NYC demo content meets the issue's bar and loads only once."""

import pytest
from wagtail.models import Locale

from cms.core import demo
from cms.core.demo_age_stages import AGE_STAGES
from cms.core.models import BOROUGHS
from sites.growingup import demo as growingup_demo
from sites.growingup.models import ActivityGuidePage, ActivityPage, AgeGuidePage, BrainBuildingTip

pytestmark = pytest.mark.django_db


def test_demo_has_every_guide_tips_activities_and_translations(locales, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.ensure_age_stages()
    reports = []
    growingup_demo.load(reports.append)

    english = AgeGuidePage.objects.filter(locale=locales["en"])
    assert [guide.age_stage.slug for guide in english.order_by("age_stage__sort_order")] == [
        stage[0] for stage in AGE_STAGES
    ]
    for guide in english:
        assert sum(len(items) for _key, _name, items in guide.milestone_groups) >= 8, guide
        assert guide.warning_signs and guide.where_to_get_help and guide.quick_tip, guide
        # A picture of a parent and a child of the guide's age, which says what it shows.
        assert guide.hero_image and guide.hero_image_alt.startswith("A drawing of"), guide
    for code in ("es", "ar"):
        translated = AgeGuidePage.objects.filter(locale=locales[code], alias_of__isnull=True)
        assert sorted(page.slug for page in translated) == ["baby", "toddler"]
        assert all(not page.hero_image_alt.startswith("A drawing") for page in translated), code
    assert BrainBuildingTip.objects.filter(locale=Locale.get_default()).count() >= 20
    # Tips for babies and toddlers are translated too, so their translated guides read as one.
    for code in ("es", "ar"):
        assert BrainBuildingTip.objects.filter(locale=locales[code]).count() >= 10

    minimums = {"summer": 12, "after-school": 10}
    for guide in ActivityGuidePage.objects.filter(locale=locales["en"]):
        activities = ActivityPage.objects.child_of(guide)
        assert activities.count() >= minimums.pop(guide.slug)
        assert {a.borough for a in activities} == {key for key, _name in BOROUGHS}
    assert minimums == {}

    reports.clear()
    growingup_demo.load(reports.append)
    assert reports == []
