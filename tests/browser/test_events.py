"""The events listing and an event page on a small phone, in English and Arabic; the filters
with and without JavaScript."""

import pytest

from cms.core.translation import translate
from tests.events.conftest import age_stages  # noqa: F401 (fixture)
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def events(translated_sites, locales, age_stages):  # noqa: F811
    index = EventIndexPageFactory(parent=translated_sites["growingup"].root_page, title="Events")
    tomorrow = days_from_today(1)
    story = make_event(
        index,
        title="Toddler story time",
        slug="toddler-story-time",
        starts_at=new_york(tomorrow, 10),
        repeat="daily",
        repeat_count=3,
        borough="brooklyn",
        age_stage_slugs="toddler",
        is_free=True,
        changes=[{"original_date": days_from_today(2), "cancelled": True, "note": "Holiday"}],
    )
    make_event(
        index,
        title="Teen open mic",
        starts_at=new_york(days_from_today(3), 18),
        borough="bronx",
        venue_name="Bronx Library Center",
        age_stage_slugs="teen",
    )
    for code in ("es", "ar"):
        translate(index, locales[code], {"Events": {"es": "Eventos", "ar": "الفعاليات"}[code]})
    translate(story, locales["ar"], {"Toddler story time": "وقت القصص للأطفال الصغار"})
    return index


@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("path", ["events/", "events/toddler-story-time/"])
def test_event_pages_are_accessible_on_a_phone(
    events, phone, site_url, assert_accessible, screenshot, code, path
):
    phone.goto(site_url("growingup", f"/{path}" if code == "en" else f"/{code}/{path}"))

    assert phone.locator("html").get_attribute("lang") == code
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"events-{path.strip('/').replace('/', '-')}-{code}")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_filters_narrow_the_listing(events, browser, site_url, javascript):
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(site_url("growingup", "/events/"))
    assert page.locator(".event-card").count() == 2

    page.select_option("#id_borough", "bronx")
    if javascript:
        # The choice loaded the dates; the button now filters them without a page load.
        page.wait_for_selector(".listing--instant")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/events/?*borough=bronx*")

    assert page.locator(".event-card__title").all_inner_texts() == ["Teen open mic"]
    assert page.locator("#id_borough").input_value() == "bronx"
    page.get_by_role("link", name="Clear filters").click()
    assert page.locator(".event-card").count() == 2
    context.close()
