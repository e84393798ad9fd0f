import pytest

from cms.core.demo_age_stages import AGE_STAGES, TRANSLATIONS
from cms.core.models import AgeStage
from tests.growingup.factories import (
    AgeGuideIndexPageFactory,
    AgeGuidePageFactory,
    english_stage,
)

MILESTONES = [
    {"type": "group", "value": {"domain": "language", "milestones": ["Says two words together"]}},
    {
        "type": "group",
        "value": {"domain": "social-emotional", "milestones": ["Copies other children"]},
    },
]


@pytest.fixture
def stages(locales):
    """The eight age stages, named in Spanish and Arabic as in the demo. Copied directly rather
    than through wagtail-localize (as the demo does), which is many times slower."""
    for order, (slug, name, label, months_from, months_to, colour, icon) in enumerate(AGE_STAGES):
        stage = AgeStage.objects.create(
            slug=slug,
            name=name,
            age_label=label,
            sort_order=order,
            months_from=months_from,
            months_to=months_to,
            colour=colour,
            icon=icon,
            locale=locales["en"],
        )
        for code, strings in TRANSLATIONS.items():
            translated = stage.copy_for_translation(locales[code])
            translated.name, translated.age_label = strings[name], strings[label]
            translated.save()


@pytest.fixture
def guides(translated_sites, stages):
    """The age guide list with a toddler guide and a baby guide, in English."""
    home = translated_sites["growingup"].root_page.specific
    index = AgeGuideIndexPageFactory(parent=home)
    toddler = AgeGuidePageFactory(
        parent=index,
        age_stage=english_stage("toddler"),
        milestones=MILESTONES,
        warning_signs=[{"type": "sign", "value": "Does not walk"}],
        where_to_get_help=[
            {
                "type": "help",
                "value": {
                    "name": "Early Intervention",
                    "who_for": "Children under 3",
                    "how_to_reach": "Call 311 and ask for Early Intervention.",
                    "phone": "311",
                    "url": "",
                },
            }
        ],
        quick_tip="Read a book together every day.",
    )
    baby = AgeGuidePageFactory(
        parent=index, age_stage=english_stage("baby"), hero_heading="Your baby"
    )
    return {"home": home, "index": index, "toddler": toddler, "baby": baby}
