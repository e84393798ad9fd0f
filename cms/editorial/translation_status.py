"""How far each language has come on each site: for every live English page and program, is
there a live translation, and was it made from the English as it is now?

A translation is *out of date* when the English changed after it was made: the English page was
published after wagtail-localize last read it (TranslationSource.last_updated_at), or the source
was read again but the translation has not been saved from it since (TranslationLog). Programs,
which may be imported in every language rather than translated here, are out of date when the
English record was updated after the translated one."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.apps import apps
from django.db.models import Max
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationLog, TranslationSource

from cms.editorial.visibility import visible

TRANSLATED, OUT_OF_DATE, MISSING = "translated", "out_of_date", "missing"
STATES = [TRANSLATED, OUT_OF_DATE, MISSING]
PAGES, PROGRAMS = "pages", "programs"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Item:
    """One English page or program and its state in one language."""

    kind: str
    english: object
    translation: object | None
    state: str


@dataclass
class LocaleStatus:
    locale: Locale
    items: list = field(default_factory=list)

    def count(self, kind, state):
        return self.counts[(kind, state)]

    @property
    def counts(self):
        if not hasattr(self, "_counts"):
            self._counts = Counter((item.kind, item.state) for item in self.items)
        return self._counts


def program_model():
    """cms.programs' Program, or None while that app has no such model."""
    try:
        return apps.get_model("programs", "Program")
    except LookupError:
        return None


def sections(site, user):
    """The English sections of a site (the home page's children) that `user` may see, to
    narrow the dashboard."""
    pages = site.root_page.get_children().filter(alias_of__isnull=True)
    return pages.filter(visible(user)).order_by("path")


def _published(page):
    # Pages made in code may be live without a recorded publishing time.
    return page.last_published_at or page.first_published_at or EPOCH


def _page_states(english_pages, locales):
    keys = {page.translation_key: page for page in english_pages}
    translated = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales)
        .filter(alias_of__isnull=True)
        .only(
            "id",
            "title",
            "translation_key",
            "locale_id",
            "live",
            "last_published_at",
            "first_published_at",
        )
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id=english_pages[0].locale_id
        )
    }
    logs = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source__in=sources.values())
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    for locale in locales:
        for key, english in keys.items():
            translation = translated.get((key, locale.id))
            if translation is None or not translation.live:
                yield locale, Item(PAGES, english, translation, MISSING)
                continue
            source = sources.get(key)
            if source is None:
                stale = _published(english) > _published(translation)
            else:
                last_log = logs.get((source.id, locale.id))
                stale = _published(english) > source.last_updated_at or (
                    last_log is None or last_log < source.last_updated_at
                )
            yield locale, Item(PAGES, english, translation, OUT_OF_DATE if stale else TRANSLATED)


def _program_states(site_key, english_locale, locales):
    program = program_model()
    if program is None:
        return
    english = program.objects.filter(locale=english_locale)
    if hasattr(english, "for_site"):
        english = english.for_site(site_key)
    if hasattr(english, "live"):
        english = english.live()
    english = {item.translation_key: item for item in english}
    translated = {
        (item.translation_key, item.locale_id): item
        for item in program.objects.filter(translation_key__in=english, locale__in=locales)
    }
    for locale in locales:
        for key, source in english.items():
            translation = translated.get((key, locale.id))
            if translation is None or not getattr(translation, "live", True):
                yield locale, Item(PROGRAMS, source, translation, MISSING)
                continue
            updated = getattr(source, "updated_at", None), getattr(translation, "updated_at", None)
            stale = None not in updated and updated[0] > updated[1]
            yield locale, Item(PROGRAMS, source, translation, OUT_OF_DATE if stale else TRANSLATED)


def site_translation_status(site_key, site, section=None, locales=None):
    """A LocaleStatus for every language but English: its pages (within `section`, an English
    page of the site, when given) and the site's programs (unless the section is another one)."""
    english_home = site.root_page
    english_locale = english_home.locale
    if locales is None:
        locales = list(Locale.objects.exclude(pk=english_locale.pk).order_by("language_code"))
    scope = section or english_home
    english_pages = list(
        Page.objects.descendant_of(scope, inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .order_by("path")
        .only(
            "id",
            "title",
            "translation_key",
            "locale_id",
            "path",
            "last_published_at",
            "first_published_at",
        )
    )
    statuses = {locale.id: LocaleStatus(locale) for locale in locales}
    if english_pages:
        for locale, item in _page_states(english_pages, locales):
            statuses[locale.id].items.append(item)
    if section is None or section.slug == "programs":
        for locale, item in _program_states(site_key, english_locale, locales):
            statuses[locale.id].items.append(item)
    return list(statuses.values())
