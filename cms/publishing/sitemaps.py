"""sitemap.xml (with hreflang alternates between a page's translations) and robots.txt for one
site. Wagtail's own sitemap lists only the English tree, so the build writes its own."""

from collections import defaultdict
from xml.sax.saxutils import quoteattr

from django.conf import settings
from django.utils.html import escape
from wagtail.models import Page


def sitemap_xml(site, outputs):
    """One <url> per real page (untranslated aliases are left out: their canonical is the
    English page), each listing its translations as xhtml:link alternates and x-default."""
    page_ids = {output.page_id for output in outputs}
    # Values, not page objects: a big site has tens of thousands of pages.
    pages = {
        pk: (translation_key, last_published_at)
        for pk, translation_key, last_published_at in Page.objects.filter(
            pk__in=page_ids, alias_of__isnull=True
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

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    entries = []
    for translations in by_key.values():
        alternates = [
            (code, site.root_url + url) for code, (url, _date) in sorted(translations.items())
        ]
        if settings.LANGUAGE_CODE in translations:
            alternates.append(
                ("x-default", site.root_url + translations[settings.LANGUAGE_CODE][0])
            )
        for url, last_published_at in translations.values():
            entries.append((url, last_published_at, alternates))
    for url, last_published_at, alternates in sorted(entries, key=lambda entry: entry[0]):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(site.root_url + url)}</loc>")
        if last_published_at:
            lines.append(f"    <lastmod>{last_published_at.date().isoformat()}</lastmod>")
        if len(alternates) > 1:
            for code, href in alternates:
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} '
                    f"href={quoteattr(href)}/>"
                )
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode()


def robots_txt(site):
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.root_url}/sitemap.xml\n".encode()
