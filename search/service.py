"""The query service behind the search page and the JSON API: what a resident typed, on which
site and in which language, in; ranked result cards, facets with counts and a spelling
suggestion out. Pages of every type and programs are searched through Wagtail's search backend
for the reader's language, scoped to the site in the database."""

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from modelsearch.query import Or, PlainText
from wagtail.models import Locale, Page

from cms.core.age_stages import stages_in_language
from cms.core.models import BOROUGHS
from cms.core.sites import find_site, site_key_of
from search.backend_settings import backend_name
from search.models import SearchSynonym
from search.text import clean_query, fold, words

PAGE_SIZE = 10
# How many of the best matches of each kind are ranked, faceted and paged. Nobody pages past
# the first few screens of a site search; the facets count what can be reached.
CANDIDATES = 100
MAX_QUERY_LENGTH = 200
FACETS = ("type", "age", "category", "borough")
# The columns of a program that its card, its facets and its address read. A program has sixty,
# and loading them all for each of the candidates took a tenth of a search's time.
PROGRAM_CARD_FIELDS = (
    "plain_language_name",
    "program_name",
    "brief_excerpt",
    "category",
    "age_stages",
    "slug",
    "locale",
)

TYPE_LABELS = {
    "program": _("Program"),
    "standardpage": _("Page"),
    "ageguidepage": _("Age guide"),
    "topicpage": _("Topic"),
    "trippage": _("Trip"),
    "youthprofilepage": _("Youth profile"),
    "eventpage": _("Event"),
    "eventindexpage": _("Events"),
    "programindexpage": _("Programs"),
    "activitypage": _("Activity"),
}
FACET_LABELS = {
    "type": _("Type"),
    "age": _("Age"),
    "category": _("Program category"),
    "borough": _("Borough"),
}


@dataclass(frozen=True)
class SearchRequest:
    q: str
    site_key: str
    language: str
    type: str = ""
    age: str = ""
    category: str = ""
    borough: str = ""
    page: int = 1

    def filters(self):
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class Result:
    """One card: what it is, for which ages, where or when."""

    title: str
    obj: object = field(repr=False)
    url: str = ""
    type: str = ""
    type_label: str = ""
    summary: str = ""
    age_stages: list = field(default_factory=list)  # [(slug, name)]
    category: tuple | None = None  # (slug, label)
    borough: tuple | None = None
    dates: str = ""
    relevance: float = 0.0

    def facet_values(self, name):
        if name == "type":
            return [(self.type, self.type_label)]
        if name == "age":
            return self.age_stages
        value = getattr(self, name)
        return [value] if value else []


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list


@dataclass
class SearchOutcome:
    request: SearchRequest
    results: list
    count: int
    page: int
    page_count: int
    facets: list
    suggestion: str = ""  # "did you mean"
    searched_for: str = ""  # what was searched instead of the typed words, when corrected


def search_backend(language_code):
    """The backend that answers queries in a language: its own Elasticsearch index when
    Elasticsearch is configured, else the database backend set up for that language."""
    name = backend_name(language_code)
    if name in settings.WAGTAILSEARCH_BACKENDS:
        return get_search_backend(name)
    return get_search_backend("default", LANGUAGE=language_code)


def program_model():
    """Program from cms.programs, once that app has it."""
    try:
        from cms.programs.models import Program
    except ImportError:
        return None
    queryset = Program.objects.all()
    if not all(hasattr(queryset, name) for name in ("live", "in_locale", "for_site")):
        return None
    return Program


# --- What people type ---------------------------------------------------------------------


@dataclass
class Rewrite:
    text: str  # the words searched
    alternatives: list  # official words searched as well (synonyms)
    corrected: bool  # an editor's correction replaced the typed words


@dataclass(frozen=True)
class Rule:
    """One of the editors' synonyms or corrections, as searches apply it."""

    phrases: list  # what people type, folded
    official: str  # the words the sites use
    correction: bool  # replaces the typed words (else searched as well)


def rules(language_code):
    """The editors' synonyms and corrections in a language: what `rewrite` applies, and what
    the static copy's search.js applies the same way (search_page.html carries them)."""
    return [
        Rule(rule.typed_phrases(), rule.official, rule.kind == SearchSynonym.CORRECTION)
        for rule in SearchSynonym.objects.filter(language=language_code)
    ]


def contains_phrase(folded_text, phrase):
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_text) is not None


def rewrite(q, language_code):
    """Apply the editors' synonyms and corrections for the language to the typed words."""
    text = clean_query(q)
    folded = fold(text)
    alternatives, corrected = [], False
    for rule in rules(language_code):
        for phrase in rule.phrases:
            if not contains_phrase(folded, phrase):
                continue
            if rule.correction:
                folded = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", rule.official, folded)
                corrected = True
            else:
                alternatives.append(rule.official)
    return Rewrite(clean_query(folded) if corrected else text, alternatives, corrected)


