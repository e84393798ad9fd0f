"""Generation NYC on a small phone: accessible in English and Arabic, and the trip filters
work with and without JavaScript."""

import pytest
from wagtail.models import Collection, Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cms.core import demo
from sites.generation import demo as generation_demo

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/topics/school/", "/inspirations/maya/", "/trips/"]
# Every picture of the page, loaded: its address, its width as loaded (0 when broken) and alt.
LOAD_PICTURES = """async () => {
  const images = [...document.images];
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.map((img) => [img.currentSrc, img.naturalWidth, img.alt]);
}"""


@pytest.fixture
def youth_site(locales, settings, tmp_path):
    """Generation NYC's demo content, with untranslated Arabic copies of what is English only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo.remove_wagtail_placeholder()
    if Page.get_first_root_node() is None:
        # Browser tests flush the database between tests, Wagtail's root page with it.
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    generation_demo.load(lambda message: None)
    synchronize_tree(Locale.get_default(), locales["ar"])


@pytest.mark.parametrize("code", ["en", "ar"])
def test_youth_pages_are_accessible_on_a_phone(
    youth_site, phone, site_url, assert_accessible, screenshot, code
):
    prefix = "" if code == "en" else f"/{code}"
    for path in PAGES:
        phone.goto(site_url("generation", prefix + path))

        assert phone.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375, path
        assert_accessible(phone)
        name = path.strip("/").replace("/", "-") or "home"
        screenshot(phone, f"generation-{name}-{code}")


def test_trip_filters_work_in_the_page_with_javascript(youth_site, phone, site_url):
    phone.goto(site_url("generation", "/trips/"))
    # The script filters the cards once it has trips.json.
    phone.wait_for_load_state("networkidle")
    phone.evaluate("window.stillHere = true")
    cards = phone.locator("#listing-results > li")
    total = cards.count()

    phone.select_option("#filter-borough", "bronx")

    visible = phone.locator("#listing-results > li:visible")
    assert 0 < visible.count() < total
    assert all("Bronx" in text for text in visible.all_inner_texts())
    assert phone.locator("[data-filter-count]").inner_text() == str(visible.count())
    assert phone.url.endswith("/trips/?borough=bronx")
    # Filtered in the page: no new page was loaded.
    assert phone.evaluate("window.stillHere") is True

    phone.check("#filter-free")
    assert "Wave Hill" not in " ".join(
        phone.locator("#listing-results > li:visible").all_inner_texts()
    )


def test_trip_filters_work_without_javascript(youth_site, browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url("generation", "/trips/"))

    page.select_option("#filter-borough", "queens")
    page.check("#filter-week")
    page.get_by_role("button", name="Show trips").click()
    page.wait_for_url("**/trips/?type=&borough=queens&week=1")

    titles = page.locator(".trip-card__title").all_inner_texts()
    assert titles == ["Socrates Sculpture Park"]
    context.close()


def test_pictures_show_on_the_static_copy(
    youth_site, static_copy, phone, assert_accessible, screenshot
):
    site = static_copy(["en", "ar"], site_key="generation")
    for code, path in [(code, path) for code in ("en", "ar") for path in ("/", "/topics/school/")]:
        prefix = "" if code == "en" else f"/{code}"
        phone.goto(f"{site}{prefix}{path}")
        # Load the lazy pictures too, as a reader scrolling down would.
        pictures = phone.evaluate(LOAD_PICTURES)
        assert pictures, path
        broken = [src for src, width, _alt in pictures if not width]
        assert broken == [], path
        # The picture at the top says what it shows; the cards' pictures are decoration.
        assert pictures[0][2], path
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375, path
        assert_accessible(phone)
        name = path.strip("/").replace("/", "-") or "home"
        screenshot(phone, f"generation-pictures-{name}-{code}")
