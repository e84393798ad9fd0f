"""Growing Up NYC on a small phone: the age guides, the tips list and an activity guide, in
English and Arabic; filters with and without JavaScript; the sticky in-page menu."""

import pytest
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Collection

from cms.core.translation import translate
from cms.programs.demo import FIXTURES
from cms.programs.soda import read_file
from cms.programs.sync import ProgramSync
from sites.growingup.demo import GUIDES, TIPS, guide_content
from sites.growingup.models import BrainBuildingTip
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.growingup.conftest import guides, stages  # noqa: F401 (fixtures shared with tests/growingup)
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    BrainBuildingTipFactory,
    BrainBuildingTipIndexPageFactory,
)
from tests.programs.factories import ProgramIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def growingup(guides, locales, synced):  # noqa: F811
    """A toddler guide translated into Arabic, a tips list and a summer guide, as in the demo."""
    home = guides["home"]
    BrainBuildingTipIndexPageFactory(parent=home)
    BrainBuildingTipFactory(title="Name the foods", months_from=6, months_to=36)
    BrainBuildingTipFactory(
        title="Splash and name", months_from=6, months_to=11, setting="bathtime"
    )
    summer = ActivityGuidePageFactory(parent=home)
    for title, borough, free in [
        ("Bronx art camp", "bronx", True),
        ("Queens swim lessons", "queens", True),
        ("Bronx soccer", "bronx", False),
    ]:
        ActivityPageFactory(
            parent=summer,
            title=title,
            borough=borough,
            is_free=free,
            address="1 Main Street",
            summary="Fun all summer.",
        )
    synced()
    translate(guides["toddler"], locales["ar"], {"Your toddler: 1 to 3 years": "طفلك الصغير"})
    return guides


@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("path", ["/age-guides/toddler/", "/brain-building-tips/", "/summer/"])
def test_pages_are_accessible_on_a_phone(
    growingup, phone, site_url, assert_accessible, screenshot, code, path
):
    phone.goto(site_url("growingup", path if code == "en" else f"/{code}{path}"))

    assert phone.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"growingup-{path.strip('/').replace('/', '-')}-{code}")


def test_in_page_menu_stays_on_screen_while_reading(growingup, phone, site_url):
    phone.goto(site_url("growingup", "/age-guides/toddler/"))

    phone.get_by_role("link", name="Act early").click()

    assert phone.locator(".guide-nav").bounding_box()["y"] == 0
    heading = phone.locator("#act-early-title").bounding_box()
    # The heading shows below the menu, not hidden under it.
    assert heading["y"] >= phone.locator(".guide-nav").bounding_box()["height"]


def test_each_stage_wears_the_colour_its_editors_chose(growingup, phone, site_url):
    # Set by a script from data-stage-colour: the policy allows no style attribute.
    toddler_green = "rgb(46, 107, 48)"  # #2e6b30

    phone.goto(site_url("growingup", "/"))
    picker = phone.get_by_role("link", name="Toddler 1 to 3 years")
    expect(picker).to_have_css("background-color", toddler_green)
    phone.goto(site_url("growingup", "/age-guides/toddler/"))
    expect(phone.locator(".stage-badge")).to_have_css("background-color", toddler_green)


def test_age_picker_buttons_lead_to_the_guides(growingup, phone, site_url):
    phone.goto(site_url("growingup", "/"))

    button = phone.get_by_role("link", name="Toddler 1 to 3 years")
    assert button.bounding_box()["height"] >= 44
    button.click()
    phone.wait_for_url("**/age-guides/toddler/")


def shown(page):
    return page.locator("[data-results] h3").all_inner_texts()


