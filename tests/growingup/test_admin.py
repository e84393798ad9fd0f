"""Editors create every Growing Up NYC page type in the admin, and the tips as snippets."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core import demo
from sites.growingup.models import (
    ActivityGuidePage,
    ActivityPage,
    AgeGuideIndexPage,
    AgeGuidePage,
    BrainBuildingTip,
    BrainBuildingTipIndexPage,
    GrowingUpHomePage,
)
from tests.core.factories import GrowingUpHomePageFactory, SiteFactory
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    AgeGuideIndexPageFactory,
    english_stage,
)


@pytest.mark.django_db
class TestEditorCreatesGrowingUpPages(WagtailPageTestCase):
    def setUp(self):
        demo.ensure_locales()
        demo.remove_wagtail_placeholder()
        demo.ensure_age_stages()
        self.home = GrowingUpHomePageFactory(parent=Page.get_first_root_node())
        SiteFactory(hostname="growingup.localhost", root_page=self.home)
        user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(user)

    def test_lists_under_the_home_page(self):
        for model, slug in [
            (AgeGuideIndexPage, "age-guides"),
            (BrainBuildingTipIndexPage, "brain-building-tips"),
            (ActivityGuidePage, "summer"),
        ]:
            self.assertCanCreate(
                self.home,
                model,
                nested_form_data(
                    {"title": slug, "slug": slug, "intro": rich_text("<p>Pick an age.</p>")}
                ),
            )
        self.assertAllowedSubpageTypes(
            GrowingUpHomePage,
            {AgeGuideIndexPage, BrainBuildingTipIndexPage, ActivityGuidePage}
            | set(GrowingUpHomePage.allowed_subpage_models()),
        )

    def test_age_guide(self):
        index = AgeGuideIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index,
            AgeGuidePage,
            nested_form_data(
                {
                    "title": "Toddler",
                    "slug": "toddler",
                    "age_stage": english_stage("toddler").pk,
                    "hero_heading": "Your toddler",
                    "intro": rich_text("<p>Toddlers are busy.</p>"),
                    "milestones": streamfield(
                        [
                            (
                                "group",
                                {
                                    "domain": "language",
                                    "milestones": streamfield(
                                        [("item", "Says two words together")]
                                    ),
                                },
                            )
                        ]
                    ),
                    "warning_signs": streamfield([("sign", "Does not walk by 18 months")]),
                    "where_to_get_help": streamfield([]),
                    "quick_tip": "Read every day.",
                }
            ),
        )
        guide = AgeGuidePage.objects.get(slug="toddler", locale__language_code="en")
        assert list(guide.milestone_groups[0][2]) == ["Says two words together"]
        self.assertAllowedParentPageTypes(AgeGuidePage, {AgeGuideIndexPage})

    def test_activity(self):
        guide = ActivityGuidePageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "Swim lessons",
                "slug": "swim-lessons",
                "description": rich_text("<p>Learn to swim.</p>"),
                "borough": "queens",
                "is_free": "on",
                "start_date": "2027-07-06",
                "end_date": "2027-08-20",
            }
        )
        # Checkboxes post one value per ticked box (nested_form_data would number them).
        data.update(interests=["swimming", "sports"], age_stage_slugs=["preschooler"])
        self.assertCanCreate(guide, ActivityPage, data)
        activity = ActivityPage.objects.get(slug="swim-lessons", locale__language_code="en")
        assert (activity.interests, activity.age_stage_slugs) == (
            ["swimming", "sports"],
            ["preschooler"],
        )

    def test_brain_building_tip_snippet(self):
        response = self.client.post(
            "/admin/snippets/growingup/brainbuildingtip/add/",
            {
                "title": "Count the stairs",
                "text": "Count out loud as you climb.",
                "months_from": "24",
                "months_to": "60",
                "setting": "on-the-go",
            },
        )
        assert response.status_code == 302
        assert BrainBuildingTip.objects.get().title == "Count the stairs"
