"""Listing pages with filters that work without JavaScript and feel instant with it.

The filters are a GET form: the server filters the list and the state lives in the query
string, so links can be shared and the page works with scripts off. The same items are served
as JSON (`<page>/<name>.json`), each with its rendered card and its facets, so
`core/listing.js` filters them in the browser as soon as a filter changes, and the static
build (which cannot read query strings) can offer the same filters. A listing declares its
filters once (`listing_filters()`), and that one declaration makes the form, the facets of the
JSON and the rules both sides filter by."""

from dataclasses import dataclass
from datetime import timedelta

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from cms.core.city_time import NEW_YORK, local_midnight
from cms.core.languages import with_original_languages
from cms.core.views import json_response


def date_range(when, start, end, now):
    """The one meaning of the listings' date words, in New York time, as [from, to) (to None:
    no end): "today" until midnight; "weekend" Saturday and Sunday of this week (on a Sunday,
    what is left of it); "week" until next Monday; else the days `start` to `end` (dates or
    None). Nothing before `now`. core/listing.js computes the same ranges (dateRange)."""
    today = now.astimezone(NEW_YORK).date()
    if when == "today":
        return now, local_midnight(today + timedelta(days=1))
    if when == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        return max(now, local_midnight(saturday)), local_midnight(saturday + timedelta(days=2))
    if when == "week":
        return now, local_midnight(today + timedelta(days=7 - today.weekday()))
    range_start = max(now, local_midnight(start)) if start else now
    range_end = local_midnight(end + timedelta(days=1)) if end else None
    return range_start, range_end


@dataclass(frozen=True)
class ListingFilter:
    """One filter a listing declares once: the GET form's field, the facet the JSON gives
    each item, and what core/listing.js filters on. `when` names a date word ("week"): the
    filter then also keeps the items whose dates meet that range (see `date_range`)."""

    name: str
    label: str
    choices: list  # (value, label) pairs
    any_label: str = ""
    checkbox: bool = False
    when: str = ""


def meets(dates, range_start, range_end):
    """True when the [start, end) of an item's dates meets the range [start, end)."""
    start, end = dates
    return end > range_start and (range_end is None or start < range_end)


def wall_clock(moment):
    """A New York wall-clock time as the JSON gives it and listing.js compares it."""
    return moment.astimezone(NEW_YORK).strftime("%Y-%m-%dT%H:%M")


class FilteredListingMixin(RoutablePageMixin):
    """Subclasses name `items_file` and `item_template`, and define `listing_filters()`,
    `listing_items()` and `item_facets(item)`. Items with dates also define `item_dates(item)`:
    the ones that are over are not listed, and date-word filters meet their dates. The JSON of
    an item may carry more fields for other readers (`item_json(item, request)`)."""

    items_file = ""
    item_template = ""

    def selected_filters(self, query):
        """The valid filter values from a query string; unknown values are ignored."""
        selected = {}
        for listing_filter in self.listing_filters():
            value = query.get(listing_filter.name, "")
            if value in {choice for choice, _label in listing_filter.choices}:
                selected[listing_filter.name] = value
        return selected

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected = self.selected_filters(request.GET)
        now = timezone.now()
        items = self.shown_items()
        context.update(
            filters=[(f, selected.get(f.name, "")) for f in self.listing_filters()],
            is_filtered=bool(selected),
            results=[item for item in items if self.is_listed(item, selected, now)],
            items_url=f"{self.get_url(request)}{self.items_file}",
        )
        return context

    def shown_items(self):
        """listing_items(), each untranslated page among them knowing its original's language
        (which its card asks) from one query for all."""
        return with_original_languages(self.listing_items())

    def item_dates(self, item):
        """The [start, end) an item is on, as aware datetimes; None for an item without dates."""
        return None

    def item_json(self, item, request):
        """More fields of an item's JSON, for other readers than listing.js."""
        return {}

    def is_listed(self, item, selected, now):
        """The server's rule, which listing.js applies to the JSON: an item with dates that are
        over is not listed; each selected value is in the item's facets, or, for a date-word
        filter, the item's dates meet the word's range."""
        dates = self.item_dates(item)
        if dates and dates[1] <= now:
            return False
        facets = self.item_facets(item)
        for listing_filter in self.listing_filters():
            value = selected.get(listing_filter.name)
            if value is None or value in facets.get(listing_filter.name, ()):
                continue
            if not (
                listing_filter.when
                and dates
                and meets(dates, *date_range(listing_filter.when, None, None, now))
            ):
                return False
        return True

    @re_path(r"^(?P<file_name>[\w-]+\.json)/$")
    def items_json(self, request, file_name):
        if file_name != self.items_file:
            raise Http404
        items = []
        for item in self.shown_items():
            data = {
                **self.item_json(item, request),
                "facets": self.item_facets(item),
                "html": render_to_string(
                    self.item_template, {"item": item, "page": self}, request=request
                ).strip(),
            }
            dates = self.item_dates(item)
            if dates:
                data.update(start=wall_clock(dates[0]), end=wall_clock(dates[1]))
            items.append(data)
        return json_response(items)

    def static_site_paths(self):
        return ["", self.items_file]
