"""What an age guide lists from the programs and events packages."""

from cms.events.feeds import event_index, feed_url
from cms.events.models import EventPage
from cms.programs.models import Program, ProgramIndexPage


def programs_for_stage(locale, stage_slug, *, limit):
    """Up to `limit` live programs for an age stage on Growing Up NYC, featured first, and how
    many there are in all."""
    programs = (
        Program.objects.live()
        .in_locale(locale)
        .for_site("growingup")
        .for_age_stage(stage_slug)
        .select_related("locale")
        .featured_first()
    )
    return list(programs[:limit]), programs.count()


def events_for_stage(site, locale, stage_slug, *, limit):
    """The next `limit` dates of events for an age stage."""
    return EventPage.upcoming_occurrences(site, locale, age_stage=stage_slug, limit=limit)


def programs_list_url(site, locale, stage_slug, request=None):
    """The site's program list, filtered to an age stage; None when the site has none."""
    index = ProgramIndexPage.for_site(site, locale, request=request)
    return index and f"{index.get_url(request)}?age={stage_slug}"


def events_list_url(site, locale, stage_slug, request=None):
    """The site's event list, filtered to an age stage; None when the site has none."""
    index = event_index(site, locale)
    return index and f"{index.get_url(request)}?age={stage_slug}"


def events_feed_url(site, locale, stage_slug):
    """A calendar feed of the events for an age stage."""
    return feed_url(site, locale, age=stage_slug)
