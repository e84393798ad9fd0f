"""Activity guides (summer, after-school): a listing page with one child page per activity, so
each activity has its own address to share and its own translation."""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core import places
from cms.core.age_stages import AgeStagesField, stages_in_language
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.listings import FilteredListingMixin, ListingFilter
from cms.core.models import BOROUGHS, BasePage

from .fields import ChoiceListField
from .list_page import ListPage
from .stages import age_choices

INTERESTS = [
    ("arts", _("Arts and crafts")),
    ("music-dance", _("Music and dance")),
    ("sports", _("Sports")),
    ("swimming", _("Swimming")),
    ("stem", _("Science and technology")),
    ("academics", _("Reading and homework help")),
    ("outdoors", _("Nature and outdoors")),
    ("leadership", _("Leadership and community")),
]


class ActivityGuidePage(FilteredListingMixin, ListPage):
    """A guide to activities of one kind (summer, after-school), with filters."""

    subpage_types = ["growingup.ActivityPage"]
    template = "growingup/activity_guide_page.html"
    items_file = "activities.json"
    item_template = "growingup/includes/activity_card.html"

    class Meta:
        verbose_name = "activity guide"

    def listing_filters(self):
        return [
            ListingFilter(
                "age",
                _("Age"),
                age_choices(stages_in_language(self.locale)),
                any_label=_("Any age"),
            ),
            ListingFilter("borough", _("Borough"), BOROUGHS, any_label=_("All boroughs")),
            ListingFilter("interest", _("Interest"), INTERESTS, any_label=_("Any interest")),
            ListingFilter("free", _("Free only"), [("1", _("Free only"))], checkbox=True),
        ]

    def listing_items(self):
        stages = stages_in_language(self.locale)
        activities = list(ActivityPage.objects.child_of(self).live().order_by("path"))
        for activity in activities:
            activity.stage_list = [s for s in stages if s.slug in activity.age_stage_slugs]
        return activities

    def item_facets(self, activity):
        return {
            "age": activity.age_stage_slugs,
            "borough": [activity.borough] if activity.borough else [],
            "interest": activity.interests,
            "free": ["1"] if activity.is_free else [],
        }


class ActivityPage(places.PlaceLinks, BasePage):
    """One activity in an activity guide: a camp, a class, a program after school."""

    description = RichTextField(features=RICH_TEXT_FEATURES)
    eligibility = models.TextField(
        "who can join", blank=True, help_text="Ages, grades, where you live, income."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    days = models.CharField(
        "days and times", max_length=120, blank=True, help_text="Monday to Friday, 9 am to 3 pm"
    )
    address = models.TextField(blank=True)
    borough = models.CharField(max_length=20, choices=BOROUGHS, blank=True)
    map_url = models.URLField(
        "map link", blank=True, help_text="Leave empty to link to a map search of the address."
    )
    cost = models.CharField(max_length=120, blank=True, help_text="$50 a week; free for NYCHA")
    is_free = models.BooleanField("free", default=False)
    how_to_apply = models.TextField(blank=True)
    apply_url = models.URLField("application link", blank=True)
    website = models.URLField(blank=True)
    interests = ChoiceListField(item_choices=INTERESTS)
    age_stage_slugs = AgeStagesField("age stages")

    parent_page_types = ["growingup.ActivityGuidePage"]
    subpage_types = []
    template = "growingup/activity_page.html"
    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("age_stage_slugs"),
        FieldPanel("interests"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("days")],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("borough"), FieldPanel("map_url")], heading="Where"
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("cost")], heading="Cost"),
        MultiFieldPanel(
            [FieldPanel("how_to_apply"), FieldPanel("apply_url"), FieldPanel("website")],
            heading="How to apply",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.FilterField("borough"),
    ]

    class Meta:
        verbose_name = "activity"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end must not come before the start."})

    def search_card(self):
        return replace(
            super().search_card(),
            age_stages=tuple(self.age_stage_slugs),
            borough=self.borough,
            date=self.start_date,
        )

    def stages(self):
        return stages_in_language(self.locale, self.age_stage_slugs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stages"] = self.stages()
        context["interest_names"] = [label for key, label in INTERESTS if key in self.interests]
        return context
