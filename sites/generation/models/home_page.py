from django.db import models
from django.db.models import F
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Site

from cms.core.models import BaseHomePage, HeroImage
from sites.generation import related


class GenerationHomePage(HeroImage, BaseHomePage):
    """Home of Generation NYC, the site for young people: featured topics, trips this week,
    upcoming youth events and a featured profile."""

    featured_profile = models.ForeignKey(
        "generation.YouthProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    template = "generation/home_page.html"
    content_panels = BaseHomePage.content_panels + [
        HeroImage.hero_image_panel,
        MultiFieldPanel(
            [InlinePanel("featured_topics", label="Topic"), FieldPanel("featured_profile")],
            heading="Featured",
        ),
    ]

    class Meta:
        verbose_name = "Generation NYC home page"

    def topics(self):
        topics = [link.topic.localized for link in self.featured_topics.select_related("topic")]
        return [topic for topic in topics if topic.live]

    def profile(self):
        if self.featured_profile is None:
            return None
        profile = self.featured_profile.localized
        return profile if profile.live else None

    def trips_this_week(self, limit=4):
        from sites.generation.models.trips import TripPage, on_this_week

        return (
            TripPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(on_this_week())
            .prefetch_related("photos__image")
            .order_by(F("starts_on").asc(nulls_last=True), "path")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            featured_topics=self.topics(),
            featured_profile=self.profile(),
            trips_this_week=self.trips_this_week(),
            occurrences=related.youth_events(Site.find_for_request(request), self.locale, limit=3),
        )
        return context


class HomeFeaturedTopic(Orderable):
    page = ParentalKey(GenerationHomePage, on_delete=models.CASCADE, related_name="featured_topics")
    topic = models.ForeignKey("generation.TopicPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]
