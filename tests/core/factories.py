import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from cms.core.models import AlertBanner, StandardPage
from sites.generation.models import GenerationHomePage
from sites.growingup.models import GrowingUpHomePage


class GrowingUpHomePageFactory(wagtail_factories.PageFactory):
    title = "Growing Up NYC"
    slug = "growingup"
    hero_heading = "Help your child grow, learn and thrive"
    intro = "<p>Free guides, programs and events for New York City families.</p>"

    class Meta:
        model = GrowingUpHomePage


class GenerationHomePageFactory(wagtail_factories.PageFactory):
    title = "Generation NYC"
    slug = "generation"
    hero_heading = "Your city. Your future."
    intro = "<p>Jobs, money tips, free trips and someone to talk to.</p>"

    class Meta:
        model = GenerationHomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    summary = "A short summary in plain words."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


class SiteFactory(wagtail_factories.SiteFactory):
    port = 80
    is_default_site = False


class AlertBannerFactory(factory.django.DjangoModelFactory):
    message = "Pools are closed today because of the heat."
    level = "warning"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AlertBanner
