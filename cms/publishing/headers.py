"""The static copy's HTTP headers. A static host sends no Content-Security-Policy of its own, so
the build writes the public policy twice: into every HTML page, as a <meta> element (browsers
ignore frame-ancestors there), and whole into `_headers`, the file Netlify and Cloudflare Pages
read, as a CDN configured from it would send. The local static server applies `_headers` too."""

import re
from html import escape

from django.conf import settings

from cms.security import public_policy

HEADERS_FILE = "_headers"
# Every file under these is named by its content's hash (cms.publishing.assets): a browser may
# keep it for a year. Anything else (pages, feeds, sitemaps, the search index's entry points)
# is asked for again on each visit, which costs a 304 when nothing changed, so that a publish,
# or an alert banner, shows on the reader's next visit rather than whenever a guessed lifetime
# ends. Netlify and Cloudflare Pages do that for files `_headers` gives no Cache-Control.
HASHED_FOLDERS = ("/static/", "/media/")
KEEP_FOR_A_YEAR = "public, max-age=31536000, immutable"
ASK_AGAIN = "no-cache"
_CHARSET = re.compile(rb"<meta charset=[^>]*>|<head>", re.IGNORECASE)


def site_headers():
    """{name: value} the static copy sends with every file, as the live server would."""
    return {
        "Content-Security-Policy": public_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
    }


def cache_control(path):
    """The Cache-Control of a file of the static copy, by its address."""
    return KEEP_FOR_A_YEAR if path.startswith(HASHED_FOLDERS) else ASK_AGAIN


def headers_file():
    lines = ["/*", *(f"  {name}: {value}" for name, value in site_headers().items())]
    for folder in HASHED_FOLDERS:
        lines += [f"{folder}*", f"  Cache-Control: {KEEP_FOR_A_YEAR}"]
    return ("\n".join(lines) + "\n").encode()


def policy_meta():
    """The <meta> element that carries the public policy in a static page (as bytes)."""
    policy = escape(public_policy(meta=True), quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'.encode()


def with_policy_meta(html, meta):
    """The page (bytes) with the policy's `meta` element first in its head (after the charset,
    which must come within the first bytes), so that it covers every script and style after it."""
    match = _CHARSET.search(html)
    if match is None:
        return html
    return html[: match.end()] + b"\n  " + meta + html[match.end() :]


def read_headers_file(path):
    """[(address pattern, {name: value})] of a `_headers` file; [] when there is none."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return []
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, value = line.split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules, path):
    """The headers of every rule whose pattern matches `path` (a trailing * matches any rest)."""
    found = {}
    for pattern, headers in rules:
        if path == pattern or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            found.update(headers)
    return found
