"""Render one public URL of a site through Django and Wagtail's normal serving path (what an
editor previews is what ships), and note which database objects the render read.

The notes are what incremental rebuilds run on: an output that read a page, a program or an
event has to be rendered again when that object changes."""

import traceback
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import get_resolver
from django.utils import translation

from cms.core import build_cache
from cms.core.chrome import part_being_rendered

# Objects every page reads for its chrome and that never change what a page shows; and an
# image's renditions, which follow from the image (recorded) and are cached once read: which
# renders read them from the database depends on what the process rendered before, and a
# build's record must not depend on which worker rendered what.
_IGNORED_MODELS = {
    "wagtailcore.locale",
    "wagtailcore.site",
    "wagtailcore.revision",
    "wagtailimages.rendition",
}


def keeping_language():
    """A block after which the active language is the one before it, whatever the block
    activated and whether or not it raised. A render goes through LocaleMiddleware, which
    activates the page's language in this thread: without this, an editor's request that
    rebuilt the static copy (the immediate task backend) would answer in the last language
    rendered, and so would whatever a worker did next."""
    return translation.override(translation.get_language())


@dataclass
class Rendered:
    """One rendered URL: its body, and the objects the render read. `error` holds why it
    could not be rendered (an exception raised by a template, or an unexpected status)."""

    url: str
    content: bytes = b""
    content_type: str = ""
    dependencies: set = field(default_factory=set)
    error: str = ""
    # {part of the page chrome: the objects it read} (cms.publishing.chrome)
    chrome_dependencies: dict = field(default_factory=dict)


class Recorder:
    """Collects (model label, pk) of every model instance created while it is active, and of
    those a value served from the build's caches was made from (cms.core.build_cache): in
    `seen`, and in `chrome` {part name: set} those a part of the chrome read."""

    def __enter__(self):
        self._reads = build_cache.reads(_Reads())
        self._seen = self._reads.__enter__()
        return self

    def __exit__(self, *exc):
        self._reads.__exit__(*exc)
        self.seen = _relevant(self._seen.page)
        self.chrome = {part: _relevant(seen) for part, seen in self._seen.chrome.items()}


class _Reads:
    """What one render read: the page's own reads, and apart from them each part of the chrome's
    (the banners, the menu), whose changes are spliced into every page instead of rendering the
    pages again (cms.publishing.chrome)."""

    def __init__(self):
        self.page = set()
        self.chrome = {}

    def _of_part(self):
        part = part_being_rendered()
        return self.page if part is None else self.chrome.setdefault(part, set())

    def add(self, item):
        self._of_part().add(item)

    def update(self, items):
        self._of_part().update(items)

    def __iter__(self):
        yield from self.page
        for seen in self.chrome.values():
            yield from seen


def _relevant(seen):
    return {item for item in seen if item[0] not in _IGNORED_MODELS}


class SiteRenderer:
    """Renders URLs of one Wagtail Site as a visitor's browser would ask for them."""

    def __init__(self, site):
        self.site = site
        self.client = Client()
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        # X-Static-Build lets a view leave out what only the live server answers (the search
        # page's API address when SEARCH_API_URL is not set).
        self.headers = {
            "HTTP_HOST": host,
            "SERVER_PORT": str(site.port),
            "HTTP_X_STATIC_BUILD": "1",
        }

    def render(self, url):
        rendered = Rendered(url)
        with Recorder() as recorder, keeping_language():
            try:
                response = self.client.get(url, **self.headers)
            except Exception as error:  # a template or view raised: report it, keep going
                rendered.error = _describe(error)
                response = None
        rendered.dependencies = recorder.seen
        rendered.chrome_dependencies = recorder.chrome
        if response is None:
            return rendered
        if response.status_code != 200:
            rendered.error = f"status {response.status_code}"
            return rendered
        rendered.content = (
            b"".join(response.streaming_content) if response.streaming else response.content
        )
        rendered.content_type = response.get("Content-Type", "")
        return rendered

    def render_not_found(self, language_code):
        """The site's 404 page in one language. Called directly rather than through the test
        client, because with DEBUG on Django would answer with its technical 404 page."""
        prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
        url = f"{prefix}/404.html"
        rendered = Rendered(url)
        request = RequestFactory().get(url, **self.headers)
        request.LANGUAGE_CODE = language_code
        handler = get_resolver().resolve_error_handler(404)
        with Recorder() as recorder, translation.override(language_code):
            try:
                response = handler(request, exception=None)
                rendered.content = response.content
                rendered.content_type = response.get("Content-Type", "")
            except Exception as error:
                rendered.error = _describe(error)
        rendered.dependencies = recorder.seen
        rendered.chrome_dependencies = recorder.chrome
        return rendered


def _describe(error):
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"raised {type(error).__name__}: {error}{where}"
