import factory
import wagtail_factories

from sites.generation.models import (
    TopicIndexPage,
    TopicPage,
    TripIndexPage,
    TripPage,
    YouthProfileIndexPage,
    YouthProfilePage,
)


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Topics"
    slug = "topics"

    class Meta:
        model = TopicIndexPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))
    summary = "What to know, in plain words."
    icon = "school"

    class Meta:
        model = TopicPage


class YouthProfileIndexPageFactory(wagtail_factories.PageFactory):
    title = "Inspirations"
    slug = "inspirations"

    class Meta:
        model = YouthProfileIndexPage


class YouthProfilePageFactory(wagtail_factories.PageFactory):
    first_name = factory.Sequence(lambda n: f"Sam{n}")
    slug = factory.LazyAttribute(lambda page: page.first_name.lower())
    age = 19
    borough = "queens"
    intro = "I started a podcast with my friends."
    consent_confirmed = True
    guardian_consent_confirmed = False

    class Meta:
        model = YouthProfilePage


class TripIndexPageFactory(wagtail_factories.PageFactory):
    title = "Free trips"
    slug = "trips"

    class Meta:
        model = TripIndexPage


class TripPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trip {n}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))
    intro = "A free place to go."
    borough = "manhattan"
    trip_type = "day-trip"
    is_free = True

    class Meta:
        model = TripPage
