"""The addresses of the city's current Growing Up NYC and Generation NYC sites, kept working:
links already texted, printed on flyers and indexed by search engines land on the page that
took their place. Each site app says which of its pages an old address meant, in a
`city_addresses.py` with an `addresses()` of OldAddress; this module writes them as Wagtail
redirects (which the live site follows and the static build writes as `_redirects` and HTML
fallbacks), in every language the page has, under the same language prefixes as the city's."""

from importlib import import_module
from importlib.util import find_spec
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect

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
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.city_addresses"
        if app_config.name != "cms.core" and find_spec(module_name):
            for old in import_module(module_name).addresses():
                yield from in_every_language(*old)


def write_redirects(report=lambda message: None):
    """A permanent redirect for every old address that has none: an address editors already
    redirected keeps their redirect. Safe to run again; run it when content is added, so new
    pages get their old addresses too. Returns (created, kept)."""
    created = kept = 0
    with transaction.atomic():
        for host, path, page in city_addresses():
            site = find_site(host)
            if site is None:
                continue
            old_path = Redirect.normalise_path(path)
            if Redirect.objects.filter(site=site, old_path=old_path).exists():
                kept += 1
                continue
            Redirect.objects.create(
                site=site, old_path=old_path, redirect_page=page, is_permanent=True
            )
            created += 1
    if created:
        report(f"Redirects from the city's current addresses: {created} added")
    return created, kept
