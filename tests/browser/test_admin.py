"""The admin under its own Content-Security-Policy: an editor's main screens load and work with
no violation reported (the `browser` fixture fails the test on any)."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCREENS = [
    "/admin/",
    "/admin/pages/{home}/",
    "/admin/pages/{page}/edit/",
    "/admin/pages/add/core/standardpage/{home}/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/snippets/",
]


@pytest.fixture
def editor_page(sites, browser, site_url):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url("growingup", "/admin/login/"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def test_an_editor_s_screens_report_no_policy_violation(sites, editor_page, site_url):
    home = sites["growingup"].root_page
    about = StandardPageFactory(parent=home, title="About us", slug="about")

    for screen in SCREENS:
        response = editor_page.goto(
            site_url("growingup", screen.format(home=home.pk, page=about.pk))
        )
        assert response.status == 200, screen
        editor_page.wait_for_load_state("networkidle")


def test_the_live_preview_shows_the_page_in_its_frame(sites, editor_page, site_url):
    home = sites["growingup"].root_page
    about = StandardPageFactory(parent=home, title="About us", slug="about")

    editor_page.goto(site_url("growingup", f"/admin/pages/{about.pk}/edit/"))
    editor_page.get_by_role("button", name="Toggle preview").click()
    preview = editor_page.frame_locator("#w-preview-iframe")

    expect(preview.get_by_role("heading", name="About us").first).to_be_visible()