def known_words(site, locale):
    """Words of the titles of the pages and programs a reader can find, and of the editors'
    rules, folded and sorted: what "did you mean" picks from, here and in the static copy's
    search.js (search/words.json)."""
    texts = list(scoped_pages(site, locale).values_list("title", flat=True))
    Program = program_model()
    if Program is not None:
        texts += [
            f"{p.plain_language_name} {p.program_name}"
            for p in scoped_programs(Program, site, locale).only(
                "plain_language_name", "program_name"
            )
        ]
    for rule in SearchSynonym.objects.filter(language=locale.language_code):
        texts += [rule.typed, rule.official]
    return sorted({fold(word) for text in texts for word in words(text) if len(word) > 2})


def vocabulary(site, locale):
    """known_words(), kept for ten minutes: a search that finds nothing asks for them."""
    key = f"search-vocabulary:{site.pk}:{locale.pk}"
    known = cache.get(key)
    if known is None:
        known = known_words(site, locale)
        cache.set(key, known, 600)
    return known


def spelling_suggestion(text, site, locale):
    """The typed words with each unknown word replaced by the closest known one, or ""."""
    known = vocabulary(site, locale)
    known_set = set(known)
    changed = False
    suggested = []
    for word in words(fold(text)):
        if len(word) > 2 and word not in known_set:
            close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
            if close:
                word, changed = close[0], True
        suggested.append(word)
    return " ".join(suggested) if changed else ""


# --- Matching -----------------------------------------------------------------------------


def scoped_pages(site, locale):
    """Live, public pages of one site in one language (translations of a site's home page are
    siblings of it, not children)."""
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return Page.objects.live().public().descendant_of(home).filter(locale=locale)


def scoped_programs(Program, site, locale):  # noqa: N803
    return Program.objects.live().in_locale(locale).for_site(site_key_of(site))


def ranked(backend, scoped, query, broad=None, limit=CANDIDATES):
    """The best matches in `scoped`, with a relevance where higher is better. When the index
    cannot apply the scope's filters, it ranks `broad` (filters it can apply) and the scope is
    applied in the database."""
    try:
        hits = list(backend.search(query, scoped).annotate_score("_score")[:limit])
    except (FilterFieldError, OrderByFieldError):
        broad = scoped.model.objects.all() if broad is None else broad
        hits = list(backend.search(query, broad).annotate_score("_score")[: limit * 5])
        allowed = set(scoped.filter(pk__in=[hit.pk for hit in hits]).values_list("pk", flat=True))
        hits = [hit for hit in hits if hit.pk in allowed][:limit]
    sign = -1 if getattr(backend, "lower_score_is_better", False) else 1
    for hit in hits:
        hit.relevance = sign * (hit._score or 0)
    return hits


def build_query(texts, operator):
    queries = [PlainText(text, operator=operator) for text in texts if text.strip()]
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else Or(queries)


def match(site, locale, texts, operator="and"):
    """Pages and programs matching the texts, best first."""
    query = build_query(texts, operator)
    if query is None:
        return []
    backend = search_backend(locale.language_code)
    hits = ranked(backend, scoped_pages(site, locale), query)
    specific = Page.objects.filter(pk__in=[hit.pk for hit in hits]).specific().in_bulk()
    objects = [(hit.relevance, specific[hit.pk]) for hit in hits if hit.pk in specific]
    Program = program_model()
    if Program is not None:
        # Programs not translated yet are shown in English.
        languages = {locale.pk, Locale.get_default().pk}
        broad = Program.objects.live().filter(locale__in=languages).only(*PROGRAM_CARD_FIELDS)
        scoped = scoped_programs(Program, site, locale).only(*PROGRAM_CARD_FIELDS)
        programs = ranked(backend, scoped, query, broad)
        objects += [(program.relevance, program) for program in programs]
    objects.sort(key=lambda pair: pair[0], reverse=True)
    return objects


def candidates(site, locale, rewritten):
    """Matches of all the words; when a word matches nothing, the closest known spelling
    ("did you mean"); when that finds little too, matches of any of the words, ranked after.
    Returns (objects, spelling suggestion or "")."""
    texts = [rewritten.text, *rewritten.alternatives]
    found = match(site, locale, texts, "and")
    suggestion = ""
    if not found:
        suggestion = spelling_suggestion(rewritten.text, site, locale)
        if suggestion:
            found = match(site, locale, [suggestion, *rewritten.alternatives], "and")
            if not found:
                suggestion = ""
    if len(found) < 3 and len(words(rewritten.text)) > 1:
        keys = {(type(obj), obj.pk) for _relevance, obj in found}
        for relevance, obj in match(site, locale, texts, "or"):
            if (type(obj), obj.pk) not in keys:
                found.append((relevance, obj))
    return [obj for _relevance, obj in found], suggestion


# --- Cards and facets ----------------------------------------------------------------------


