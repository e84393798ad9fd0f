import pytest
from wagtail.models import Locale

from cms.core import demo
from cms.core.models import AgeStage

pytestmark = pytest.mark.django_db


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_eight_stages_in_order_from_pregnancy_to_young_adult(locales):
    demo.ensure_age_stages()

    english = AgeStage.objects.filter(locale=Locale.get_default())
    assert [stage.slug for stage in english] == [
        "expecting",
        "baby",
        "toddler",
        "preschooler",
        "grade-schooler",
        "preteen",
        "teen",
        "young-adult",
    ]


def test_translations_keep_the_slug_and_colour(locales):
    demo.ensure_age_stages()

    toddler_es = AgeStage.objects.get(slug="toddler", locale=locales["es"])
    toddler_ar = AgeStage.objects.get(slug="toddler", locale=locales["ar"])
    assert (toddler_es.name, toddler_es.age_label) == ("Niño pequeño", "1 a 3 años")
    assert toddler_ar.name == "طفل صغير"
    assert (
        toddler_es.colour
        == toddler_ar.colour
        == AgeStage.objects.get(slug="toddler", locale=locales["en"]).colour
    )


def test_a_two_year_old_is_a_toddler(locales):
    demo.ensure_age_stages()
    english = AgeStage.objects.filter(locale=Locale.get_default())

    assert [s.slug for s in english if s.includes_months(24)] == ["toddler"]
    assert [s.slug for s in english if s.includes_months(0)] == ["baby"]
    assert [s.slug for s in english if s.includes_months(12 * 17)] == ["teen"]


def test_every_stage_colour_is_readable_under_white_text(locales):
    demo.ensure_age_stages()

    for stage in AgeStage.objects.all():
        contrast = (1.0 + 0.05) / (relative_luminance(stage.colour) + 0.05)
        assert contrast >= 4.5, (stage.slug, stage.colour, round(contrast, 2))
