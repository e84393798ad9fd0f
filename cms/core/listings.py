"""Listing pages with filters that work without JavaScript and feel instant with it.

The filters are a GET form: the server filters the list and the state lives in the query
string, so links can be shared and the page works with scripts off. The same items are served
as JSON (`<page>/<name>.json`), each with its rendered card and its facets, so
`core/listing.js` filters them in the browser as soon as a filter changes, and the static
build (which cannot read query strings) can offer the same filters."""

from dataclasses import dataclass
from datetime import timedelta

from django.http import Http404
from django.template.loader import render_to_string
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from cms.core.city_time import NEW_YORK, local_midnight
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
    each item, and what core/listing.js filters on."""

    name: str
    label: str
    choices: list  # (value, label) pairs
    any_label: str = ""
    checkbox: bool = False


def matches(facets, selected):
    """True when an item's facets ({name: [values]}) hold every selected value. listing.js
    applies the same rule to the JSON."""
    return all(value in facets.get(name, ()) for name, value in selected.items())


class FilteredListingMixin(RoutablePageMixin):
    """Subclasses name `items_file` and `item_template`, and define `listing_filters()`,
    `listing_items()` and `item_facets(item)`."""

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
        items = self.listing_items()
        context.update(
            filters=[(f, selected.get(f.name, "")) for f in self.listing_filters()],
            is_filtered=bool(selected),
            results=[item for item in items if matches(self.item_facets(item), selected)],
            items_url=f"{self.get_url(request)}{self.items_file}",
        )
        return context

    @re_path(r"^(?P<file_name>[\w-]+\.json)/$")
    def items_json(self, request, file_name):
        if file_name != self.items_file:
            raise Http404
        items = [
            {
                "facets": self.item_facets(item),
                "html": render_to_string(
                    self.item_template, {"item": item, "page": self}, request=request
                ).strip(),
            }
            for item in self.listing_items()
        ]
        return json_response(items)

    def static_site_paths(self):
        return ["", self.items_file]
