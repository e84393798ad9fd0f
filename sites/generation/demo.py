"""Generation NYC demo content, in plain language for teens, from public facts (the data is in
demo_data/, read by demo_content)."""

from cms.core import demo
from cms.core.demo_images import ensure_illustration
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
    TripPhoto,
    YouthProfileIndexPage,
    YouthProfilePage,
)


def load(report):
    home = demo.ensure_site_home(
        "generation",
        "Generation NYC",
        GenerationHomePage,
        report,
        home=content.HOME,
        about=content.ABOUT,
    )
    if load_youth_content(home):
        report("Generation NYC: topics, sample profiles and trips created")
    for code, strings in content.HOME_TRANSLATIONS.items():
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
    trips = {}
    for slug, fields in content.TRIPS.items():
        fields = dict(fields)
        illustration = fields.pop("illustration")
        photo = TripPhoto(
            image=ensure_illustration(f"Trip: {fields['title']}", illustration),
            alt_text=illustration["alt"],
        )
        trips[slug], _ = demo.ensure_child_page(
            trip_index, TripPage, slug=slug, photos=[photo], **fields
        )
    topic_index, _ = demo.ensure_child_page(
        home, TopicIndexPage, slug="topics", **content.TOPIC_INDEX
    )
    topics = {}
    for slug, fields in content.TOPICS.items():
        fields = dict(fields)
        trip_links = [TopicTrip(trip=trips[trip]) for trip in fields.pop("trips", [])]
        fields.update(_hero_image(f"Topic: {fields['title']}", fields.pop("illustration")))
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
        illustration = fields.pop("illustration")
        fields["photo"] = ensure_illustration(
            f"Sample profile: {fields['first_name']}", illustration
        )
        fields["photo_alt_text"] = illustration["alt"]
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
    for name, value in _hero_image("Generation NYC home", content.HOME_ILLUSTRATION).items():
        setattr(home, name, value)
    home.save_revision().publish()
    return True


def _hero_image(name, illustration):
    return {
        "hero_image": ensure_illustration(name, illustration),
        "hero_image_alt": illustration["alt"],
    }
