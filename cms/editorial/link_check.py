"""Find the external links of live pages and programs and ask each address whether it still
answers.

Many requests at once, but never more than `workers`, each with a timeout, so one slow site
cannot hold up the check. Results are kept in ExternalLink for the content health report."""

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests
from django.db import models, transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.core import http
from cms.core.sites import all_sites
from cms.editorial.models import ExternalLink
from cms.programs.models import Program

URL = re.compile(r"https?://[^\s\"'<>\\]+")
USER_AGENT = "NYC family and youth sites link checker"


def is_external(url):
    host = (urlsplit(url).hostname or "").lower()
    own = {site.hostname.lower() for site in all_sites()}
    return bool(host) and host not in own and not host.endswith(".localhost")


def page_links(instance):
    """The external addresses in a page's or program's links, text, rich text and blocks."""
    found = set()
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.URLField | models.TextField | StreamField):
            text = field.value_to_string(instance)
            found.update(url.rstrip(".,;)") for url in URL.findall(text or ""))
    return {url for url in found if is_external(url)}


def collect_links():
    """{url: ({page ids}, {program ids})} over every live page and program, in every language."""
    links = {}
    for page in Page.objects.live().filter(alias_of__isnull=True).specific():
        for url in page_links(page):
            links.setdefault(url, (set(), set()))[0].add(page.pk)
    for program in Program.objects.live():
        for url in page_links(program):
            links.setdefault(url, (set(), set()))[1].add(program.pk)
    return links


def check_url(session, url, timeout):
    """(status code or None, error text). Some servers refuse HEAD, so those get a GET."""
    try:
        response = session.head(url, allow_redirects=True, timeout=timeout)
        if response.status_code in {403, 405, 501}:
            response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
            response.close()
    except requests.RequestException as error:
        return None, type(error).__name__
    return response.status_code, ""


def check_external_links(workers=8, timeout=10):
    """Check every external link of the live pages and programs; returns how many were checked
    and broken."""
    links = collect_links()
    with transaction.atomic():
        ExternalLink.objects.exclude(url__in=links).delete()
        for url, (page_ids, program_ids) in links.items():
            link, _ = ExternalLink.objects.get_or_create(url=url)
            link.pages.set(page_ids)
            link.programs.set(program_ids)
    session = http.session(
        user_agent=USER_AGENT,
        retries=1,
        backoff=0.2,
        status_forcelist=(502, 503, 504),
        timeout=timeout,
    )
    urls = sorted(links)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda url: check_url(session, url, timeout), urls))
    now = timezone.now()
    broken = 0
    for url, (status_code, error) in zip(urls, results, strict=True):
        is_broken = status_code is None or status_code >= 400
        broken += is_broken
        ExternalLink.objects.filter(url=url).update(
            status_code=status_code, error=error, is_broken=is_broken, checked_at=now
        )
    return {"checked": len(urls), "broken": broken}
