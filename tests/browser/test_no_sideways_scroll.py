"""No page of either site scrolls sideways on a 320 px or a 375 px phone, in languages whose
words run long (Spanish, Russian, Bengali) and in Arabic, right to left: one page of each
template. Screenshots of each at 375 px, in English and Arabic, go to var/screenshots/."""

import pytest
from wagtail_localize.models import LocaleSynchronization

from cms.core.demo_age_stages import AGE_STAGES
from cms.core.translation import translate
from cms.programs.sync import ProgramSync
from tests.core.factories import StandardPageFactory
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.generation.conftest import generation_content  # noqa: F401 (a fixture)
from tests.growingup.conftest import guides, stages  # noqa: F401 (fixtures shared with tests/growingup)
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    AgeGuidePageFactory,
    BrainBuildingTipFactory,
    BrainBuildingTipIndexPageFactory,
    english_stage,
)
from tests.programs.factories import ProgramIndexPageFactory, dataset_row
from tests.programs.test_tables import INCOME_TABLE

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["es", "ru", "bn", "ar"]
SCREENSHOT_LANGUAGES = ["en", "ar"]
WIDTHS = [320, 375]
PAGES = {
    "growingup-home": ("growingup", "/"),
    "age-guides": ("growingup", "/age-guides/"),
    "age-guide": ("growingup", "/age-guides/toddler/"),
    "tips": ("growingup", "/brain-building-tips/"),
    "programs": ("growingup", "/programs/"),
    "program": ("growingup", "/programs/head-start/"),
    "events": ("growingup", "/events/"),
    "event": ("growingup", "/events/toddler-story-time/"),
    "activities": ("growingup", "/summer/"),
    "activity": ("growingup", "/summer/bronx-art-camp/"),
    "standard": ("growingup", "/about/"),
    "search": ("growingup", "/search/?q=food"),
    "not-found": ("growingup", "/no-such-page/"),
    "generation-home": ("generation", "/"),
    "topics": ("generation", "/topics/"),
    "topic": ("generation", "/topics/school/"),
    "trips": ("generation", "/trips/"),
    "trip": ("generation", "/trips/ferry/"),
    "profiles": ("generation", "/inspirations/"),
    "profile": ("generation", "/inspirations/maya/"),
}

ARABIC_INCOME_TABLE = (
    "<p>قد تكون عائلتك مؤهلة إذا كان دخل أسرتك عند هذه المستويات أو أقل:</p>"
    "<table><tr><td><p><strong>حجم الأسرة</strong></p></td>"
    "<td><p><strong>الدخل السنوي</strong></p></td></tr>"
    "<tr><td><p>2</p></td><td><p>21,640 دولارًا</p></td></tr>"
    "<tr><td><p>3</p></td><td><p>27,320 دولارًا</p></td></tr>"
    "<tr><td><p>لكل شخص إضافي:</p></td><td><p>+5,680 دولارًا</p></td></tr></table>"
)

# What sticks out of the screen, outside any box that scrolls or clips it: for the failure report.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== "visible") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !clipped(element);
    })
    .slice(-3)
    .map((element) => `<${element.localName} class="${element.className}">` +
      ` "${element.textContent.trim().slice(0, 30)}"`);
}"""


@pytest.fixture
def every_template(guides, generation_content, locales, synced):  # noqa: F811
    """One page of each kind on both sites, as the demo has them."""
    LocaleSynchronization.objects.exclude(
        locale__language_code__in=[*LANGUAGES, *SCREENSHOT_LANGUAGES]
    ).delete()
    home = guides["home"]
    # A guide for every stage, as in the demo: the age picker lists each one.
    for slug, *_rest in AGE_STAGES:
        if slug not in guides:
            AgeGuidePageFactory(parent=guides["index"], age_stage=english_stage(slug))
    BrainBuildingTipIndexPageFactory(parent=home)
    BrainBuildingTipFactory(title="Name the foods", months_from=6, months_to=36)
    summer = ActivityGuidePageFactory(parent=home)
    ActivityPageFactory(
        parent=summer, title="Bronx art camp", address="1 Main Street", summary="Fun all summer."
    )
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    ProgramIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    make_event(
        events,
        title="Toddler story time",
        slug="toddler-story-time",
        starts_at=new_york(days_from_today(1), 10),
        repeat="daily",
        repeat_count=3,
        age_stage_slugs="toddler",
    )

    synced()
    translate(guides["toddler"], locales["ar"], {"Your toddler: 1 to 3 years": "طفلك الصغير"})
    ProgramSync().apply(
        [
            dataset_row(
                7,
                program_name="Head Start",
                age_group="Everyone",
                plain_language_eligibility=INCOME_TABLE,
            ),
            dataset_row(
                7,
                language="Arabic",
                suffix="ar",
                program_name="Head Start",
                plain_language_program_name="هيد ستارت",
                age_group="Everyone",
                plain_language_eligibility=ARABIC_INCOME_TABLE,
            ),
        ]
    )


def test_no_page_scrolls_sideways_on_a_small_phone(
    every_template, browser, site_url, screenshot, assert_accessible
):
    # One page, laid out again at each width: the same as a page per width, at half the loads.
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    too_wide = []
    for code in [*SCREENSHOT_LANGUAGES, *(c for c in LANGUAGES if c not in SCREENSHOT_LANGUAGES)]:
        for name, (site_key, path) in PAGES.items():
            page.set_viewport_size({"width": 375, "height": 800})
            page.goto(site_url(site_key, path if code == "en" else f"/{code}{path}"))
            assert page.locator("html").get_attribute("lang") == code, (name, code)
            if code in SCREENSHOT_LANGUAGES:
                screenshot(page, f"template-{name}-{code}")
                if name == "program":
                    # Its income table scrolls in a region of its own: named, and focusable.
                    assert_accessible(page)
            if code not in LANGUAGES:
                continue
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > page.evaluate("document.documentElement.clientWidth"):
                    too_wide.append((code, width, name, scroll_width, page.evaluate(STICKING_OUT)))
    context.close()

    assert too_wide == [], "\n".join(map(str, too_wide))
