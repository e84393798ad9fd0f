"""Editors create every Generation NYC page type in the admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core import demo
from sites.generation.models import (
    GenerationHomePage,
    TopicIndexPage,
    TopicPage,
    TripIndexPage,
    TripPage,
    YouthProfileIndexPage,
    YouthProfilePage,
)
from tests.core.factories import GenerationHomePageFactory, SiteFactory
from tests.generation.factories import (
    TopicIndexPageFactory,
    TripIndexPageFactory,
    YouthProfileIndexPageFactory,
)


@pytest.mark.django_db
class TestEditorCreatesYouthPages(WagtailPageTestCase):
    def setUp(self):
        demo.ensure_locales()
        demo.remove_wagtail_placeholder()
        self.home = GenerationHomePageFactory(parent=GenerationHomePage.get_first_root_node())
        SiteFactory(hostname="generation.localhost", root_page=self.home)
        self.user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(self.user)

    def test_editor_creates_the_three_lists(self):
        for model, slug in [
            (TopicIndexPage, "topics"),
            (YouthProfileIndexPage, "inspirations"),
            (TripIndexPage, "trips"),
        ]:
            self.assertCanCreate(
                self.home, model, nested_form_data({"title": slug.title(), "slug": slug})
            )

    def test_editor_creates_a_topic_with_every_block(self):
        topics = TopicIndexPageFactory(parent=self.home)
        body = streamfield(
            [
                ("heading", {"text": "Getting paid"}),
                ("paragraph", rich_text("<p>Ask for a pay stub.</p>")),
                ("tips", {"title": "Tips", "tips": streamfield([("item", "Keep a copy")])}),
                (
                    "accordion",
                    {
                        "title": "Questions",
                        "items": streamfield(
                            [("item", {"title": "How old?", "text": rich_text("<p>14.</p>")})]
                        ),
                    },
                ),
            ]
        )
        data = nested_form_data(
            {
                "title": "Work",
                "slug": "work",
                "icon": "work",
                "body": body,
                "event_links": inline_formset([]),
                "trip_links": inline_formset([]),
            }
        )
        # Categories are checkboxes: one value per ticked box.
        data["program_categories"] = ["work", "education"]
        self.assertCanCreate(topics, TopicPage, data)
        work = TopicPage.objects.get(slug="work", locale__language_code="en")
        self.assertEqual(work.category_slugs, ["work", "education"])
        self.assertEqual(list(work.body[2].value["tips"]), ["Keep a copy"])

    def test_editor_creates_a_profile_and_a_trip(self):
        self.assertCanCreate(
            YouthProfileIndexPageFactory(parent=self.home),
            YouthProfilePage,
            nested_form_data(
                {
                    "first_name": "Rosa",
                    "age": "20",
                    "intro": "I run a bike repair club.",
                    "slug": "rosa",
                    "body": streamfield([]),
                    "topic_links": inline_formset([]),
                    "profile_links": inline_formset([]),
                    "consent_confirmed": "on",
                }
            ),
        )
        self.assertEqual(
            YouthProfilePage.objects.get(slug="rosa", locale__language_code="en").title, "Rosa"
        )
        self.assertCanCreate(
            TripIndexPageFactory(parent=self.home),
            TripPage,
            nested_form_data(
                {
                    "title": "Queens Museum",
                    "slug": "queens-museum",
                    "trip_type": "day-trip",
                    "intro": "Art and a giant model of the city.",
                    "borough": "queens",
                    "is_free": "on",
                    "body": streamfield([]),
                    "photos": inline_formset([]),
                }
            ),
        )

    def test_pages_only_go_where_they_belong(self):
        self.assertAllowedSubpageTypes(TopicIndexPage, {TopicPage})
        self.assertAllowedSubpageTypes(YouthProfileIndexPage, {YouthProfilePage})
        self.assertAllowedSubpageTypes(TripIndexPage, {TripPage})
        self.assertCanNotCreateAt(GenerationHomePage, TopicPage)
