"""Programs and events for young people, from cms.programs and cms.events."""

from datetime import timedelta

from django.utils import timezone

from cms.events.models import EventPage
from cms.programs.models import Program

SITE_KEY = "generation"
YOUTH_AGE_STAGES = ("teen", "young-adult")
YOUTH_AUDIENCE = "youth"
CHOSEN_EVENTS_WINDOW = timedelta(days=120)


def youth_programs(locale, categories, limit=6):
    """Live programs in `locale` for teens or young adults, in any of `categories`, shown on
    Generation NYC; featured ones first."""
    if not categories:
        return []
    base = Program.objects.live().in_locale(locale).for_site(SITE_KEY)
    programs = {}
    for slug in YOUTH_AGE_STAGES:
        for program in base.for_age_stage(slug).filter(category__in=categories):
            programs.setdefault(program.pk, program)
    ordered = sorted(
        programs.values(),
        key=lambda p: (not p.featured, p.plain_language_name or p.program_name),
    )
    return ordered[:limit]


def youth_events(site, locale, *, events=None, limit=None):
    """Upcoming occurrences of youth events on a site. With `events` (event pages in any
    language), only occurrences of those events."""
    if events is not None:
        keys = {event.translation_key for event in events}
        if not keys:
            return []
        # Chosen events only, over the next few months: enough for a topic page.
        end = timezone.now() + CHOSEN_EVENTS_WINDOW
        occurrences = [
            occurrence
            for occurrence in EventPage.upcoming_occurrences(
                site, locale, audience=YOUTH_AUDIENCE, end=end
            )
            if occurrence.event.translation_key in keys
        ]
        return occurrences[:limit] if limit else occurrences
    return EventPage.upcoming_occurrences(site, locale, audience=YOUTH_AUDIENCE, limit=limit)
