"""Growing Up NYC demo content, in plain language, from public facts: the pages and items are
in demo_data/*.toml, their Spanish and Arabic in demo_data/es.po and ar.po."""

from pathlib import Path

from django.utils.text import slugify
from wagtail.models import Locale

from cms.core import demo
from cms.core.demo_data import read_toml, stream, translations, translations_by_name
from cms.core.demo_images import ensure_illustration
from cms.core.models import AgeStage
from sites.growingup.models import (
    ActivityGuidePage,
    ActivityPage,
    AgeGuideIndexPage,
    AgeGuidePage,
    BrainBuildingTip,
    BrainBuildingTipIndexPage,
    GrowingUpHomePage,
)

DATA = Path(__file__).parent / "demo_data"


def _page(fields):
    """Page fields from a TOML table, its `body` as StreamField content."""
    if "body" in fields:
        fields = {**fields, "body": stream(fields["body"])}
    return fields


_PAGES = read_toml(DATA / "home.toml")
HOME = _page(_PAGES["home"])
TRANSLATIONS = translations(DATA, "home page")
ABOUT = _page(_PAGES["about"])

_GUIDES = read_toml(DATA / "guides.toml")
INDEX = _PAGES["age_guides"]
INDEX_TRANSLATIONS = translations(DATA, "age guides page")
GUIDES = [
    {**guide, "help": [_GUIDES["help"][h] if isinstance(h, str) else h for h in guide["help"]]}
    for guide in _GUIDES["guide"]
]
GUIDE_TRANSLATIONS = translations_by_name(DATA, "age guide ")
# slug: the guide's picture (see cms.core.demo_images.ensure_illustration).
GUIDE_PICTURES = read_toml(DATA / "pictures.toml")["guide"]

TIP_INDEX = _PAGES["tips"]
TIPS = read_toml(DATA / "tips.toml")["tip"]
TIP_TRANSLATIONS = translations_by_name(DATA, "tip ")

_ACTIVITIES = read_toml(DATA / "activities.toml")


def _activity(activity):
    description = f"<p>{activity['description']} {_ACTIVITIES['check']}</p>"
    return {**activity, "description": description}


def _activity_guide(key):
    fields = dict(_ACTIVITIES[key])
    return fields, [_activity(activity) for activity in fields.pop("activity")]


SUMMER, SUMMER_ACTIVITIES = _activity_guide("summer")
AFTER_SCHOOL, AFTER_SCHOOL_ACTIVITIES = _activity_guide("after-school")


def load(report):
    home = demo.ensure_site_home(
        "growingup", "Growing Up NYC", GrowingUpHomePage, report, home=HOME, about=ABOUT
    )
    for code, strings in TRANSLATIONS.items():
        if demo.ensure_translation(home, code, strings):
            report(f"Growing Up NYC: home page translated into {code}")
    load_age_guides(home, report)
    load_tips(home, report)
    for slug, fields, activities in (
        ("summer", SUMMER, SUMMER_ACTIVITIES),
        ("after-school", AFTER_SCHOOL, AFTER_SCHOOL_ACTIVITIES),
    ):
        load_activity_guide(home, slug, fields, activities, report)


def guide_lists(guide):
    """A guide's milestones, signs to act on and places to get help, as its page stores them."""
    return {
        "milestones": [
            ("group", {"domain": domain, "milestones": milestones})
            for domain, milestones in guide["milestones"].items()
        ],
        "warning_signs": [("sign", sign) for sign in guide["signs"]],
        "where_to_get_help": [("help", help) for help in guide["help"]],
    }


def guide_content(guide):
    """What a guide's page shows of it: its hero (heading, introduction, picture), its lists and
    its quick tip."""
    picture = GUIDE_PICTURES[guide["slug"]]
    return {
        "hero_heading": guide["hero_heading"],
        "intro": guide["intro"],
        "quick_tip": guide["quick_tip"],
        "hero_image": ensure_illustration(f"Age guide: {guide['title']}", picture),
        "hero_image_alt": picture["alt"],
        **guide_lists(guide),
    }


def load_age_guides(home, report):
    index, created = demo.ensure_child_page(
        home, AgeGuideIndexPage, slug="age-guides", show_in_menus=True, **INDEX
    )
    if created:
        report("Growing Up NYC: age guide list created")
    for code, strings in INDEX_TRANSLATIONS.items():
        demo.ensure_translation(index, code, strings)
    stages = {stage.slug: stage for stage in AgeStage.objects.filter(locale=Locale.get_default())}
    for guide in GUIDES:
        page, created = demo.ensure_child_page(
            index,
            AgeGuidePage,
            slug=guide["slug"],
            title=guide["title"],
            age_stage=stages[guide["slug"]],
            summary=guide["summary"],
            **guide_content(guide),
        )
        if created:
            report(f"Growing Up NYC: {guide['slug']} guide created")
        for code, strings in GUIDE_TRANSLATIONS.get(guide["slug"], {}).items():
            if demo.ensure_translation(page, code, strings):
                report(f"Growing Up NYC: {guide['slug']} guide translated into {code}")


def load_tips(home, report):
    default = Locale.get_default()
    created = 0
    for fields in TIPS:
        fields = dict(fields)
        title = fields.pop("title")
        tip, was_created = BrainBuildingTip.objects.get_or_create(
            title=title, locale=default, defaults=fields
        )
        created += was_created
        for code, strings in TIP_TRANSLATIONS.get(title, {}).items():
            demo.ensure_translation(tip, code, strings)
    if created:
        report(f"Growing Up NYC: {created} brain-building tips created")
    demo.ensure_child_page(
        home,
        BrainBuildingTipIndexPage,
        slug="brain-building-tips",
        **TIP_INDEX,
    )


def load_activity_guide(home, slug, fields, activities, report):
    guide, created = demo.ensure_child_page(
        home, ActivityGuidePage, slug=slug, show_in_menus=True, **fields
    )
    if created:
        report(f"Growing Up NYC: {fields['title']} created")
    for activity in activities:
        demo.ensure_child_page(guide, ActivityPage, slug=slugify(activity["title"]), **activity)
