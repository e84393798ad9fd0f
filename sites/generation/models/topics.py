"""Topics: what to know about school, work, money, health and more, each with the programs,
events and trips that go with it."""

from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.models import BasePage, HeroImage
from cms.programs.taxonomy import CATEGORIES
from sites.generation import related
from sites.generation.blocks import TopicStreamBlock

# Each icon is an inline SVG template: generation/icons/<name>.svg.
TOPIC_ICONS = [
    ("school", "School"),
    ("work", "Work"),
    ("money", "Money"),
    ("health", "Health and counseling"),
    ("rights", "Rights and safety"),
    ("fun", "Fun and free"),
    ("pride", "LGBTQ+ support"),
    ("home", "Housing"),
    ("star", "Star"),
]


class TopicIndexPage(BasePage):
    """The list of topics (slug "topics")."""

    intro = models.TextField(blank=True, max_length=400)

    parent_page_types = ["generation.GenerationHomePage"]
    subpage_types = ["generation.TopicPage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    template = "generation/topic_index_page.html"

    class Meta:
        verbose_name = "topic list"

    def topics(self):
        return (
            TopicPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("path")
        )


class TopicPageForm(WagtailAdminPageForm):
    """Program categories as checkboxes, kept as comma-separated slugs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "program_categories" in self.fields:
            self.fields["program_categories"] = forms.MultipleChoiceField(
                choices=CATEGORIES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=self.fields["program_categories"].help_text,
                initial=self.instance.category_slugs,
            )

    def clean_program_categories(self):
        return ",".join(self.cleaned_data.get("program_categories") or [])


class TopicPage(HeroImage, BasePage):
    icon = models.CharField(max_length=20, choices=TOPIC_ICONS, default="star")
    body = StreamField(TopicStreamBlock(), blank=True)
    program_categories = models.CharField(
        max_length=200,
        blank=True,
        help_text="Programs in these categories for teens and young adults are listed on the page.",
    )

    base_form_class = TopicPageForm
    parent_page_types = ["generation.TopicIndexPage"]
    subpage_types = []
    template = "generation/topic_page.html"
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [
        FieldPanel("icon"),
        HeroImage.hero_image_panel,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("program_categories"),
                InlinePanel("event_links", label="Event"),
                InlinePanel("trip_links", label="Trip"),
            ],
            heading="Programs, events and trips",
        ),
    ]
    override_translatable_fields = [SynchronizedField("program_categories")]

    class Meta:
        verbose_name = "topic"

    @property
    def category_slugs(self):
        return [slug for slug in self.program_categories.split(",") if slug]

    def related_programs(self):
        return related.youth_programs(self.locale, self.category_slugs)

    def upcoming_events(self, site):
        events = [item.event for item in self.event_links.select_related("event")]
        return related.youth_events(site, self.locale, events=events, limit=6)

    def trips(self):
        """The chosen trips, each in the reader's language when it is live."""
        trips = [item.trip.localized for item in self.trip_links.select_related("trip")]
        prefetch_related_objects(trips, "photos__image")
        return [trip for trip in trips if trip.live]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.related_programs()
        context["occurrences"] = self.upcoming_events(Site.find_for_request(request))
        context["trips"] = self.trips()
        return context


class TopicEvent(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("event")]


class TopicTrip(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="trip_links")
    trip = models.ForeignKey("generation.TripPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("trip")]