def test_filters_apply_instantly_with_javascript(growingup, phone, site_url):
    phone.goto(site_url("growingup", "/summer/"))
    phone.wait_for_selector(".listing--instant")
    assert not phone.get_by_role("button", name="Show results").is_visible()

    assert not phone.locator("[data-clear]").is_visible()
    phone.select_option("#filter-borough", "bronx")
    phone.wait_for_url("**/summer/?borough=bronx")
    assert shown(phone) == ["Bronx art camp", "Bronx soccer"]

    phone.check("#filter-free")
    phone.wait_for_url("**/summer/?borough=bronx&free=1")
    assert shown(phone) == ["Bronx art camp"]
    assert phone.locator("[data-count]").inner_text() == "1"
    assert phone.locator("[data-clear]").is_visible()


def test_a_shared_filtered_link_filters_on_a_static_copy(growingup, phone, site_url):
    # The static site serves the same page whatever the query string: the script applies it.
    unfiltered = Client().get("/summer/", HTTP_HOST="growingup.localhost").content
    served = []

    def static_copy(route):
        served.append(route.request.url)
        route.fulfill(body=unfiltered, content_type="text/html; charset=utf-8")

    phone.route("**/summer/?*", static_copy)
    phone.goto(site_url("growingup", "/summer/?borough=queens"))

    expect(phone.locator("[data-count]")).to_have_text("1")
    assert served and shown(phone) == ["Queens swim lessons"]
    assert phone.locator("#filter-borough").input_value() == "queens"


def test_filters_work_without_javascript(growingup, browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url("growingup", "/brain-building-tips/"))
        page.select_option("#filter-setting", "bathtime")
        page.get_by_role("button", name="Show results").click()
        page.wait_for_url("**/brain-building-tips/?age=&setting=bathtime")

        assert shown(page) == ["Splash and name"]
    finally:
        context.close()


@pytest.fixture
def demo_sized(growingup, settings, tmp_path):
    """As much for a toddler as the demo has: the demo guide's picture, milestones, signs, help
    and quick tip, the demo's tips, the city's programs (a copy of the dataset) and a week of
    toddler events."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if Collection.get_first_root_node() is None:  # flushed with the database between tests
        Collection.add_root(name="Root")
    home = growingup["home"]
    toddler = growingup["toddler"]
    for name, value in guide_content(next(g for g in GUIDES if g["slug"] == "toddler")).items():
        setattr(toddler, name, value)
    toddler.save_revision().publish()
    for fields in TIPS:
        BrainBuildingTip.objects.create(**fields)
    ProgramIndexPageFactory(parent=home)
    ProgramSync().apply(read_file(FIXTURES / "kvhd-5fmu.english.json").rows)
    events = EventIndexPageFactory(parent=home)
    for day in range(6):
        make_event(
            events,
            title=f"Toddler story time {day}",
            starts_at=new_york(days_from_today(day + 1)),
            age_stage_slugs="toddler",
            summary="Stories, songs and rhymes for children 1 to 3 years and their grown-ups.",
        )
    return growingup


@pytest.mark.parametrize("code", ["en", "ar"])
def test_toddler_guide_reaches_its_more_links_within_five_screens_on_a_phone(
    demo_sized, phone, site_url, assert_accessible, screenshot, code
):
    screen = 667  # a small phone's screen, 375 by 667 px
    path = "/age-guides/toddler/"
    phone.goto(site_url("growingup", path if code == "en" else f"/{code}{path}"))

    assert_accessible(phone)
    screenshot(phone, f"growingup-age-guides-toddler-demo-sized-{code}")
    more = [
        phone.locator(f"#{s} a[href$='?age=toddler']")
        for s in ["brain-building", "programs", "events"]
    ]
    for link in more:
        expect(link).to_have_count(1)
    # One milestone group is open, the others are a tap away.
    expect(phone.locator(".milestones__group[open]")).to_have_count(1)
    # The milestones, the signs to act on, where to get help and the tips take the reader to the
    # first "more" link (all tips for this age) within five screens; a few programs and events
    # follow it.
    first = more[0].bounding_box()
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert first["y"] + first["height"] <= 5 * screen, f"at {first['y']} px of {height} px"
