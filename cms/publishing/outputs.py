"""What a site's static build is made of: every URL of every live, public page of the site in
every language, including the extra paths a page declares with `static_site_paths()`."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class PageOutput:
    """One URL a page serves, and the file it is written to."""

    url: str
    page_id: int
    language_code: str

    @property
    def path(self):
        return url_to_path(self.url)


def url_to_path(url):
    """/es/about/ -> es/about/index.html; /events/feed.ics -> events/feed.ics."""
    relative = url.lstrip("/")
    if not relative or relative.endswith("/"):
        return f"{relative}index.html"
    return relative


def page_paths(page):
    """The paths a page serves relative to its own URL: "" for itself, plus whatever it
    declares (routable sub-pages, feeds, JSON for client-side filtering)."""
    declare = getattr(page, "static_site_paths", None)
    paths = list(declare()) if declare is not None else [""]
    return sorted(set(paths))


def page_urls(page, site):
    """Every URL a page serves on a site, or [] when it is not routable there."""
    parts = page.get_url_parts()
    if parts is None or parts[0] != site.pk or parts[2] is None:
        return []
    base = parts[2]
    return [base + path for path in page_paths(page)]


def site_locales(language_codes=None):
    locales = Locale.objects.all()
    if language_codes:
        locales = locales.filter(language_code__in=language_codes)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def site_pages(site, locale):
    """Live, public pages of a site in one language, in tree order."""
    root = site.root_page.get_translation_or_none(locale)
    if root is None or not root.live:
        return Page.objects.none()
    return root.get_descendants(inclusive=True).live().public().specific().order_by("path")


def page_outputs(site, pages):
    outputs = []
    for page in pages:
        code = page.locale.language_code
        outputs.extend(PageOutput(url, page.pk, code) for url in page_urls(page, site))
    return outputs


def site_outputs(site, language_codes=None):
    """Every page output of a site (optionally only some languages)."""
    outputs = []
    for locale in site_locales(language_codes):
        outputs.extend(page_outputs(site, site_pages(site, locale).select_related("locale")))
    return outputs
