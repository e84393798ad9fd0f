"""The programs and events listings of the static build, served by a plain static file server
(no Django, so no query strings): the filters, the search box, dates and "More events" work in
the browser from the JSON the build wrote, in English and in Arabic, and axe finds nothing
serious on a 375 px phone."""

import pytest
from playwright.sync_api import expect

from cms.programs.sync import ProgramSync
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.programs.factories import ProgramIndexPageFactory, dataset_row

pytestmark = pytest.mark.django_db

PROGRAMS = [
    dataset_row(1, program_name="Toddler Food", age_group="Toddler", program_category="Food"),
    dataset_row(
        2,
        program_name="Family Health",
        age_group="Everyone",
        program_category="Health",
        program_description="<p>Free check-ups at a clinic near you.</p>",
    ),
    dataset_row(3, program_name="Baby Care", age_group="Infant", program_category="Health"),
]


@pytest.fixture
def static_site(translated_sites, synced, static_copy):
    home = translated_sites["growingup"].root_page
    ProgramIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home, title="Events")
    make_event(
        events,
        title="Daily park walk",
        starts_at=new_york(days_from_today(1), 8),
        repeat="daily",
        repeat_count=25,
        borough="brooklyn",
        is_free=True,
    )
    for number in range(24):
        make_event(
            events,
            title=f"Park run {number}",
            starts_at=new_york(days_from_today(2 + number), 9),
            borough="brooklyn",
        )
    make_event(
        events, title="Teen open mic", starts_at=new_york(days_from_today(3), 18), borough="bronx"
    )
    make_event(
        events,
        title="Bronx book swap",
        starts_at=new_york(days_from_today(40), 11),
        borough="bronx",
        is_free=True,
    )
    synced()
    ProgramSync().apply(PROGRAMS)
    return static_copy(["en", "ar"])


def shown(page, selector):
    return page.locator(f"[data-results] {selector}").all_inner_texts()


def count_is(page, number):
    # A locator, not wait_for_function: the policy forbids the eval that one would need.
    expect(page.locator("[data-count]")).to_have_text(str(number))


def test_program_filters_and_search_work_on_the_static_site(static_site, phone, assert_accessible):
    # One build in both languages serves both: building it again costs more than the checks.
    for code in ("en", "ar"):
        prefix = "" if code == "en" else f"/{code}"
        phone.goto(f"{static_site}{prefix}/programs/")
        assert len(shown(phone, ".program-card__title")) == 3

        phone.select_option("[name=category]", "health")
        phone.wait_for_url(f"**{prefix}/programs/?category=health")
        assert shown(phone, ".program-card__title") == ["Help number 2", "Help number 3"]
        # The search box looks in the description too, as on the live site; typing is enough.
        phone.fill("[name=q]", "CLINIC")
        count_is(phone, 1)
        assert shown(phone, ".program-card__title") == ["Help number 2"]
        phone.fill("[name=q]", "nothing like this")
        count_is(phone, 0)
        assert phone.locator("[data-empty]").is_visible()
        assert phone.locator("[data-clear]").is_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        assert_accessible(phone)

        # A shared filtered link: the file server ignores the query string, the script applies it.
        phone.goto(f"{static_site}{prefix}/programs/?category=food")
        count_is(phone, 1)
        assert shown(phone, ".program-card__title") == ["Help number 1"]
        assert phone.locator("[name=category]").input_value() == "food"


def test_event_filters_dates_and_later_dates_work_on_the_static_site(
    static_site, phone, assert_accessible
):
    # One build in both languages serves both: building it again costs more than the checks.
    for code in ("en", "ar"):
        prefix = "" if code == "en" else f"/{code}"
        phone.goto(f"{static_site}{prefix}/events/")
        assert len(shown(phone, ".event-card__title")) == 20  # the first page, as built
        assert phone.locator("[data-pager]").is_visible()

        phone.select_option("#id_borough", "bronx")
        phone.wait_for_url(f"**{prefix}/events/?borough=bronx")
        assert shown(phone, ".event-card__title") == ["Teen open mic", "Bronx book swap"]
        assert not phone.locator("[data-pager]").is_visible()
        phone.check("#id_free")
        count_is(phone, 1)
        assert shown(phone, ".event-card__title") == ["Bronx book swap"]
        assert_accessible(phone)

        # Between two dates, in New York time: the open mic is the only Bronx date in the range.
        phone.uncheck("#id_free")
        phone.select_option("#id_when", "dates")
        phone.fill("#id_start", days_from_today(2).isoformat())
        phone.fill("#id_end", days_from_today(10).isoformat())
        phone.locator("#id_end").dispatch_event("change")
        count_is(phone, 1)
        assert shown(phone, ".event-card__title") == ["Teen open mic"]

        # 25 events in Brooklyn (the daily walk once, and 24 runs): twenty at first, then the rest
        # behind "More events", focus on the first new one.
        phone.goto(f"{static_site}{prefix}/events/?borough=brooklyn")
        count_is(phone, 25)
        assert len(shown(phone, ".event-card__title")) == 20
        phone.locator("[data-more]").click()
        assert len(shown(phone, ".event-card__title")) == 25
        assert not phone.locator("[data-more]").is_visible()
        assert phone.evaluate(
            "document.activeElement.closest('li') === "
            "document.querySelector('[data-results]').children[20]"
        )
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        assert_accessible(phone)
