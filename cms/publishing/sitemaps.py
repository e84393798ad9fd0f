"""sitemap.xml (with hreflang alternates between a page's translations) and robots.txt for one
site. Wagtail's own sitemap lists only the English tree, so the build writes its own."""

from collections import defaultdict
from html import escape

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page


def sitemap_xml(site, outputs):
    """One <url> per real page (untranslated aliases are left out: their canonical is the
    English page), each listing its translations as xhtml:link alternates and x-default."""
    root_url = site.root_url
    # Values rather than page objects, and the pages under the site's home pages rather than
    # a list of ids in the query: a big site has tens of thousands of pages.
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    in_site = Q()
    for path in homes.values_list("path", flat=True):
        in_site |= Q(path__startswith=path)
    pages = {
        pk: (translation_key, last_published_at)
        for pk, translation_key, last_published_at in Page.objects.filter(
            in_site, alias_of__isnull=True
        ).values_list("pk", "translation_key", "last_published_at")
    }
    # A sub-page of a routable page ("3-k/") pairs with the same sub-page of its translations.
    own_url = {}
    for output in outputs:
        known = own_url.get(output.page_id)
        if known is None or len(output.url) < len(known):
            own_url[output.page_id] = output.url
    by_key = defaultdict(dict)
    for output in outputs:
        page = pages.get(output.page_id)
        if page is not None and output.url.endswith("/"):
            subpath = output.url[len(own_url[output.page_id]) :]
            by_key[(page[0], subpath)][output.language_code] = (output.url, page[1])

    entries = []
    for translations in by_key.values():
        alternates = [(code, url) for code, (url, _date) in sorted(translations.items())]
        if settings.LANGUAGE_CODE in translations:
            alternates.append(("x-default", translations[settings.LANGUAGE_CODE][0]))
        # The same links in each translation's entry: written once. Addresses are escaped alike
        # in text and in (double-quoted) attributes: a rebuild's check finds its entries as text.
        links = ""
        if len(alternates) > 1:
            links = "".join(
                f'    <xhtml:link rel="alternate" hreflang="{escape(code)}" '
                f'href="{escape(root_url + url)}"/>\n'
                for code, url in alternates
            )
        for url, last_published_at in translations.values():
            entries.append((url, last_published_at, links))
    entries.sort(key=lambda entry: entry[0])
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url, last_published_at, links in entries:
        lastmod = ""
        if last_published_at:
            lastmod = f"    <lastmod>{last_published_at.date().isoformat()}</lastmod>\n"
        parts.append(
            f"  <url>\n    <loc>{escape(root_url + url)}</loc>\n{lastmod}{links}  </url>\n"
        )
    parts.append("</urlset>\n")
    return "".join(parts).encode()


def robots_txt(site):
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.root_url}/sitemap.xml\n".encode()
