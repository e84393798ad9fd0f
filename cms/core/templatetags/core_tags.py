from django import template
from wagtail.models import Locale

from cms.core import languages
from cms.core.models import AlertBanner

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context):
    """The reader's language (for the page chrome) and the content's language. They differ
    when a page is not translated yet and English is shown instead."""
    reader = languages.reader_language()
    content = languages.content_language(context.get("page"))
    return {
        "code": reader,
        "dir": languages.direction(reader),
        "content_code": content,
        "content_dir": languages.direction(content),
        "is_fallback": content != reader,
    }


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return languages.canonical_url(context["request"], context["page"])


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
    reader = languages.reader_language()
    locale = Locale.get_active()
    banners = []
    for banner in AlertBanner.objects.for_reader(site, locale):
        code = banner.locale.language_code
        banners.append((banner, None if code == reader else (code, languages.direction(code))))
    return {"banners": banners}


@register.inclusion_tag("core/includes/site_navigation.html", takes_context=True)
def site_navigation(context):
    request = context["request"]
    site = context.get("current_site")
    if site is None:
        return {"home_url": None, "items": []}
    home = site.root_page.localized
    reader = languages.reader_language()
    items = [
        (item, languages.content_language(item))
        for item in home.get_children().live().public().in_menu().select_related("locale")
    ]
    return {
        "home_url": home.get_url(request),
        "items": [(item, None if code == reader else code) for item, code in items],
        "request": request,
    }
