"""Age guides: what a parent sees on a guide, in every language, and what editors can do."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.translation import translate
from cms.programs.taxonomy import ALL_AGE_STAGES
from sites.growingup.ages import age_range
from sites.growingup.models.age_guides import TIPS_ON_A_GUIDE
from tests.growingup.factories import (
    AgeGuidePageFactory,
    BrainBuildingTipFactory,
    BrainBuildingTipIndexPageFactory,
    english_stage,
)
from tests.programs.factories import ProgramFactory, ProgramIndexPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_ids(html):
    return [link["href"] for link in html.select(".guide-nav a")]


def test_guide_shows_milestones_by_area_act_early_and_quick_tip(guides, get):
    html = soup(get("growingup", "/age-guides/toddler/"))

    assert html.h1.get_text() == "Your toddler: 1 to 3 years"
    # Areas come in the checklists' order, whatever order the editor entered them in.
    assert [h.get_text() for h in html.select("#milestones h3")] == [
        "Social and emotional",
        "Language and communication",
    ]
    assert "Does not walk" in html.select_one("#act-early .warning-signs").get_text()
    assert html.select_one(".help-card a[href='tel:311']")
    assert "Read a book together" in html.select_one("#quick-tip").get_text()
    assert section_ids(html) == ["#milestones", "#act-early", "#quick-tip"]


def test_empty_sections_are_hidden_and_left_out_of_the_menu(guides, get):
    html = soup(get("growingup", "/age-guides/baby/"))

    assert html.select(".guide-section") == []
    assert html.select_one(".guide-nav") is None


def test_guide_lists_exactly_the_tips_for_its_age(guides, get):
    BrainBuildingTipFactory(title="Name the foods", months_from=12, months_to=36)
    BrainBuildingTipFactory(title="Sing in the bath", months_from=0, months_to=12)
    BrainBuildingTipFactory(title="Plan a trip", months_from=72, months_to=131)

    toddler = soup(get("growingup", "/age-guides/toddler/"))
    baby = soup(get("growingup", "/age-guides/baby/"))

    # The tips that fit the age best come first.
    assert [h.get_text() for h in toddler.select("#brain-building h3")] == [
        "Name the foods",
        "Sing in the bath",  # 12 months is both the last month of a baby and a toddler's first
    ]
    assert [h.get_text() for h in baby.select("#brain-building h3")] == ["Sing in the bath"]
    assert "#brain-building" in section_ids(baby)


@pytest.mark.parametrize("code, direction", [("es", "ltr"), ("ar", "rtl")])
def test_translated_guide_speaks_the_readers_language(guides, get, locales, code, direction):
    toddler = guides["toddler"]
    translate(toddler, locales[code], {toddler.hero_heading: f"[{code}] toddler"})
    tip = BrainBuildingTipFactory(title="Name the foods")
    translate(tip, locales[code], {"Name the foods": f"[{code}] Name the foods"})

    html = soup(get("growingup", f"/{code}/age-guides/toddler/"))

    assert html.html["lang"] == code and html.html["dir"] == direction
    assert html.h1.get_text() == f"[{code}] toddler"
    # The stage's name comes from its own translation.
    assert (
        english_stage("toddler").get_translation(locales[code]).name
        in html.select_one(".stage-badge").get_text()
    )
    card = html.select_one(".tip-card")
    assert card.h3.get_text() == f"[{code}] Name the foods"
    # In the page's language, as the page around it says.
    assert "lang" not in card.h3.attrs
    assert card.h3.find_parent(lang=True)["lang"] == code
    assert card.h3.find_parent(dir=True)["dir"] == direction
    assert html.select_one(".notice") is None


def test_untranslated_guide_shows_english_tips_marked_as_english(guides, get, synced):
    synced()
    BrainBuildingTipFactory(title="Name the foods")

    html = soup(get("growingup", "/ar/age-guides/toddler/"))

    assert html.html["dir"] == "rtl"
    assert html.select_one(".notice")  # the page itself is shown in English
    title = html.select_one(".tip-card h3")
    # In English, as the page's content around it says.
    assert title.find_parent(lang=True)["lang"] == "en"
    assert title.find_parent(dir=True)["dir"] == "ltr"


def picker_links(html):
    language = html.select_one("html")["lang"]
    with translation.override(language):
        assert html.select_one("#age-picker-title").get_text() == translation.gettext(
            "How old is your child?"
        )
    return [link["href"] for link in html.select(".age-picker__link")]


def test_age_picker_leads_to_every_guide_in_age_order(guides, get):
    expected = ["/age-guides/baby/", "/age-guides/toddler/"]
    assert picker_links(soup(get("growingup", "/"))) == expected
    assert picker_links(soup(get("growingup", "/age-guides/"))) == expected


def test_age_picker_in_arabic_leads_to_arabic_guides(guides, get, locales, synced):
    synced()
    translate(guides["toddler"], locales["ar"], {})

    html = soup(get("growingup", "/ar/"))

    assert picker_links(html) == ["/ar/age-guides/baby/", "/ar/age-guides/toddler/"]
    assert "طفل صغير" in html.select(".age-picker__link")[1].get_text()
    assert picker_links(soup(get("growingup", "/ar/age-guides/"))) == picker_links(html)


def test_one_guide_per_stage_and_language(guides):
    duplicate = AgeGuidePageFactory.build(age_stage=english_stage("toddler"), slug="toddler-2")
    duplicate.locale = guides["toddler"].locale

    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "age_stage" in error.value.message_dict


def test_a_hero_image_needs_its_text_alternative(guides):
    guide = guides["baby"]
    guide.hero_image = Image.objects.create(title="Baby", file=get_test_image_file())

    with pytest.raises(ValidationError) as error:
        guide.clean()
    assert "hero_image_alt" in error.value.message_dict


def test_hero_image_has_its_text_alternative_and_sizes_for_phones(guides, get, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    guide = guides["toddler"]
    guide.hero_image = Image.objects.create(title="Park", file=get_test_image_file())
    guide.hero_image_alt = "A father and his toddler on a slide"
    guide.save_revision().publish()

    image = soup(get("growingup", "/age-guides/toddler/")).select_one(".guide-hero__image img")

    assert image["alt"] == "A father and his toddler on a slide"
    assert image["width"] and image["height"]
    # At the top of the page: loaded at once, in sizes for phones.
    assert image.get("loading") != "lazy"
    assert image.find_parent("picture").select_one('source[type="image/webp"]')["srcset"]


def listed_after(html, heading_id):
    return [
        link.get_text() for link in html.select_one(f"#{heading_id}").find_next("ul").select("a")
    ]


def test_programs_for_every_age_come_under_their_own_heading_after_the_ones_for_the_age(
    guides, get
):
    ProgramIndexPageFactory(parent=guides["home"])
    every_age = ",".join(ALL_AGE_STAGES)
    ProgramFactory(plain_language_name="A rent help", age_group="Everyone", age_stages=every_age)
    ProgramFactory(
        plain_language_name="B tax credit for families",
        age_group="Caregiver",
        age_stages=every_age,
        populations=["Families with children"],
    )
    ProgramFactory(plain_language_name="C child care", age_group="Baby,Toddler")
    # "Caregiver" beside named ages: for those ages and the grown-ups who care for them.
    ProgramFactory(
        plain_language_name="D child care for student parents",
        age_group="Caregiver,Baby,Toddler,Pre-Schooler",
        age_stages=every_age,
    )
    ProgramFactory(
        plain_language_name="E support for CUNY students",
        age_group="Caregiver,Teen,Young Adult",
        age_stages=every_age,
    )
    # An editor's program without the dataset's age groups: its stages say who it is for.
    ProgramFactory(plain_language_name="F toddler gym", age_group="", age_stages="toddler")

    html = soup(get("growingup", "/age-guides/toddler/"))

    assert listed_after(html, "programs-title") == [
        "C child care",
        "D child care for student parents",
        "F toddler gym",
    ]
    assert html.select_one("#family-programs-title").get_text() == "For the whole family"
    # Programs for families with children before the other programs for everyone.
    assert listed_after(html, "family-programs-title") == [
        "B tax credit for families",
        "A rent help",
    ]
    assert "CUNY" not in html.get_text()
    assert section_ids(html)[-1] == "#programs"


def test_guide_shows_a_few_tips_that_fit_the_age_and_links_to_all_of_them(guides, get):
    BrainBuildingTipIndexPageFactory(parent=guides["home"])
    BrainBuildingTipFactory(title="Read every day", months_from=0, months_to=131)
    BrainBuildingTipFactory(title="Narrate your walk", months_from=0, months_to=18)
    for number in range(TIPS_ON_A_GUIDE):
        BrainBuildingTipFactory(title=f"Toddler tip {number}", months_from=12, months_to=36)

    html = soup(get("growingup", "/age-guides/toddler/"))

    assert [h.get_text() for h in html.select("#brain-building h3")] == [
        f"Toddler tip {number}" for number in range(TIPS_ON_A_GUIDE)
    ]
    link = html.select_one("#brain-building a[href='/brain-building-tips/?age=toddler']")
    assert link.get_text() == "See all brain-building tips"


@pytest.mark.parametrize(
    "months_from, months_to, expected",
    [
        (0, 11, "Birth to 11 months"),
        (0, 24, "Birth to 2 years"),
        (0, 131, "Birth to 10 years"),
        (11, 11, "11 months"),
        (6, 11, "6 to 11 months"),
        (11, 24, "11 months to 2 years"),
        (24, 36, "2 to 3 years"),
        (24, 47, "2 to 3 years"),
        (24, 35, "2 years"),
        (36, 131, "3 to 10 years"),
        (1, 12, "1 to 12 months"),
    ],
)
def test_ages_are_said_in_months_to_two_years_then_in_years(months_from, months_to, expected):
    with translation.override("en"):
        assert age_range(months_from, months_to) == expected


@pytest.mark.parametrize(
    "months_from, months_to, expected",
    [
        (0, 11, "С рождения до 11 месяцев"),
        (0, 12, "С рождения до 12 месяцев"),
        (0, 24, "С рождения до 2 лет"),
        (0, 131, "С рождения до 10 лет"),
        (1, 21, "1–21 месяц"),
        (24, 47, "2–3 года"),
        (36, 131, "3–10 лет"),
        (11, 24, "11 месяцев – 2 года"),
        (11, 11, "11 месяцев"),
    ],
)
def test_ages_take_the_plural_forms_of_the_readers_language(months_from, months_to, expected):
    with translation.override("ru"):
        assert age_range(months_from, months_to) == expected


def test_tip_cards_say_ages_in_years_past_two(guides, get):
    BrainBuildingTipFactory(title="Read every day", months_from=0, months_to=131)

    html = soup(get("growingup", "/age-guides/toddler/"))

    assert "Birth to 10 years" in html.select_one(".tip-card__meta").get_text()
