"""What an age guide lists from the programs and events packages."""

from dataclasses import dataclass

from cms.events.feeds import event_index, feed_url
from cms.events.models import EventPage
from cms.programs import taxonomy
from cms.programs.models import Program, ProgramIndexPage


@dataclass(frozen=True)
class GuidePrograms:
    """The programs a guide lists: those for its age, then those for every age."""

    for_the_age: list
    for_the_family: list
    count: int  # every program the site lists for the age, as its filtered list does

    @property
    def has_more(self):
        return self.count > len(self.for_the_age) + len(self.for_the_family)


def ages_named(program):
    """The age stages a program is for by name; [] when it is for every age. From the
    dataset's age groups where it has them, else (an editor's program) from its stages."""
    named = taxonomy.named_age_stage_slugs(program.age_group)
    if named is None:
        stages = list(program.age_stages)
        named = [] if set(taxonomy.ALL_AGE_STAGES) <= set(stages) else stages
    return named


def programs_for_stage(locale, stage_slug, *, limit, family_limit):
    """The live programs for an age stage on Growing Up NYC, featured first: up to `limit`
    named for that stage, and up to `family_limit` for every age, those for families with
    children first. A program for every age that also names other ages only ("Caregiver,
    Teen, Young Adult": students, young parents) is for those ages, so it is left out."""
    programs = list(
        Program.objects.live()
        .in_locale(locale)
        .for_site("growingup")
        .for_age_stage(stage_slug)
        .select_related("locale")
        .featured_first()
    )
    for_the_age, for_the_family = [], []
    for program in programs:
        named = ages_named(program)
        if stage_slug in named:
            for_the_age.append(program)
        elif not named:
            for_the_family.append(program)
    for_the_family.sort(
        key=lambda program: (
            not program.featured,
            not taxonomy.is_for_families(program.populations),
        )
    )
    return GuidePrograms(for_the_age[:limit], for_the_family[:family_limit], len(programs))


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
