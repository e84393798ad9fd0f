"""Both home pages on a small phone, in English, Spanish and Arabic."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("site_key", ["growingup", "generation"])
@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_home_page_is_accessible_on_a_phone(
    translated_sites, phone, site_url, assert_accessible, screenshot, site_key, code
):
    phone.goto(site_url(site_key, "/" if code == "en" else f"/{code}/"))

    assert phone.locator("html").get_attribute("lang") == code
    # Nothing wider than the screen: no sideways scrolling on a 375 px phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"home-{site_key}-{code}")


def test_right_to_left_layout_mirrors_the_header(translated_sites, phone, site_url):
    phone.goto(site_url("growingup", "/ar/"))

    brand = phone.locator(".brand").bounding_box()
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # In Arabic the site name starts on the right edge of the screen, not the left.
    assert brand["x"] + brand["width"] > 375 - 40
    assert brand["x"] > 40


def test_keyboard_user_skips_to_content_and_changes_language(translated_sites, phone, site_url):
    phone.goto(site_url("generation", "/"))

    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"

    phone.locator(".languages summary").focus()
    phone.keyboard.press("Enter")
    phone.get_by_role("link", name="español").focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/es/")
    assert phone.locator("html").get_attribute("lang") == "es"


def test_touch_targets_are_at_least_44_px(translated_sites, phone, site_url):
    phone.goto(site_url("growingup", "/"))

    for selector in [".brand", ".languages summary", ".site-nav a"]:
        box = phone.locator(selector).first.bounding_box()
        assert box["height"] >= 44, selector
