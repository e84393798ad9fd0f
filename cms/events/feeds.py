"""Calendar feeds people subscribe to: one per site and language, narrowed by the listing's
filters (`feed.ics?borough=bronx&age=toddler`), and one file per age stage and per borough
(`feeds/age-toddler.ics`) so that a static copy of the site can serve them too."""

from django.db.models import Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.models import BOROUGHS, AgeStage
from cms.events.ics import calendar_with_entries
from cms.events.models import EventIndexPage, EventOccurrence, EventPage
from cms.events.occurrences import english_page, event_filter
from cms.events.recurrence import KEEP_PAST

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


def event_index(site, locale=None):
    """A site's event listing, in `locale` when it exists there, else English."""
    home = site.root_page
    default = Locale.get_default()
    if home.locale_id != default.id:
        home = home.get_translation_or_none(default) or home
    index = EventIndexPage.objects.live().child_of(home).first()
    if index is None or locale is None or locale.id == index.locale_id:
        return index
    return index.get_translation_or_none(locale) or index


def feed_url(site, locale, **filters):
    """Address of a site's calendar feed in `locale`, narrowed by filters (age, borough,
    free, virtual). One age or one borough alone gives the feed file (feeds/age-toddler.ics);
    several filters give feed.ics with a query string. None when the site has no listing."""
    index = event_index(site, locale)
    return index_feed_url(index, **filters) if index is not None else None


def index_feed_url(index, **filters):
    """feed_url for an event listing page already at hand."""
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


def _flag(value):
    return True if value in (True, "1", "true", "on", "yes") else None


def feed_entries(index, locale, filters):
    """The stored VEVENTs of a listing's live events that match `filters` and still have a
    date on or after a month ago, each in `locale` when translated (the UID is the same in
    every language)."""
    default = Locale.get_default()
    current = EventOccurrence.objects.filter(end__gt=timezone.now() - KEEP_PAST)
    events = (
        EventPage.objects.live()
        .child_of(english_page(index))
        .filter(pk__in=Subquery(current.values("event_id")))
        .filter(
            event_filter(
                age_stage=filters.get("age") or None,
                borough=filters.get("borough") or None,
                free=_flag(filters.get("free")),
                virtual=_flag(filters.get("virtual")),
            )
        )
        .order_by("starts_at", "pk")
        .values_list("translation_key", "calendar_entry")
    )
    entries = dict(events)
    if locale is not None and locale.id != default.id:
        entries.update(
            EventPage.objects.live()
            .filter(locale=locale, translation_key__in=list(entries))
            .values_list("translation_key", "calendar_entry")
        )
    return list(entries.values())


def feed_name(index, filters):
    site_name = index.get_site().site_name if index.get_site() else ""
    narrowed = [str(value) for name, value in filters.items() if name in FILTER_NAMES and value]
    name = f"{site_name} – {index.title}" if site_name else index.title
    return f"{name} ({', '.join(narrowed)})" if narrowed else name


def feed_calendar(index, locale, filters, request=None):
    """The iCalendar bytes of a listing's feed."""
    filters = {name: filters.get(name) for name in FILTER_NAMES if filters.get(name)}
    entries = feed_entries(index, locale, filters)
    return calendar_with_entries(
        feed_name(index, filters) or _("Events"), entries, index.get_full_url(request)
    )
