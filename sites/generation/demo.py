"""Generation NYC demo content, in plain language for teens, from public facts."""

from cms.core import demo
from sites.generation import demo_content as content
from sites.generation.models import (
    GenerationHomePage,
    HomeFeaturedTopic,
    ProfileLink,
    ProfileTopic,
    TopicIndexPage,
    TopicPage,
    TopicTrip,
    TripIndexPage,
    TripPage,
    YouthProfileIndexPage,
    YouthProfilePage,
)

HOME = {
    "title": "Generation NYC",
    "hero_heading": "Your city. Your future.",
    "intro": "<p>Jobs, money tips, free trips and someone to talk to. Made for New Yorkers ages 13 to 24.</p>",
    "summary": "Free stuff, real talk and support for young New Yorkers.",
    "body": [
        ("heading", {"text": "Need to talk to someone now?"}),
        (
            "paragraph",
            "<p>Call or text 988 any time, day or night. It is free and private.</p>",
        ),
        (
            "callout",
            {
                "title": "Looking for a summer job?",
                "text": "<p>The Summer Youth Employment Program pays New Yorkers ages 14 to 24 for summer work. Applications usually open in the spring.</p>",
            },
        ),
    ],
}

TRANSLATIONS = {
    "es": {
        "Generation NYC": "Generation NYC",
        "Your city. Your future.": "Tu ciudad. Tu futuro.",
        "Jobs, money tips, free trips and someone to talk to. Made for New Yorkers ages 13 to 24.": "Trabajos, consejos de dinero, salidas gratis y alguien con quien hablar. Hecho para neoyorquinos de 13 a 24 años.",
        "Free stuff, real talk and support for young New Yorkers.": "Cosas gratis, conversaciones reales y apoyo para jóvenes neoyorquinos.",
        "Need to talk to someone now?": "¿Necesitas hablar con alguien ahora?",
        "Call or text 988 any time, day or night. It is free and private.": "Llama o envía un mensaje de texto al 988 a cualquier hora, de día o de noche. Es gratis y privado.",
        "Looking for a summer job?": "¿Buscas trabajo de verano?",
        "The Summer Youth Employment Program pays New Yorkers ages 14 to 24 for summer work. Applications usually open in the spring.": "El Programa de Empleo Juvenil de Verano (SYEP) paga a neoyorquinos de 14 a 24 años por trabajar en el verano. Las solicitudes suelen abrir en la primavera.",
    },
    "ar": {
        "Generation NYC": "Generation NYC",
        "Your city. Your future.": "مدينتك. مستقبلك.",
        "Jobs, money tips, free trips and someone to talk to. Made for New Yorkers ages 13 to 24.": "وظائف، ونصائح مالية، ورحلات مجانية، وشخص تتحدث إليه. مصمَّم لسكان نيويورك من عمر 13 إلى 24 سنة.",
        "Free stuff, real talk and support for young New Yorkers.": "أشياء مجانية، وكلام صريح، ودعم لشباب نيويورك.",
        "Need to talk to someone now?": "هل تحتاج إلى التحدث مع شخص الآن؟",
        "Call or text 988 any time, day or night. It is free and private.": "اتصل أو أرسل رسالة نصية إلى الرقم 988 في أي وقت، ليلًا أو نهارًا. الخدمة مجانية وسرية.",
        "Looking for a summer job?": "هل تبحث عن وظيفة صيفية؟",
        "The Summer Youth Employment Program pays New Yorkers ages 14 to 24 for summer work. Applications usually open in the spring.": "يدفع برنامج توظيف الشباب الصيفي (SYEP) أجرًا لسكان نيويورك من عمر 14 إلى 24 سنة مقابل العمل في الصيف. يبدأ التقديم عادةً في الربيع.",
    },
}

ABOUT = {
    "title": "About Generation NYC",
    "summary": "Who makes this site, and how to reach us.",
    "show_in_menus": True,
    "body": [
        (
            "paragraph",
            "<p>Generation NYC is made by the City of New York for young people. It shows free programs, events and trips in one place.</p>",
        ),
        ("heading", {"text": "Get in touch"}),
        ("paragraph", "<p>Call 311 with questions about any city service.</p>"),
    ],
}


def load(report):
    home = demo.ensure_site_home(
        "generation", "Generation NYC", GenerationHomePage, report, home=HOME, about=ABOUT
    )
    if load_youth_content(home):
        report("Generation NYC: topics, sample profiles and trips created")
    for code, strings in TRANSLATIONS.items():
        if demo.ensure_translation(home, code, strings):
            report(f"Generation NYC: home page translated into {code}")
    for slug, languages in content.TOPIC_TRANSLATIONS.items():
        topic = TopicPage.objects.get(slug=slug, locale=home.locale)
        for code, strings in languages.items():
            if demo.ensure_translation(topic, code, strings):
                report(f"Generation NYC: topic {slug} translated into {code}")


def load_youth_content(home):
    """Trips, topics and sample profiles, and what the home page features. Only on the first
    run: an editor's later changes to these pages stay."""
    if TopicIndexPage.objects.child_of(home).exists():
        return False
    trip_index, _ = demo.ensure_child_page(home, TripIndexPage, slug="trips", **content.TRIP_INDEX)
    trips = {
        slug: demo.ensure_child_page(trip_index, TripPage, slug=slug, **fields)[0]
        for slug, fields in content.TRIPS.items()
    }
    topic_index, _ = demo.ensure_child_page(
        home, TopicIndexPage, slug="topics", **content.TOPIC_INDEX
    )
    topics = {}
    for slug, fields in content.TOPICS.items():
        fields = dict(fields)
        trip_links = [TopicTrip(trip=trips[trip]) for trip in fields.pop("trips", [])]
        topics[slug], _ = demo.ensure_child_page(
            topic_index, TopicPage, slug=slug, trip_links=trip_links, **fields
        )
    profile_index, _ = demo.ensure_child_page(
        home, YouthProfileIndexPage, slug="inspirations", **content.PROFILE_INDEX
    )
    profiles = {}
    for slug, fields in content.PROFILES.items():
        fields = dict(fields)
        topic_links = [ProfileTopic(topic=topics[topic]) for topic in fields.pop("topics")]
        fields.pop("related")
        profiles[slug], _ = demo.ensure_child_page(
            profile_index,
            YouthProfilePage,
            slug=slug,
            topic_links=topic_links,
            is_sample=True,
            consent_confirmed=True,
            guardian_consent_confirmed=True,
            **fields,
        )
    for slug, fields in content.PROFILES.items():
        profile = profiles[slug]
        profile.profile_links = [
            ProfileLink(profile=profiles[other]) for other in fields["related"]
        ]
        profile.save_revision().publish()
    home.featured_topics = [
        HomeFeaturedTopic(topic=topics[slug]) for slug in content.FEATURED_TOPICS
    ]
    home.featured_profile = profiles[content.FEATURED_PROFILE]
    home.save_revision().publish()
    return True
