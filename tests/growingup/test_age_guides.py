"""Age guides: what a parent sees on a guide, in every language, and what editors can do."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.translation import translate
from tests.growingup.factories import AgeGuidePageFactory, BrainBuildingTipFactory, english_stage

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

    assert [h.get_text() for h in toddler.select("#brain-building h3")] == [
        "Sing in the bath",  # 12 months is both the last month of a baby and a toddler's first
        "Name the foods",
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
