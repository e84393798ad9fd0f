"""The static build served by a plain static file server (no Django): pages render, links
work, listing filters work, and axe finds nothing serious on a 375 px phone, in English and in
Arabic."""

import pytest
from playwright.sync_api import expect

from tests.core.factories import StandardPageFactory
from tests.growingup.factories import ActivityGuidePageFactory, ActivityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def static_site(translated_sites, synced, static_copy):
    home = translated_sites["growingup"].root_page
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    summer = ActivityGuidePageFactory(parent=home)
    for title, borough, free in [
        ("Bronx art camp", "bronx", True),
        ("Queens swim lessons", "queens", True),
        ("Bronx soccer", "bronx", False),
    ]:
        ActivityPageFactory(parent=summer, title=title, borough=borough, is_free=free)
    synced()
    # The two languages the tests read: a build of all eleven takes several times longer.
    return static_copy(["en", "ar"])


@pytest.mark.parametrize("code", ["en", "ar"])
def test_static_pages_render_and_are_accessible_on_a_phone(
    static_site, phone, assert_accessible, screenshot, code
):
    prefix = "" if code == "en" else f"/{code}"
    response = phone.goto(f"{static_site}{prefix}/")

    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == code
    # The stylesheets came with hashed names and loaded: the header is laid out, not bare.
    assert phone.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") in (
        "absolute",
        "fixed",
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"static-growingup-{code}")

    phone.locator(".site-nav a", has_text="About us").click()
    phone.wait_for_url(f"**{prefix}/about/")
    assert_accessible(phone)


def shown(page):
    return page.locator("[data-results] h3").all_inner_texts()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_listing_filters_work_on_the_static_site(static_site, phone, assert_accessible, code):
    prefix = "" if code == "en" else f"/{code}"
    phone.goto(f"{static_site}{prefix}/summer/")
    # The items came from the JSON file the build wrote beside the page.
    phone.wait_for_selector(".listing--instant")
    assert shown(phone) == ["Bronx art camp", "Queens swim lessons", "Bronx soccer"]

    phone.select_option("#filter-borough", "bronx")
    phone.wait_for_url(f"**{prefix}/summer/?borough=bronx")
    assert shown(phone) == ["Bronx art camp", "Bronx soccer"]
    phone.check("#filter-free")
    assert shown(phone) == ["Bronx art camp"]
    assert phone.locator("[data-count]").inner_text() == "1"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)

    # A shared filtered link: the file server ignores the query string, the script applies it.
    phone.goto(f"{static_site}{prefix}/summer/?borough=queens")
    expect(phone.locator("[data-count]")).to_have_text("1")
    assert shown(phone) == ["Queens swim lessons"]
    assert phone.locator("#filter-borough").input_value() == "queens"


def test_a_missing_address_gets_the_404_page_of_its_language(static_site, phone):
    response = phone.goto(f"{static_site}/ar/no-such-page/")

    assert response.status == 404
    assert phone.locator("html").get_attribute("dir") == "rtl"
