"""The static build served by a plain static file server (no Django): pages render, links
work and axe finds nothing serious on a 375 px phone, in English and in Arabic."""

import threading

import pytest

from cms.publishing.build import build_site
from cms.publishing.server import make_server
from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def static_site(translated_sites, synced, tmp_path):
    home = translated_sites["growingup"].root_page
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    synced()
    report = build_site("growingup", tmp_path)
    server = make_server({"growingup.localhost": report.output_dir}, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://growingup.localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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


def test_a_missing_address_gets_the_404_page_of_its_language(static_site, phone):
    response = phone.goto(f"{static_site}/ar/no-such-page/")

    assert response.status == 404
    assert phone.locator("html").get_attribute("dir") == "rtl"
