"""Calendar feeds people subscribe to: one per site and language, narrowed by the listing's
filters (`feed.ics?borough=bronx&age=toddler`), and one file per age stage and per borough
(`feeds/age-toddler.ics`) so that a static copy of the site can serve them too.

It works on the event listing it is given (an EventIndexPage), which also gives the feeds'
entries: the page models route to the views, which use this module, so it does not import
the models."""

from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.models import BOROUGHS, AgeStage
from cms.events.ics import calendar_with_entries

FILTER_NAMES = ("age", "borough", "free", "virtual")


def named_feed_names():
    """The feed files every listing offers: feeds/<name>.ics."""
    ages = AgeStage.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True)
    return [f"age-{slug}" for slug in ages] + [f"borough-{slug}" for slug, _name in BOROUGHS]


def named_feed_filters(name):
    """{"age": "toddler"} from "age-toddler"; 404 for a feed that does not exist."""
    if name not in named_feed_names():
        raise Http404("No such feed")
    kind, _sep, slug = name.partition("-")
    return {kind: slug}


def index_feed_url(index, **filters):
    """The address of an event listing's calendar feed, narrowed by filters (age, borough,
    free, virtual). One age or one borough alone gives the feed file (feeds/age-toddler.ics);
    several filters give feed.ics with a query string."""
    base = index.get_full_url()
    given = {name: filters[name] for name in FILTER_NAMES if filters.get(name)}
    if len(given) == 1 and ("age" in given or "borough" in given):
        kind, slug = next(iter(given.items()))
        return f"{base}feeds/{kind}-{slug}.ics"
    query = "&".join(f"{name}={'1' if value is True else value}" for name, value in given.items())
    return f"{base}feed.ics" + (f"?{query}" if query else "")


def webcal_url(url):
    """The same feed as a webcal:// link, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[1] if url and "://" in url else url


def feed_name(index, filters):
    site_name = index.get_site().site_name if index.get_site() else ""
    narrowed = [str(value) for name, value in filters.items() if name in FILTER_NAMES and value]
    name = f"{site_name} – {index.title}" if site_name else index.title
    return f"{name} ({', '.join(narrowed)})" if narrowed else name


def feed_calendar(index, locale, filters, request=None):
    """The iCalendar bytes of a listing's feed."""
    filters = {name: filters.get(name) for name in FILTER_NAMES if filters.get(name)}
    entries = index.feed_entries(locale, filters)
    return calendar_with_entries(
        feed_name(index, filters) or _("Events"), entries, index.get_full_url(request)
    )
