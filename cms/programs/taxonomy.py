"""How the dataset's words map to ours: categories, age groups, populations and languages."""

import re

from django.utils.translation import gettext_lazy as _

# The dataset's `program_category` values and the slugs used in addresses (?category=food).
CATEGORIES = [
    ("cash-expenses", _("Cash and expenses")),
    ("child-care", _("Child care")),
    ("city-id-card", _("City ID card")),
    ("education", _("Education")),
    ("enrichment", _("Enrichment")),
    ("family-services", _("Family services")),
    ("food", _("Food")),
    ("health", _("Health")),
    ("housing", _("Housing")),
    ("work", _("Work")),
]
CATEGORY_BY_SOURCE_NAME = {
    "cash & expenses": "cash-expenses",
    "child care": "child-care",
    "city id card": "city-id-card",
    "education": "education",
    "enrichment": "enrichment",
    "family services": "family-services",
    "food": "food",
    "health": "health",
    "housing": "housing",
    "work": "work",
}

# cms.core AgeStage slugs, youngest first.
ALL_AGE_STAGES = [
    "expecting",
    "baby",
    "toddler",
    "preschooler",
    "grade-schooler",
    "preteen",
    "teen",
    "young-adult",
]
# Caregiver and Everyone mean a program for any age, pregnancy included.
ALL_AGES_SOURCE_NAMES = ("caregiver", "everyone")
AGE_STAGES_BY_SOURCE_NAME = {
    "baby": ["baby"],
    "toddler": ["toddler"],
    "pre-schooler": ["preschooler"],
    "grade-schooler": ["grade-schooler"],
    "pre-teen": ["preteen"],
    "teen": ["teen"],
    "young adult": ["young-adult"],
    **dict.fromkeys(ALL_AGES_SOURCE_NAMES, ALL_AGE_STAGES),
}

# Populations that are families with children (or about to have them).
FAMILY_POPULATIONS = frozenset(
    {"families with children", "families", "pregnant & new parents", "children (0-13)"}
)

# Populations whose own text holds a comma, so a plain split on commas would cut them in two.
POPULATIONS_WITH_A_COMMA = ["All New Yorkers, regardless of immigration status"]

# Which site shows a program by default, from its age stages: each site's `age_stages` in
# cms/core/sites.py.

# The `language` column holds English names of languages; the codes are our locales.
LOCALE_BY_LANGUAGE_NAME = {
    "english": "en",
    "spanish": "es",
    "chinese": "zh-hant",
    "traditional chinese": "zh-hant",
    "chinese (traditional)": "zh-hant",
    "russian": "ru",
    "bengali": "bn",
    "bangla": "bn",
    "haitian creole": "ht",
    "haitian": "ht",
    "korean": "ko",
    "arabic": "ar",
    "urdu": "ur",
    "french": "fr",
    "polish": "pl",
}


def category_slug(name):
    """The slug for a dataset category name, "" when there is none or it is unknown."""
    return CATEGORY_BY_SOURCE_NAME.get(name.strip().lower(), "")


def age_stage_slugs(age_group):
    """AgeStage slugs, youngest first, for a comma-joined `age_group` value. Unknown names are
    ignored (the raw text is kept on the program)."""
    found = set()
    for name in age_group.split(","):
        found.update(AGE_STAGES_BY_SOURCE_NAME.get(name.strip().lower(), []))
    return [slug for slug in ALL_AGE_STAGES if slug in found]


def named_age_stage_slugs(age_group):
    """The AgeStage slugs an `age_group` value names one by one, without the any-age names:
    "Caregiver, Teen, Young Adult" names teen and young-adult, "Everyone" none ([]). None when
    the value holds no age group we know."""
    names = [name.strip().lower() for name in age_group.split(",")]
    if not any(name in AGE_STAGES_BY_SOURCE_NAME for name in names):
        return None
    return age_stage_slugs(",".join(n for n in names if n not in ALL_AGES_SOURCE_NAMES))


def is_for_families(populations):
    """Whether a program's `populations` include families with children."""
    return any(population.strip().lower() in FAMILY_POPULATIONS for population in populations)


def populations(population_served):
    """The list of populations in a comma-joined `population_served` value, keeping the known
    values that contain a comma whole."""
    return [
        match.group().strip()
        for match in _POPULATION.finditer(population_served)
        if match.group().strip()
    ]


# At each position a known value with a comma is tried before "anything up to a comma".
_POPULATION = re.compile(
    "|".join([*map(re.escape, POPULATIONS_WITH_A_COMMA), r"[^,]+"]), re.IGNORECASE
)
