"""A plain static file server for the built sites, for trying the output locally: it picks the
site folder by the Host header, as a CDN would by domain, and answers a missing address with
the 404 page of its language, with the headers the build's `_headers` file gives (the
Content-Security-Policy among them). No Django is involved in answering."""

import functools
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cms.publishing.headers import HEADERS_FILE, cache_control, headers_for, read_headers_file

# Until the worker's first build of a site is done.
NOT_BUILT_YET = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" '
    'content="10"><title>Being built</title><p>This static copy is being built. This page '
    "reloads every 10 seconds until it is ready.</p></html>"
)
# That page loads nothing at all.
NOT_BUILT_YET_POLICY = "default-src 'none'; frame-ancestors 'none'"


class SiteRequestHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, sites, **kwargs):
        self.sites = sites
        super().__init__(*args, **kwargs)

    def _site_dir(self):
        hostname = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return self.sites.get(hostname)

    def translate_path(self, path):
        self.directory = str(self._site_dir() or "/nonexistent")
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        site_dir = self._site_dir()
        if site_dir is not None and not site_dir.is_dir():
            return self._send_page(
                HTTPStatus.SERVICE_UNAVAILABLE,
                NOT_BUILT_YET.encode(),
                {"Retry-After": "10", "Content-Security-Policy": NOT_BUILT_YET_POLICY},
            )
        if code != HTTPStatus.NOT_FOUND or site_dir is None:
            return super().send_error(code, message, explain)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = site_dir / first / "404.html"
        if not first or not page.is_file():
            page = site_dir / "404.html"
        self._send_page(code, page.read_bytes() if page.is_file() else b"Not found")

    def _send_page(self, code, body, headers=None):
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        site_dir = self._site_dir()
        if site_dir is not None:
            rules = _headers_rules(site_dir / HEADERS_FILE)
            path = self.path.split("?", 1)[0]
            # What a static host sends for a file `_headers` gives no Cache-Control.
            headers = {"Cache-Control": cache_control(path), **headers_for(rules, path)}
            for name, value in headers.items():
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass  # quiet: the live server beside it already logs to the terminal


def make_server(sites, port, address="127.0.0.1"):
    """sites: {hostname: site folder}. Returns a server; call serve_forever()."""
    handler = functools.partial(
        SiteRequestHandler, sites={host: Path(folder) for host, folder in sites.items()}
    )
    return ThreadingHTTPServer((address, port), handler)


def _headers_rules(path):
    """The rules of a site's `_headers`, read again only when a build replaced the file."""
    try:
        changed = path.stat().st_mtime_ns
    except FileNotFoundError:
        return []
    return _read_rules(path, changed)


@functools.lru_cache(maxsize=8)
def _read_rules(path, changed):
    return read_headers_file(path)
