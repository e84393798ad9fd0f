"""Wagtail's redirects for a static host: a `_redirects` file (the format Netlify and Cloudflare
Pages read) and, for hosts that read no such file, an HTML page at each old address that sends
the browser on."""

from django.conf import settings
from django.template.loader import render_to_string
from wagtail.contrib.redirects.models import Redirect

from cms.publishing.outputs import url_to_path


def site_redirects(site):
    """(old path, target URL, status) for every redirect of a site, sorted by old path."""
    redirects = []
    for redirect in Redirect.get_for_site(site).select_related("redirect_page"):
        target = redirect.link
        if target and target.startswith(site.root_url + "/"):
            target = target.removeprefix(site.root_url)
        if target:
            status = 301 if redirect.is_permanent else 302
            redirects.append((redirect.old_path, target, status))
    return sorted(redirects)


def redirects_file(redirects, language_codes):
    """The `_redirects` rules, then each language's own 404 page for its missing addresses."""
    lines = [f"{old} {target} {status}" for old, target, status in redirects]
    for code in language_codes:
        if code != settings.LANGUAGE_CODE:
            lines.append(f"/{code}/* /{code}/404.html 404")
    return ("\n".join(lines) + "\n").encode()


def fallback_pages(redirects, taken_paths):
    """{output path: HTML} for each redirect whose old address is not a page of the build."""
    pages = {}
    for old, target, _status in redirects:
        if "?" in old:
            continue  # a static file cannot answer to a query string
        path = url_to_path(old.rstrip("/") + "/")
        if path not in taken_paths:
            pages[path] = render_to_string("publishing/redirect.html", {"target": target}).encode()
    return pages
