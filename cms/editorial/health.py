"""The content health report: what readers would miss or trip over."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.editorial.models import ExternalLink, MachineTranslation
from cms.editorial.translation_status import program_model


@dataclass
class ProgramGap:
    program: object
    missing: list


def programs_missing_translations():
    """Each live English program with the languages it has no translation in."""
    program = program_model()
    if program is None:
        return []
    english = Locale.get_default()
    codes = dict(Locale.objects.exclude(pk=english.pk).values_list("pk", "language_code"))
    programs = program.objects.filter(locale=english)
    if hasattr(programs, "live"):
        programs = programs.live()
    translated = {}
    for key, locale_id in program.objects.filter(
        translation_key__in=programs.values("translation_key"), locale__in=codes
    ).values_list("translation_key", "locale_id"):
        translated.setdefault(key, set()).add(locale_id)
    gaps = []
    for item in programs:
        missing = [
            code for pk, code in codes.items() if pk not in translated.get(item.translation_key, ())
        ]
        if missing:
            gaps.append(ProgramGap(item, sorted(missing)))
    return gaps


def events_without_place():
    """Live event pages that do not say which borough, or where (unless they are online)."""
    try:
        event_page = apps.get_model("events", "EventPage")
    except LookupError:
        return []
    fields = {field.name for field in event_page._meta.get_fields()}
    lacking = Q()
    if "borough" in fields:
        lacking |= Q(borough="")
    if {"venue_name", "address", "is_virtual"} <= fields:
        lacking |= Q(venue_name="", address="", is_virtual=False)
    if not lacking:
        return []
    return event_page.objects.live().filter(lacking, alias_of__isnull=True).order_by("title")


def images_without_alt_text():
    """Wagtail uses an image's description as its alt text, so these have none."""
    return get_image_model().objects.filter(description="").order_by("title")


def content_health():
    return {
        "programs": programs_missing_translations(),
        "events": events_without_place(),
        "images": images_without_alt_text(),
        "broken_links": ExternalLink.objects.filter(is_broken=True).prefetch_related(
            "pages", "programs__locale"
        ),
        "last_link_check": ExternalLink.objects.order_by("-checked_at")
        .values_list("checked_at", flat=True)
        .first(),
        "machine_translations": MachineTranslation.objects.unreviewed().select_related(
            "translation__source", "translation__target_locale"
        ),
    }
