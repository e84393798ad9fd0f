"""Public views of the event pages: the listing with its filters, the event page, its .ics
file and the listing's feeds. Thin: the work is in the page models' methods (the dates and
feed entries they ask the database for), ics.py and listing_feeds.py. The page models route
here, so this module takes the pages it is given and does not import the models."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Locale

from cms.core.age_stages import stages_in_language
from cms.core.listings import wall_clock
from cms.core.models import BOROUGHS
from cms.core.views import json_response
from cms.events.forms import EventFilterForm
from cms.events.ics import event_calendar, google_calendar_url
from cms.events.jsonld import as_script, event_json_ld
from cms.events.listing_feeds import feed_calendar, index_feed_url, webcal_url

ITEMS_FILE = "events.json"  # the listing's events and their dates, which core/listing.js filters
PER_PAGE = 20
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def listing_page_count(index):
    count = index.next_dates().count()
    return max(1, -(-count // PER_PAGE))


def render_page(request, page, template, extra):
    context = page.get_context(request)
    context.update(extra)
    return render(request, template, context)


def event_listing(request, index, page_number=None):
    locale = Locale.get_active()
    age_stages = [(stage.slug, stage.name) for stage in stages_in_language(locale)]
    form = EventFilterForm(request.GET or None, age_stages=age_stages)
    filters = form.filters() if form.is_bound else {"start": timezone.now(), "end": None}
    occurrences = index.next_dates(**filters)
    paginator = Paginator(occurrences, PER_PAGE)
    if page_number is None:
        page_number = request.GET.get("page") or 1
    try:
        page = paginator.page(page_number)
    except InvalidPage as error:
        raise Http404("No such page of events") from error
    page.object_list = index.in_language(page.object_list, locale)

    query = {key: value for key, value in request.GET.items() if key != "page" and value}
    feed_filters = {
        "age": query.get("age"),
        "borough": query.get("borough"),
        "free": query.get("free") and True,
        "virtual": query.get("virtual") and True,
    }
    subscribe_url = index_feed_url(index, **feed_filters)
    return render_page(
        request,
        index,
        "events/event_index_page.html",
        {
            "form": form,
            "occurrences": page.object_list,
            "page_obj": page,
            "paginator": paginator,
            "page_links": _page_links(index.get_url(request), page, query),
            "items_url": index.get_url(request) + ITEMS_FILE,
            "per_page": PER_PAGE,
            "is_filtered": bool(query),
            "subscribe_url": subscribe_url,
            "subscribe_webcal": webcal_url(subscribe_url),
            "age_feeds": [(name, index_feed_url(index, age=slug)) for slug, name in age_stages],
            "borough_feeds": [
                (name, index_feed_url(index, borough=slug)) for slug, name in BOROUGHS
            ],
        },
    )


def event_items(request, index):
    """The listing's events as JSON for core/listing.js, which filters them in the browser (and
    so on the static site): one item per event, with the facets the form filters on, its card
    and its upcoming dates. Each date has its start and end as New York wall-clock time, its
    place among all the listing's dates (`order`), `fallback` when it is cancelled, and the part
    of the card that tells it (`html` at the card's <!--date-->, `class` at its
    <!--date-class-->). listing.js shows an event once, at its first date in the chosen range
    that is not cancelled, else at its first, as the server does (EventIndexPage.next_dates)."""
    occurrences = list(index.occurrences())
    # The English events, whose facets the server filters on; then the cards' language.
    english = [occurrence.event for occurrence in occurrences]
    index.in_language(occurrences, Locale.get_active())
    dates = {}
    for order, (event, occurrence) in enumerate(zip(english, occurrences, strict=True)):
        dates.setdefault(event, []).append((order, occurrence))
    return json_response(
        [_event_item(request, event_facets(event), dated) for event, dated in dates.items()]
    )


def _event_item(request, item_facets, dated):
    """One event of the listing's JSON (see event_items): `dated` is its [(order, date)]."""
    event = dated[0][1].event
    pattern = event.pattern
    return {
        "facets": item_facets,
        "html": render_to_string(
            "events/includes/event_item.html",
            {"occurrence": dated[0][1], "date_slots": True},
            request,
        ),
        "dates": [
            {
                "start": wall_clock(occurrence.start),
                "end": wall_clock(occurrence.end),
                "order": order,
                "fallback": occurrence.cancelled,
                "class": render_to_string(
                    "events/includes/event_card_class.html", {"occurrence": occurrence}
                ),
                "html": render_to_string(
                    "events/includes/event_card_date.html",
                    {"occurrence": occurrence, "pattern": pattern},
                ),
            }
            for order, occurrence in dated
        ],
    }


def event_facets(event):
    """The values of the listing's filters an event has, as the form sends them."""
    return {
        "borough": [event.borough] if event.borough else [],
        "age": event.age_stage_slugs,
        "free": ["1"] if event.is_free else [],
        "virtual": ["1"] if event.is_virtual else [],
    }


def _page_links(base, page, query):
    """Links to the previous and next pages: paths (page/2/) without filters, so a static copy
    has them; the query string with filters."""

    def link(number):
        if query:
            return "?" + urlencode({**query, "page": number})
        return base if number == 1 else f"{base}page/{number}/"

    return {
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "next": link(page.next_page_number()) if page.has_next() else None,
    }


def event_feed(request, index, params):
    calendar = feed_calendar(index, index.locale, params, request)
    return calendar_response(calendar, "events.ics", inline=True)


def calendar_response(data, filename, inline=False):
    response = HttpResponse(data, content_type=CALENDAR_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_detail(request, event):
    locale = Locale.get_active()
    image_url = None
    if event.image:
        image_url = request.build_absolute_uri(event.image.get_rendition("width-1200").url)
    return render_page(
        request,
        event,
        "events/event_page.html",
        {
            "occurrences": event.upcoming,
            "age_stages": [
                stage.name for stage in stages_in_language(locale, event.age_stage_slugs)
            ],
            "json_ld": as_script(event_json_ld(event, request, image_url=image_url)),
            "ics_url": f"{event.get_url(request)}event.ics",
            "google_url": google_calendar_url(event, request),
            "listing": event.get_parent(),
        },
    )


def event_calendar_file(request, event):
    calendar = event_calendar([event], event.title, event.get_full_url(request), request)
    return calendar_response(calendar.to_ical(), f"{event.slug}.ics")
