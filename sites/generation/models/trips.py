"""Free trips around the city: places to go this week and day trips, with how to get there."""

import datetime
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core import places
from cms.core.blocks import BaseStreamBlock
from cms.core.city_time import NEW_YORK, local_midnight
from cms.core.listings import FilteredListingMixin, ListingFilter, date_range
from cms.core.models import BOROUGHS, BasePage

TRIP_TYPES = [
    ("this-week", _("Free this week")),
    ("day-trip", _("Free day trip")),
]
DAY = datetime.timedelta(days=1)


def this_week(now=None):
    """Today to Sunday, in New York: what "this week" means on every listing (the range of
    cms.core.listings.date_range("week")), as first and last day."""
    start, end = date_range("week", None, None, now or timezone.now())
    return start.astimezone(NEW_YORK).date(), end.astimezone(NEW_YORK).date() - DAY


def on_this_week(now=None):
    """Trips open during this week: dated trips whose dates meet it, and undated trips marked
    "free this week"."""
    start, end = this_week(now)
    dated = Q(starts_on__isnull=False, starts_on__lte=end) & (
        Q(ends_on__gte=start) | Q(ends_on__isnull=True, starts_on__gte=start)
    )
    undated = Q(starts_on__isnull=True, trip_type="this-week")
    return dated | undated


class TripIndexPage(FilteredListingMixin, BasePage):
    """The list of trips (slug "trips"), filterable by type, borough, free and this week."""

    intro = models.TextField(blank=True, max_length=400)

    parent_page_types = ["generation.GenerationHomePage"]
    subpage_types = ["generation.TripPage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    template = "generation/trip_index_page.html"
    # The address is trips.json (see cms/urls.py); other clients read it too.
    items_file = "trips.json"
    item_template = "generation/includes/trip_item.html"

    class Meta:
        verbose_name = "trip list"

    def trips(self):
        return (
            TripPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("photos__image")
            .order_by("path")
        )

    def listing_filters(self):
        return [
            ListingFilter("type", _("Type of trip"), TRIP_TYPES, any_label=_("All trips")),
            ListingFilter("borough", _("Borough"), BOROUGHS, any_label=_("All boroughs")),
            ListingFilter("free", _("Free only"), [("1", _("Free only"))], checkbox=True),
            ListingFilter(
                "week",
                _("Open this week"),
                [("1", _("Open this week"))],
                checkbox=True,
                when="week",
            ),
        ]

    def listing_items(self):
        return list(self.trips())

    def item_facets(self, trip):
        # A dated trip is on this week when its dates meet the week (the "week" filter's date
        # word); an undated one when it is marked "free this week".
        undated_this_week = trip.starts_on is None and trip.trip_type == "this-week"
        return {
            "type": [trip.trip_type],
            "borough": [trip.borough] if trip.borough else [],
            "free": ["1"] if trip.is_free else [],
            "week": ["1"] if undated_this_week else [],
        }

    def item_dates(self, trip):
        return trip.dates()

    def item_json(self, trip, request):
        return trip.as_json(request)


class TripPage(places.PlaceLinks, BasePage):
    trip_type = models.CharField(max_length=20, choices=TRIP_TYPES, default="day-trip")
    intro = models.TextField(max_length=600)
    body = StreamField(BaseStreamBlock(), blank=True, help_text="Sections about the place.")
    website = models.URLField(blank=True)
    opening_hours = models.TextField(
        blank=True, max_length=400, help_text="Or: Check the website for hours."
    )
    cost = models.CharField(max_length=120, blank=True, help_text="For example: Free.")
    is_free = models.BooleanField(default=True, verbose_name="free")
    subway = models.CharField(
        max_length=200, blank=True, help_text="Subway lines and stop: 1 train to South Ferry."
    )
    bus = models.CharField(max_length=200, blank=True, help_text="Bus lines: M15, M20.")
    getting_there = models.TextField(blank=True, max_length=400, help_text="Other directions.")
    address = models.CharField(max_length=200, blank=True)
    borough = models.CharField(max_length=20, choices=BOROUGHS)
    map_url = models.URLField(
        blank=True, help_text="Leave empty to link a map search for the address."
    )
    ages = models.CharField(max_length=60, blank=True, help_text="For example: All ages.")
    season = models.CharField(max_length=120, blank=True, help_text="For example: Year-round.")
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(
        null=True, blank=True, help_text="Leave empty for a one-day trip or no set dates."
    )

    parent_page_types = ["generation.TripIndexPage"]
    subpage_types = []
    template = "generation/trip_page.html"
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("borough"),
        index.FilterField("is_free"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("trip_type"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("photos", label="Photo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("is_free")]),
                FieldPanel("ages"),
                FieldPanel("season"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading="When and how much",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("borough"),
                FieldPanel("map_url"),
                FieldPanel("subway"),
                FieldPanel("bus"),
                FieldPanel("getting_there"),
            ],
            heading="Getting there",
        ),
    ]

    class Meta:
        verbose_name = "trip"

    def clean(self):
        super().clean()
        if self.ends_on and not self.starts_on:
            raise ValidationError({"starts_on": _("Add the first day.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must come after the first.")})

    def search_card(self):
        return replace(super().search_card(), borough=self.borough)

    def dates(self):
        """From the first day's New York midnight to the end of the last; None without dates."""
        if self.starts_on is None:
            return None
        return local_midnight(self.starts_on), local_midnight(
            (self.ends_on or self.starts_on) + DAY
        )

    def first_photo(self):
        """The first photo, from the photos a listing fetched with its trips if it did."""
        return next(iter(self.photos.all()), None)

    def as_json(self, request=None):
        return {
            "title": self.title,
            "url": self.get_url(request),
            "summary": self.summary,
            "type": self.trip_type,
            "borough": self.borough,
            "free": self.is_free,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
        }


class TripPhoto(Orderable):
    page = ParentalKey(TripPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=200, help_text="Describe the photo for people who cannot see it."
    )
    caption = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