class Describer:
    """Turns pages and programs into result cards from what each says in its `search_card()`,
    with age stages, categories and boroughs named in the reader's language."""

    def __init__(self, site, locale, request=None):
        self.site, self.locale, self.request = site, locale, request
        self.age_names = {stage.slug: stage.name for stage in stages_in_language(locale)}
        self.boroughs = dict(BOROUGHS)
        self.labels = {}

    def __call__(self, obj):
        card = obj.search_card()
        type_key = obj._meta.model_name
        return Result(
            title=card.title,
            obj=obj,
            type=type_key,
            type_label=self.label(
                type_key, lambda: TYPE_LABELS.get(type_key, capfirst(obj._meta.verbose_name))
            ),
            summary=card.summary,
            # In age order, whatever the order they were ticked in.
            age_stages=[
                (slug, name) for slug, name in self.age_names.items() if slug in card.age_stages
            ],
            category=(
                (card.category, self.label((type_key, card.category), lambda: card.category_label))
                if card.category
                else None
            ),
            borough=(
                (
                    card.borough,
                    self.label(("borough", card.borough), lambda: self.boroughs[card.borough]),
                )
                if card.borough in self.boroughs
                else None
            ),
            dates=date_format(localtime_if_aware(card.date), "DATE_FORMAT") if card.date else "",
        )

    def label(self, key, translated):
        """A label translated once per search: translating it again for every card (and
        get_FOO_display(), which translates every choice) took a tenth of a search's time."""
        if key not in self.labels:
            self.labels[key] = str(translated())
        return self.labels[key]

    def add_url(self, result):
        """Addresses cost a query or more each: only the results shown get one."""
        obj = result.obj
        if isinstance(obj, Page):
            url = obj.get_url(request=self.request, current_site=self.site)
        else:
            # Only programs are found outside pages; the app is optional, as in program_model().
            from cms.programs.models import ProgramIndexPage

            url = ProgramIndexPage.url_for(obj, self.site, request=self.request, locale=self.locale)
        result.url = url or ""
        return result


def localtime_if_aware(moment):
    """An event's start on the day it is in New York, not in UTC."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


def apply_filters(results, filters, skip=None):
    for name, value in filters.items():
        if name != skip:
            results = [r for r in results if value in {v for v, _label in r.facet_values(name)}]
    return results


def facets(results, filters):
    """Counts for every facet value, each under the other facets' selections, so a reader sees
    what choosing a value would leave."""
    out = []
    for name in FACETS:
        counts, labels = {}, {}
        for result in apply_filters(results, filters, skip=name):
            for value, label in result.facet_values(name):
                counts[value] = counts.get(value, 0) + 1
                labels[value] = label
        values = [
            FacetValue(value, labels[value], count, filters.get(name) == value)
            for value, count in sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]]))
        ]
        if values:
            out.append(Facet(name, str(FACET_LABELS[name]), values))
    return out


# --- Entry points --------------------------------------------------------------------------


def run_search(search_request, request=None):
    """Search one site in one language. `request` (optional) makes URLs relative to it."""
    site = find_site(search_request.site_key)
    locale = Locale.objects.get(language_code=search_request.language)
    rewritten = rewrite(search_request.q[:MAX_QUERY_LENGTH], locale.language_code)
    found, suggestion = candidates(site, locale, rewritten) if rewritten.text else ([], "")
    searched_for = suggestion or (rewritten.text if rewritten.corrected else "")
    describe = Describer(site, locale, request)
    every = [describe(obj) for obj in found]
    filters = search_request.filters()
    chosen = apply_filters(every, filters)
    page_count = max(1, math.ceil(len(chosen) / PAGE_SIZE))
    page = min(max(1, search_request.page), page_count)
    return SearchOutcome(
        request=search_request,
        results=[describe.add_url(r) for r in chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]],
        count=len(chosen),
        page=page,
        page_count=page_count,
        facets=facets(every, filters),
        suggestion=suggestion,
        searched_for=searched_for,
    )


def suggestions(q, site_key, language, request=None, limit=6):
    """Titles that complete what is being typed, for the search box's list."""
    site = find_site(site_key)
    locale = Locale.objects.get(language_code=language)
    text = clean_query(q)[:MAX_QUERY_LENGTH]
    if not text or site is None:
        return []
    backend = search_backend(language)
    describe = Describer(site, locale, request)
    pages = list(backend.autocomplete(text, scoped_pages(site, locale))[:limit])
    specific = Page.objects.filter(pk__in=[p.pk for p in pages]).specific().in_bulk()
    found = [specific[p.pk] for p in pages if p.pk in specific]
    Program = program_model()
    if Program is not None and Program.get_autocomplete_search_fields():
        try:
            found += list(
                backend.autocomplete(text, scoped_programs(Program, site, locale))[:limit]
            )
        except (FilterFieldError, OrderByFieldError):
            pass
    return [describe.add_url(describe(obj)) for obj in found[:limit]]


def topics(site, language):
    """The site's main sections in the reader's language, offered when nothing was found."""
    locale = Locale.objects.get(language_code=language)
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(home.get_children().live().public().in_menu().specific())
