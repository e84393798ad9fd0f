"""The addresses of the city's current Growing Up NYC and Generation NYC sites, kept working:
links already texted, printed on flyers and indexed by search engines land on the page that
took their place. Each site app says which of its pages an old address meant, in a
`city_addresses.py` with an `addresses()` of OldAddress; this module writes them as Wagtail
redirects (which the live site follows and the static build writes as `_redirects` and HTML
fallbacks), in every language the page has, under the same language prefixes as the city's."""

from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.utils.apps import get_app_submodules

from cms.core.sites import find_site


class OldAddress(NamedTuple):
    """An address of the city's site (`host`: the key of the site it was on, its English path)
    and the English page now in its place."""

    host: str
    path: str
    page: object


def in_every_language(host, path, page):
    """The address in each language the page is live in (its translations and untranslated
    copies): /es/age/toddler/ for the Spanish guide."""
    for version in page.get_translations(inclusive=True).live().select_related("locale"):
        code = version.locale.language_code
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        yield OldAddress(host, prefix + path, version)


def city_addresses():
    """Every old address, in every language, from each app's city_addresses module."""
    for app_name, module in get_app_submodules("city_addresses"):
        if app_name != "cms.core":  # this module
            for old in module.addresses():
                yield from in_every_language(*old)


def write_redirects(report=lambda message: None):
    """A permanent redirect for every old address that has none: an address editors already
    redirected keeps their redirect. Safe to run again; run it when content is added, so new
    pages get their old addresses too. Returns (created, kept)."""
    created = kept = 0
    sites, taken = {}, {}  # by host: its Site, and the old paths it already redirects
    with transaction.atomic():
        for host, path, page in city_addresses():
            if host not in sites:
                sites[host] = find_site(host)
                taken[host] = set(
                    Redirect.objects.filter(site=sites[host]).values_list("old_path", flat=True)
                )
            if sites[host] is None:
                continue
            old_path = Redirect.normalise_path(path)
            if old_path in taken[host]:
                kept += 1
                continue
            Redirect.objects.create(
                site=sites[host], old_path=old_path, redirect_page=page, is_permanent=True
            )
            taken[host].add(old_path)
            created += 1
    if created:
        report(f"Redirects from the city's current addresses: {created} added")
    return created, kept
