"""Program pages on a small phone: accessible in English and Arabic, filters with and without
JavaScript."""

import pytest
from wagtail.models import Locale

from cms.core.models import AgeStage
from cms.programs.sync import ProgramSync
from tests.browser.conftest import PHONE
from tests.programs.factories import ProgramIndexPageFactory, dataset_row

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = [
    dataset_row(1, program_name="Toddler Food", age_group="Toddler", program_category="Food"),
    dataset_row(2, program_name="Family Health", age_group="Everyone", program_category="Health"),
    dataset_row(
        1,
        language="Arabic",
        suffix="ar",
        plain_language_program_name="طعام للأطفال الصغار",
        brief_excerpt="مساعدة في الطعام للعائلات.",
        program_description="<p>برنامج طعام للعائلات التي لديها أطفال صغار.</p>",
    ),
]


@pytest.fixture
def programs(translated_sites, synced):
    AgeStage.objects.create(
        slug="toddler", name="Toddler", sort_order=2, icon="toddler", locale=Locale.get_default()
    )
    ProgramIndexPageFactory(parent=translated_sites["growingup"].root_page)
    synced()
    ProgramSync().apply(ROWS)


@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("path", ["programs/", "programs/toddler-food/"])
def test_program_pages_are_accessible_on_a_phone(
    programs, phone, site_url, assert_accessible, screenshot, code, path
):
    phone.goto(site_url("growingup", f"/{path}" if code == "en" else f"/{code}/{path}"))

    assert phone.locator("html").get_attribute("lang") == code
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"programs-{code}-{path.strip('/').replace('/', '-')}")


@pytest.mark.parametrize("javascript", [True, False])
def test_filters_work_with_and_without_javascript(programs, browser, site_url, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url("growingup", "/programs/"))

    page.get_by_label("Category").select_option("health")
    if javascript:
        # The choice loaded the programs; the button now filters them without a page load.
        page.wait_for_selector(".listing--instant")
    page.get_by_role("button", name="Show programs").click()
    page.wait_for_url("**/programs/?*category=health*")

    cards = page.locator(".program-card__title")
    assert cards.all_inner_texts() == ["Help number 2"]
    assert page.get_by_label("Category").input_value() == "health"
    page.get_by_label("Search").fill("nothing like this")
    page.get_by_label("Search").press("Enter")
    page.wait_for_url("**q=nothing*")
    assert cards.count() == 0
    context.close()
