"""Static files and images in the output under names that carry a hash of their content, so
a CDN can cache them for a year and a changed file always gets a new address.

Only the files the pages refer to are copied (not the whole admin's static files). Stylesheets
are rewritten too, so that what they load by url() is hashed the same way."""

import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders

# /static/... and /media/... inside attributes, srcset lists and CSS url(...).
_PREFIXES = "|".join(re.escape(url) for url in (settings.STATIC_URL, settings.MEDIA_URL))
_REFERENCE = re.compile(rf"(?P<prefix>{_PREFIXES})(?P<path>[^\"'()\s,?#<>]+)")
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]+)(?P=quote)\s*\)""")


def content_hash(content):
    return hashlib.sha256(content).hexdigest()


def hashed_name(path, content):
    stem, dot, extension = path.rpartition(".")
    if not dot or "/" in extension:
        return f"{path}.{content_hash(content)[:12]}"
    return f"{stem}.{content_hash(content)[:12]}.{extension}"


class MissingAsset(LookupError):
    pass


class AssetHasher:
    """Finds each referenced file, writes it under its hashed name (through `write`), and
    remembers the mapping for the rest of the build."""

    def __init__(self, write):
        self.write = write
        self.urls = {}
        # Output paths of each asset and of what it loads in turn (a stylesheet's fonts).
        self.paths = {}

    def rewrite(self, text):
        """Rewrite every asset reference in a page (or stylesheet). Returns the new text and
        the output paths of the assets it uses. Raises MissingAsset."""
        used = set()

        def replace(match):
            key = match["prefix"] + match["path"]
            url = self.url_for(match["prefix"], match["path"])
            used.update(self.paths[key])
            return url

        return _REFERENCE.sub(replace, text), used

    def url_for(self, prefix, path):
        key = prefix + path
        if key not in self.urls:
            content = self._read(prefix, unquote(path))
            nested = set()
            if path.endswith(".css"):
                content, nested = self._rewrite_stylesheet(prefix, path, content)
            name = hashed_name(path, content)
            output_path = f"{prefix.strip('/')}/{name}"
            self.write(output_path, content)
            self.urls[key] = prefix + name
            self.paths[key] = nested | {output_path}
        return self.urls[key]

    def _read(self, prefix, path):
        if prefix == settings.STATIC_URL:
            found = finders.find(path)
        else:
            candidate = Path(settings.MEDIA_ROOT) / path
            found = candidate if candidate.is_file() else None
        if not found:
            raise MissingAsset(prefix + path)
        return Path(found).read_bytes()

    def _rewrite_stylesheet(self, prefix, path, content):
        def absolute(match):
            url = match["url"]
            if url.startswith(("data:", "http:", "https:", "//", "#")):
                return match[0]
            if not url.startswith("/"):
                url = prefix + posixpath.normpath(posixpath.join(posixpath.dirname(path), url))
            return f"url({match['quote']}{url}{match['quote']})"

        text, used = self.rewrite(_CSS_URL.sub(absolute, content.decode()))
        return text.encode(), used
