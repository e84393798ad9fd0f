"""What the age guides list from the programs and events packages.

Those packages may be absent (or not migrated yet) in a given checkout: without them a guide
simply shows no programs or events, and the empty sections are hidden."""

from importlib import import_module


def programs_for_stage(locale, stage_slug, *, limit):
    """Up to `limit` live programs for an age stage on Growing Up NYC, featured first, and how
    many there are in all."""
    try:
        from cms.programs.models import Program
    except ImportError:
        return [], 0
    if not hasattr(Program.objects, "live"):  # the package is there but not its listing API yet
        return [], 0
    programs = (
        Program.objects.live()
        .in_locale(locale)
        .for_site("growingup")
        .for_age_stage(stage_slug)
        .featured_first()
    )
    return list(programs[:limit]), programs.count()


def events_for_stage(site, locale, stage_slug, *, limit):
    """The next `limit` occurrences of events for an age stage."""
    try:
        from cms.events.occurrences import upcoming_occurrences
    except ImportError:
        return []
    return upcoming_occurrences(site, locale, age_stage=stage_slug, limit=limit)


def _index_url(module, model_name, home, stage_slug, request):
    try:
        model = getattr(import_module(module), model_name)
    except (ImportError, AttributeError):
        return None
    index = model.objects.live().child_of(home).first()
    return index and f"{index.get_url(request)}?age={stage_slug}"


def programs_index_url(home, stage_slug, request=None):
    """The site's program list, filtered to an age stage."""
    return _index_url("cms.programs.models", "ProgramIndexPage", home, stage_slug, request)


def events_index_url(home, stage_slug, request=None):
    """The site's event list, filtered to an age stage."""
    return _index_url("cms.events.models", "EventIndexPage", home, stage_slug, request)
