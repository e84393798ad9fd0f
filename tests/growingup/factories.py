import factory
import wagtail_factories
from wagtail.models import Locale

from cms.core.models import AgeStage
from sites.growingup.models import (
    ActivityGuidePage,
    ActivityPage,
    AgeGuideIndexPage,
    AgeGuidePage,
    BrainBuildingTip,
    BrainBuildingTipIndexPage,
)


def english_stage(slug):
    return AgeStage.objects.get(slug=slug, locale=Locale.get_default())


class AgeGuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Age guides"
    slug = "age-guides"

    class Meta:
        model = AgeGuideIndexPage


class AgeGuidePageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: page.age_stage.name)
    slug = factory.LazyAttribute(lambda page: page.age_stage.slug)
    age_stage = factory.LazyFunction(lambda: english_stage("toddler"))
    hero_heading = "Your toddler: 1 to 3 years"
    intro = "<p>Toddlers learn by doing.</p>"

    class Meta:
        model = AgeGuidePage


class BrainBuildingTipFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Tip {n}")
    text = "Name the foods on the plate and let your child point to them."
    months_from = 12
    months_to = 36
    setting = "mealtime"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = BrainBuildingTip


class BrainBuildingTipIndexPageFactory(wagtail_factories.PageFactory):
    title = "Brain-building tips"
    slug = "brain-building-tips"

    class Meta:
        model = BrainBuildingTipIndexPage


class ActivityGuidePageFactory(wagtail_factories.PageFactory):
    title = "Summer activities"
    slug = "summer"

    class Meta:
        model = ActivityGuidePage


class ActivityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Activity {n}")
    description = "<p>Games, art and a swim every day.</p>"
    borough = "bronx"
    interests = factory.LazyFunction(lambda: ["arts"])
    age_stage_slugs = factory.LazyFunction(lambda: ["grade-schooler"])

    class Meta:
        model = ActivityPage
