"""A site's event listing and its calendar feed, for other apps and commands. The feeds
themselves, and the addresses of a listing's feeds, are in listing_feeds.py."""

from wagtail.models import Locale

from cms.events.listing_feeds import index_feed_url
from cms.events.models import EventIndexPage


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
