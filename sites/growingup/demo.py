"""Growing Up NYC demo content, in plain language, from public facts."""

from django.utils.text import slugify
from wagtail.models import Locale

from cms.core import demo
from cms.core.models import AgeStage
from sites.growingup.demo_activities import (
    AFTER_SCHOOL,
    AFTER_SCHOOL_ACTIVITIES,
    SUMMER,
    SUMMER_ACTIVITIES,
)
from sites.growingup.demo_guides import GUIDE_TRANSLATIONS, GUIDES, INDEX, INDEX_TRANSLATIONS
from sites.growingup.demo_tips import TIP_TRANSLATIONS, TIPS
from sites.growingup.models import (
    ActivityGuidePage,
    ActivityPage,
    AgeGuideIndexPage,
    AgeGuidePage,
    BrainBuildingTip,
    BrainBuildingTipIndexPage,
    GrowingUpHomePage,
)

HOME = {
    "title": "Growing Up NYC",
    "hero_heading": "Help your child grow, learn and thrive",
    "intro": "<p>Free guides, programs and events for New York City families, from pregnancy to the teen years.</p>",
    "summary": "Guides, programs and events for parents and caregivers in New York City.",
    "body": [
        ("heading", {"text": "Find help fast"}),
        (
            "paragraph",
            "<p>Call 311 to find city services near you. The call is free, and you can ask for an interpreter.</p>",
        ),
        (
            "callout",
            {
                "title": "Worried about how your child is growing?",
                "text": "<p>Talk to your child’s doctor. For a child under 3, you can also call 311 and ask for Early Intervention. It is free.</p>",
            },
        ),
    ],
}

TRANSLATIONS = {
    "es": {
        "Growing Up NYC": "Growing Up NYC",
        "Help your child grow, learn and thrive": "Ayude a su hijo a crecer, aprender y prosperar",
        "Free guides, programs and events for New York City families, from pregnancy to the teen years.": "Guías, programas y eventos gratis para las familias de la ciudad de Nueva York, desde el embarazo hasta la adolescencia.",
        "Guides, programs and events for parents and caregivers in New York City.": "Guías, programas y eventos para madres, padres y cuidadores en la ciudad de Nueva York.",
        "Find help fast": "Encuentre ayuda rápido",
        "Call 311 to find city services near you. The call is free, and you can ask for an interpreter.": "Llame al 311 para encontrar servicios de la ciudad cerca de usted. La llamada es gratis y puede pedir un intérprete.",
        "Worried about how your child is growing?": "¿Le preocupa cómo está creciendo su hijo?",
        "Talk to your child’s doctor. For a child under 3, you can also call 311 and ask for Early Intervention. It is free.": "Hable con el médico de su hijo. Si su hijo tiene menos de 3 años, también puede llamar al 311 y pedir Intervención Temprana (Early Intervention). Es gratis.",
    },
    "ar": {
        "Growing Up NYC": "Growing Up NYC",
        "Help your child grow, learn and thrive": "ساعد طفلك على النمو والتعلّم والازدهار",
        "Free guides, programs and events for New York City families, from pregnancy to the teen years.": "أدلة وبرامج وفعاليات مجانية لعائلات مدينة نيويورك، من الحمل حتى سنوات المراهقة.",
        "Guides, programs and events for parents and caregivers in New York City.": "أدلة وبرامج وفعاليات للآباء والأمهات ومقدّمي الرعاية في مدينة نيويورك.",
        "Find help fast": "اعثر على المساعدة بسرعة",
        "Call 311 to find city services near you. The call is free, and you can ask for an interpreter.": "اتصل بالرقم 311 لتجد خدمات المدينة القريبة منك. المكالمة مجانية، ويمكنك طلب مترجم.",
        "Worried about how your child is growing?": "هل أنت قلق بشأن نمو طفلك؟",
        "Talk to your child’s doctor. For a child under 3, you can also call 311 and ask for Early Intervention. It is free.": "تحدّث مع طبيب طفلك. إذا كان عمر طفلك أقل من 3 سنوات، يمكنك أيضًا الاتصال بالرقم 311 وطلب خدمة التدخّل المبكر (Early Intervention). الخدمة مجانية.",
    },
}

ABOUT = {
    "title": "About Growing Up NYC",
    "summary": "Who makes this site, and how to reach us.",
    "show_in_menus": True,
    "body": [
        (
            "paragraph",
            "<p>Growing Up NYC is made by the City of New York. It brings together city, state and federal help for families in one place.</p>",
        ),
        ("heading", {"text": "Get in touch"}),
        ("paragraph", "<p>Call 311 with questions about any city service.</p>"),
    ],
}


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
            hero_heading=guide["hero_heading"],
            summary=guide["summary"],
            intro=guide["intro"],
            milestones=[
                ("group", {"domain": domain, "milestones": milestones})
                for domain, milestones in guide["milestones"].items()
            ],
            warning_signs=[("sign", sign) for sign in guide["signs"]],
            where_to_get_help=[
                (
                    "help",
                    dict(
                        zip(("name", "who_for", "how_to_reach", "phone", "url"), help, strict=True)
                    ),
                )
                for help in guide["help"]
            ],
            quick_tip=guide["quick_tip"],
        )
        if created:
            report(f"Growing Up NYC: {guide['slug']} guide created")
        for code, strings in GUIDE_TRANSLATIONS.get(guide["slug"], {}).items():
            if demo.ensure_translation(page, code, strings):
                report(f"Growing Up NYC: {guide['slug']} guide translated into {code}")


def load_tips(home, report):
    default = Locale.get_default()
    created = 0
    for title, text, months_from, months_to, setting in TIPS:
        tip, was_created = BrainBuildingTip.objects.get_or_create(
            title=title,
            locale=default,
            defaults={
                "text": text,
                "months_from": months_from,
                "months_to": months_to,
                "setting": setting,
            },
        )
        created += was_created
        for code, (translated_title, translated_text) in TIP_TRANSLATIONS.get(title, {}).items():
            demo.ensure_translation(tip, code, {title: translated_title, text: translated_text})
    if created:
        report(f"Growing Up NYC: {created} brain-building tips created")
    demo.ensure_child_page(
        home,
        BrainBuildingTipIndexPage,
        slug="brain-building-tips",
        title="Brain-building tips",
        summary="Everyday moments that help your child’s brain grow, for every age and time of day.",
        intro="<p>Mealtime, bathtime, a walk to the store: every moment is a chance to learn. Pick your child’s age and a time of day.</p>",
        show_in_menus=True,
    )


def load_activity_guide(home, slug, fields, activities, report):
    guide, created = demo.ensure_child_page(
        home, ActivityGuidePage, slug=slug, show_in_menus=True, **fields
    )
    if created:
        report(f"Growing Up NYC: {fields['title']} created")
    for activity in activities:
        demo.ensure_child_page(guide, ActivityPage, slug=slugify(activity["title"]), **activity)
