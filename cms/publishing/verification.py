"""Checks a build must pass before it replaces the live output: every internal link and every
hreflang alternate leads to a file of the build, and no page is heavier than the budget."""

import gzip
import posixpath
import re
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from django.conf import settings

from cms.publishing.outputs import url_to_path

# HTML + CSS + JS of one page, gzipped; images are not counted.
PAGE_WEIGHT_BUDGET = 100 * 1024

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@dataclass
class PageLinks:
    links: list = field(default_factory=list)
    alternates: list = field(default_factory=list)
    stylesheets: list = field(default_factory=list)
    scripts: list = field(default_factory=list)


# A regular expression rather than an HTML parser: the build reads thousands of pages, and the
# pages come from our own templates (quoted attributes, no markup inside attribute values).
_TAG = re.compile(r"<(a|link|script|img|source|iframe|form|area|video|audio)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def parse_links(html):
    found = PageLinks()
    for match in _TAG.finditer(html):
        tag = match[1].lower()
        attrs = {
            name.lower(): unescape(double or single or bare)
            for name, double, single, bare in _ATTRIBUTE.findall(match[2])
        }
        rel = attrs.get("rel", "").split()
        if tag == "link" and "alternate" in rel and attrs.get("hreflang"):
            found.alternates.append((attrs["hreflang"], attrs.get("href", "")))
            continue
        if tag == "link" and "stylesheet" in rel and attrs.get("href"):
            found.stylesheets.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            found.scripts.append(attrs["src"])
        for name in ("href", "src", "action"):
            if attrs.get(name):
                found.links.append(attrs[name])
        for candidate in attrs.get("srcset", "").split(","):
            if candidate.strip():
                found.links.append(candidate.split()[0])
    return found


class SiteFiles:
    """Answers whether a URL of the site resolves to a file of the build."""

    def __init__(self, root_url, files, language_codes=None):
        self.root = urlsplit(root_url)
        self.files = files
        # A build of only some languages cannot check links into the others.
        self.language_codes = language_codes

    def local_path(self, url, base="/"):
        """The site path of an internal URL, or None for an external one."""
        parts = urlsplit(url)
        if parts.scheme in ("mailto", "tel", "sms", "data", "javascript"):
            return None
        if parts.scheme or parts.netloc:
            if (parts.scheme, parts.netloc) != (self.root.scheme, self.root.netloc):
                return None
            return parts.path or "/"
        if not parts.path:
            return None  # "#fragment" or "?query" on the same page
        if parts.path.startswith("/"):
            return parts.path
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))

    def resolves(self, path):
        relative = unquote(path).lstrip("/")
        if self.language_codes and path_language(relative) not in self.language_codes:
            return True
        if relative in self.files:
            return True
        return url_to_path(relative.rstrip("/") + "/") in self.files


def path_language(relative_path):
    first = relative_path.split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else settings.LANGUAGE_CODE


def verify(site_files, pages, read):
    """Problems of a build, as readable lines. `pages` maps URL to output path of every HTML
    page; `read(path)` gives a file of the build."""
    problems = []
    sizes = {}

    def gzipped_size(path):
        if path not in sizes:
            sizes[path] = len(gzip.compress(read(path), mtime=0))
        return sizes[path]

    for url, path in sorted(pages.items()):
        found = parse_links(read(path).decode())
        for link in found.links:
            target = site_files.local_path(link, url)
            if target is not None and not site_files.resolves(target):
                problems.append(f"{url}: broken link to {link}")
        for code, href in found.alternates:
            target = site_files.local_path(href, url)
            if target is None or not site_files.resolves(target):
                problems.append(f"{url}: hreflang {code} points at a missing page {href}")
        weight = gzipped_size(path)
        for asset in found.stylesheets + found.scripts:
            target = site_files.local_path(asset, url)
            if target is not None and site_files.resolves(target):
                weight += gzipped_size(unquote(target).lstrip("/"))
        if weight > PAGE_WEIGHT_BUDGET:
            problems.append(
                f"{url}: weighs {weight / 1024:.0f} KB gzipped (HTML, CSS and JS), "
                f"over the {PAGE_WEIGHT_BUDGET // 1024} KB budget"
            )
    return problems


def verify_sitemap(site_files, content, urls=None):
    """Problems of the sitemap: addresses that are not pages of the build. With `urls` (what an
    incremental rebuild rendered), only the entries that name one of them are read."""
    if urls is not None:
        content = _entries_naming(content.decode(), site_files.root.geturl(), urls)
    problems = []
    tree = ElementTree.fromstring(content)
    for entry in tree.findall("sm:url", SITEMAP_NS):
        loc = entry.findtext("sm:loc", namespaces=SITEMAP_NS)
        hrefs = [loc] + [link.get("href") for link in entry.findall("xhtml:link", SITEMAP_NS)]
        for href in hrefs:
            target = site_files.local_path(href)
            if target is None or not site_files.resolves(target):
                problems.append(f"sitemap.xml: {href} is not a page of the site")
    return problems


def _entries_naming(sitemap, root_url, urls):
    """A sitemap of the entries of `sitemap` whose address or alternates are one of `urls`.
    Found as text (addresses are written escaped, between > and < or in double quotes): a
    rebuild need not parse the sitemap of a whole site."""
    spans = set()
    for url in urls:
        address = escape(root_url + url)
        for needle in (f">{address}<", f'"{address}"'):
            at = sitemap.find(needle)
            while at != -1:
                start = sitemap.rfind("<url>", 0, at)
                end = sitemap.find("</url>", at)
                if start != -1 and end != -1:
                    spans.add((start, end + len("</url>")))
                at = sitemap.find(needle, at + len(needle))
    entries = "".join(sitemap[start:end] for start, end in sorted(spans))
    namespaces = f'xmlns="{SITEMAP_NS["sm"]}" xmlns:xhtml="{SITEMAP_NS["xhtml"]}"'
    return f"<urlset {namespaces}>{entries}</urlset>"
