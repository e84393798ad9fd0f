"""Which language a reader asked for, which language a page's content is really in, and the
links between a page's translations. Used by the base template and by the static build."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.core import build_cache
from cms.core.build_cache import page_tree


def direction(code):
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


def reader_language():
    """The language of the interface: the URL's language prefix, else English."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    known = dict(settings.LANGUAGES)
    return code if code in known else settings.LANGUAGE_CODE


def content_language(page):
    """The language a page's text is written in. An untranslated page is either the English
    page itself (no translation tree for the language yet) or a wagtail-localize alias that
    mirrors the English page."""
    if page is None:
        return reader_language()
    if page.alias_of_id:
        # Kept on the page: its card, its menu item and its listing's note all ask.
        if not hasattr(page, "_original_language"):
            page._original_language = _page_language(page.alias_of_id) or page.locale.language_code
        return page._original_language
    return page.locale.language_code


def with_original_languages(items):
    """`items` as a list, each untranslated page (an alias) among them told its original's
    language in one query for all, so that a listing's cards, notes and lang attributes ask
    content_language without a query per card. Other items are left alone."""
    items = list(items)
    aliases = [
        item
        for item in items
        if isinstance(item, Page) and item.alias_of_id and not hasattr(item, "_original_language")
    ]
    if aliases:
        originals = dict(
            Page.objects.filter(pk__in={page.alias_of_id for page in aliases}).values_list(
                "pk", "locale__language_code"
            )
        )
        for page in aliases:
            page._original_language = originals.get(page.alias_of_id) or page.locale.language_code
    return items


def _page_language(pk):
    """The language code of the page `pk`; in a build, from one table of every page's."""
    if build_cache.active():
        languages = build_cache.bulk(
            ("page languages",),
            lambda: dict(Page.objects.values_list("pk", "locale__language_code")),
        )
        return languages.get(pk)
    return Page.objects.filter(pk=pk).values_list("locale__language_code", flat=True).first()


def language_of(content):
    """The language a piece of content is written in: a page's (an untranslated page's is its
    original's), the locale's of anything translatable (a program, a tip, a banner), a Locale's,
    or a language code itself."""
    if isinstance(content, str):
        return content
    if isinstance(content, Locale):
        return content.language_code
    if content is None or isinstance(content, Page):
        return content_language(content)
    return content.locale.language_code


@dataclass(frozen=True)
class OtherLanguage:
    """The lang and dir attributes of text in another language than the text around it."""

    code: str
    dir: str


def other_language(content, around=None):
    """lang and dir of `content` when its language is not the one of the text around it
    (`around`, a language code; the reader's by default), else None. The one rule for every
    card, menu item, banner and title that may fall back to English on a page in another
    language, or show Arabic on an English page."""
    code = language_of(content)
    if code == (around or reader_language()):
        return None
    return OtherLanguage(code, direction(code))


def route_suffix(request, page):
    """The part of the request's path past the page's own address: a routable page's
    sub-page ("3-k/" under /programs/). The same in every language, so it carries over to the
    page's translations."""
    if request is None or page is None:
        return ""
    own_path = page.get_url(request)
    if own_path and own_path.startswith("/") and request.path.startswith(own_path):
        return request.path[len(own_path) :]
    return ""


def canonical_url(request, page):
    """The address search engines should index: an untranslated copy points at its original."""
    original = page.alias_of if page.alias_of_id else page
    return original.get_full_url(request) + route_suffix(request, page)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def language_links(request, page=None):
    """A link for every language the site has, to this page in that language (its
    translation, its untranslated fallback, or failing both the site's home in that language).
    Views that are not pages (search, 404) link to the same address in each language."""
    current = reader_language()
    site = Site.find_for_request(request)
    homes = site_homes(site) if site is not None else {}
    urls = {}
    if page is not None:
        suffix = route_suffix(request, page)
        for translated in live_translations(page):
            urls[translated.locale.language_code] = translated.get_url(request) + suffix
        for code, home in homes.items():
            urls.setdefault(code, home.get_url(request))
    else:
        for code, _name in settings.LANGUAGES:
            if site is None or code in homes or code == settings.LANGUAGE_CODE:
                urls[code] = translate_url(request.get_full_path(), code)
    links = []
    for code, _name in settings.LANGUAGES:
        if urls.get(code):
            info = translation.get_language_info(code)
            links.append(LanguageLink(code, info["name_local"], urls[code], code == current))
    return links


def site_homes(site):
    """{language code: the site's home page in it} for each live translation of the home."""

    def homes():
        translations = site.root_page.get_translations(inclusive=True).live()
        return {home.locale.language_code: home for home in translations.select_related("locale")}

    return build_cache.cached(("homes", site.pk), homes)


def live_translations(page):
    """The live translations of a page, itself included, in tree order; in a build, picked
    from the page tree instead of queried."""
    tree = page_tree()
    if tree is not None:
        pks = [pk for pk in tree.translations.get(page.translation_key, ()) if tree.base[pk].live]
        if all(type(tree.specific[pk]) is type(page) for pk in pks):
            return [tree.typed_page(pk) for pk in pks]
    return list(page.get_translations(inclusive=True).live().select_related("locale"))


def _original_translations(page):
    """The live translations of a page that are not untranslated copies (plain pages), in the
    order of their language codes."""
    tree = page_tree()
    if tree is not None:
        pks = [
            pk
            for pk in tree.translations.get(page.translation_key, ())
            if tree.base[pk].live and not tree.base[pk].alias_of_id
        ]
        translations = [tree.plain_page(pk) for pk in pks]
        return sorted(translations, key=lambda translated: translated.locale.language_code)
    return list(
        Page.objects.filter(translation_key=page.translation_key, live=True, alias_of__isnull=True)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def hreflang_alternates(request, page):
    """(hreflang, absolute URL) for every real translation of a page, plus x-default (English).
    Untranslated aliases are left out: they would announce English text as another language."""
    suffix = route_suffix(request, page)
    translations = _original_translations(page)
    alternates = []
    default_url = None
    for translated in translations:
        url = translated.get_full_url(request)
        if not url:
            continue
        url += suffix
        alternates.append((translated.locale.language_code, url))
        if translated.locale.language_code == settings.LANGUAGE_CODE:
            default_url = url
    if default_url:
        alternates.append(("x-default", default_url))
    return alternates
