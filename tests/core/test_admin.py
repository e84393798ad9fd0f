"""An editor logs in to the admin and creates pages on each site."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core import demo
from cms.core.models import AlertBanner, StandardPage
from sites.generation.models import GenerationHomePage
from sites.growingup.models import GrowingUpHomePage
from tests.core.factories import (
    GenerationHomePageFactory,
    GrowingUpHomePageFactory,
    SiteFactory,
)


@pytest.mark.django_db
class TestEditorCreatesPages(WagtailPageTestCase):
    def setUp(self):
        demo.ensure_locales()
        demo.remove_wagtail_placeholder()
        root = GrowingUpHomePage.get_first_root_node()
        self.growingup = GrowingUpHomePageFactory(parent=root)
        self.generation = GenerationHomePageFactory(parent=root)
        SiteFactory(hostname="growingup.localhost", root_page=self.growingup)
        SiteFactory(hostname="generation.localhost", root_page=self.generation)
        self.user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(self.user)

    def test_editor_logs_in_with_a_password(self):
        self.client.logout()
        response = self.client.post(
            "/admin/login/", {"username": "editor", "password": "pw"}, follow=True
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["user"].is_authenticated)

    def test_editor_creates_a_page_on_each_site(self):
        for home in (self.growingup, self.generation):
            self.assertCanCreate(
                home,
                StandardPage,
                nested_form_data(
                    {
                        "title": "How to get help",
                        "slug": "get-help",
                        "summary": "Where to call and what to ask.",
                        "body": streamfield(
                            [("paragraph", rich_text("<p>Call 311 and ask for help.</p>"))]
                        ),
                    }
                ),
            )
        english = StandardPage.objects.filter(slug="get-help", locale__language_code="en")
        self.assertEqual(
            {page.get_parent().id for page in english}, {self.growingup.id, self.generation.id}
        )

    def test_new_page_gets_an_untranslated_copy_in_every_language(self):
        self.assertCanCreate(
            self.growingup,
            StandardPage,
            nested_form_data(
                {
                    "title": "Parks",
                    "slug": "parks",
                    "body": streamfield([("paragraph", rich_text("<p>Parks are free.</p>"))]),
                }
            ),
        )
        # wagtail-localize keeps every language's tree in step, so /ko/parks/ is never a 404.
        self.assertEqual(StandardPage.objects.filter(slug="parks").count(), 11)
        response = self.client.get("/ko/parks/", HTTP_HOST="growingup.localhost")
        self.assertEqual(response.status_code, 200)

    def test_home_pages_only_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(GrowingUpHomePage, {Page})
        self.assertCanNotCreateAt(GrowingUpHomePage, GenerationHomePage)

    def test_alert_banner_snippet_is_in_the_admin(self):
        response = self.client.get("/admin/snippets/core/alertbanner/add/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(AlertBanner.objects.count(), 0)
