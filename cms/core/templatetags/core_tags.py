from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale, Page

from cms.core import build_cache, chrome, languages, sites
from cms.core.models import AlertBanner

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context):
    """The reader's language (for the page chrome), and the content's language when it is
    another: a page not translated yet is shown in English."""
    reader = languages.reader_language()
    return {
        "code": reader,
        "dir": languages.direction(reader),
        "content": languages.other_language(context.get("page")),
    }


@register.simple_tag(takes_context=True)
def other_language(context, content):
    """`content`'s lang and dir when it is in another language than the text around it (see
    lang_attrs), else None."""
    return languages.other_language(content, around=_language_around(context))


def _language_around(context):
    """The language of the text a template writes into: the page's content (English on a page
    shown untranslated, see base.html), else the reader's (menus, banners, search)."""
    page = context.get("page")
    if isinstance(page, Page):
        return languages.content_language(page)
    return languages.reader_language()


@register.simple_tag(takes_context=True)
def lang_attrs(context, content):
    """` lang="en" dir="ltr"` for an element whose text is `content`'s (a page, a program, a
    tip, a banner, a language code) when that is in another language than the text around it,
    so an untranslated title keeps its punctuation and is read out in its own language. Nothing
    when the languages agree."""
    other = languages.other_language(content, around=_language_around(context))
    if other is None:
        return ""
    return format_html(' lang="{}" dir="{}"', other.code, other.dir)


@register.inclusion_tag("core/includes/language_note.html", takes_context=True)
def language_note(context, items, field=""):
    """Once above a listing whose items (or each item's `field`: "event" of an occurrence)
    include some not translated into the reader's language yet: a note that says so. Not on a
    page that is itself shown in English: its own notice says so already."""
    reader = languages.reader_language()
    shown = (getattr(item, field) if field else item for item in items)
    return {
        "shows_other_languages": reader != settings.LANGUAGE_CODE
        and _language_around(context) == reader
        and any(languages.language_of(item) != reader for item in shown),
    }


@register.simple_tag
def search_result_title(content):
    """` data-pagefind-meta="title:…"` for the <main> of a page: its result in the static
    copy's search (Pagefind, which reads only <main>) gets the title the live search's card
    gives it (`search_card().title`: "Toddler") instead of Pagefind's own, the page's first
    heading ("Your toddler: 1 to 3 years"). Nothing for content without a search card."""
    search_card = getattr(content, "search_card", None)
    if search_card is None:
        return ""
    return format_html(' data-pagefind-meta="title:{}"', search_card().title)


@register.inclusion_tag("core/includes/link_preview.html", takes_context=True)
def link_preview(context, content=None):
    """The canonical link of a page, and the Open Graph and Twitter card tags with its address:
    the title, summary and picture a link to it shows when it is shared in WhatsApp, a text
    message or a post. `content` is what the page shows when that is not the page itself (a
    program on the programs page)."""
    page = context["page"]
    content = content or page.specific
    image = getattr(content, "hero_image", None)
    picture = ""
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        picture = rendition.url
        if "://" not in picture:
            picture = page.get_site().root_url + picture
    if isinstance(content, Page):
        title = content.seo_title or content.title
        description = content.search_description or getattr(content, "summary", "")
    else:
        card = content.search_card()
        title, description = card.title, card.summary
    return {
        "site_name": sites.site_names().get(sites.site_key_of(page), ""),
        "title": title,
        "description": description,
        "url": languages.canonical_url(context["request"], page),
        "locale": languages.reader_language().replace("-", "_"),
        "picture": picture,
        "picture_alt": getattr(content, "hero_image_alt", ""),
    }


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": languages.language_links(request, context.get("page"))}


@register.inclusion_tag("core/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    page = context.get("page")
    if page is None:
        return {"alternates": []}
    return {"alternates": languages.hreflang_alternates(context["request"], page)}


@register.inclusion_tag("core/includes/alert_banners.html", takes_context=True)
def alert_banners(context):
    site = context.get("current_site")
    if site is None:
        return {"banners": []}
    return {"banners": AlertBanner.objects.for_reader(site, Locale.get_active())}


@register.inclusion_tag("core/includes/site_navigation.html", takes_context=True)
def site_navigation(context):
    request = context["request"]
    site = context.get("current_site")
    if site is None:
        return {"home_url": None, "items": []}
    home, items = build_cache.cached(
        ("menu", site.pk, translation.get_language()), lambda: _menu(site)
    )
    return {"home_url": home.get_url(request), "items": items, "request": request}


def _menu(site):
    """The site's home in the reader's language, and the pages shown in its menu."""
    home = site.root_page.localized
    return home, list(home.get_children().live().public().in_menu().select_related("locale"))


def _banners_shown(site):
    return {
        ("core.alertbanner", pk)
        for pk in AlertBanner.objects.active(site).values_list("pk", flat=True)
    }


chrome.register(
    chrome.Part(
        "alerts",
        "core/includes/alert_banners.html",
        lambda request, site: alert_banners({"request": request, "current_site": site}),
        models=("core.alertbanner",),
        shown=_banners_shown,
    )
)
chrome.register(
    chrome.Part(
        "menu",
        "core/includes/site_navigation.html",
        lambda request, site: site_navigation({"request": request, "current_site": site}),
        lists_home_children=True,
    )
)


@register.simple_tag(takes_context=True, name="chrome")
def chrome_part(context, name):
    """A part of the page chrome between its markers (see cms/core/chrome.py)."""
    return chrome.render_part(name, context.get("request"), context.get("current_site"))
