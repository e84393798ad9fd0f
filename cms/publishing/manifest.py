"""A build's manifest, `build-manifest.json` in the build's folder: every file of the build with
its content hash, every output (a URL and what its rendering read, for incremental rebuilds),
and the pages in the search index as they were when indexed. An incremental rebuild, a
rebuild of the search index and a deploy start from the live build's manifest.

On disk it is compact JSON, its keys sorted, so that two builds of the same content write the
same bytes: {"site", "root_url", "database", "languages", "outputs": [{10 keys} sorted by
URL], "files": {path: hash}, "search_index": {address: [language, hash, id]}, "chrome": {part:
{"pages": [id], "objects": [[label, pk]]}}} (what each part of the page chrome read in any
page, see cms.publishing.chrome; a manifest written before had none). Builds already
on disk are read by the code that follows them: change the format only with a reader of the
old one."""

import gc
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from cms.publishing.folders import live_dir
from cms.publishing.outputs import PageOutput

MANIFEST = "build-manifest.json"


@dataclass(slots=True)
class ManifestEntry:
    """One output of a build: a URL, the file it is written to, and what its rendering read.
    `kind` is "page", "not_found" (a language's 404 page), "search" (a language's search
    page), "search_words" (its words for "did you mean", written with the search index) or
    "redirect" (the HTML fallback of a redirect)."""

    url: str
    path: str
    hash: str
    kind: str
    page_id: int | None
    language: str
    pages: list = field(default_factory=list)  # ids of the pages it read
    objects: list = field(default_factory=list)  # (model label, pk) of other objects it read
    types: list = field(default_factory=list)  # model labels of types whose change it shows
    assets: list = field(default_factory=list)  # paths of the static files it refers to

    def as_page_output(self):
        return PageOutput(self.url, self.page_id, self.language)

    def to_json(self):
        return {
            "url": self.url,
            "path": self.path,
            "hash": self.hash,
            "kind": self.kind,
            "page": self.page_id,
            "language": self.language,
            "pages": self.pages,
            "objects": [list(item) for item in self.objects],
            "types": self.types,
            "assets": self.assets,
        }

    @classmethod
    def from_json(cls, data):
        return cls(
            data["url"],
            data["path"],
            data["hash"],
            data["kind"],
            data["page"],
            data["language"],
            data["pages"],
            [tuple(item) for item in data["objects"]],
            data["types"],
            data["assets"],
        )


@dataclass(slots=True)
class IndexedPage:
    """A page as the main search index holds it: its language, the hash of its file when it
    was indexed, and its id in the index (None when Pagefind left it out)."""

    language: str
    hash: str
    fragment_id: str | None


@dataclass
class ChromeRecord:
    """What a part of the page chrome read, in any page of the build: page ids, and (model
    label, pk) of other objects."""

    pages: set = field(default_factory=set)
    objects: set = field(default_factory=set)

    def to_json(self):
        return {
            "pages": sorted(self.pages),
            "objects": [list(item) for item in sorted(self.objects)],
        }

    @classmethod
    def from_json(cls, data):
        return cls(set(data["pages"]), {tuple(item) for item in data["objects"]})


@dataclass
class Manifest:
    """What a build holds. `outputs` and `search_index` are keyed by address, `files` by path
    in the build; `languages` lists the languages of a build of only some of them (None: all)."""

    site_key: str
    root_url: str
    database: str | None
    languages: list | None = None
    outputs: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    search_index: dict = field(default_factory=dict)
    chrome: dict = field(default_factory=dict)

    def from_this_database(self):
        """Whether the build came from the database this process uses: incremental rebuilds
        only touch builds of their own database (never a developer's dist/ from a test)."""
        return self.database == database_identity()

    def to_json(self):
        data = {
            "site": self.site_key,
            "root_url": self.root_url,
            "database": self.database,
            "languages": self.languages,
            "outputs": [self.outputs[url].to_json() for url in sorted(self.outputs)],
            "files": dict(sorted(self.files.items())),
            "search_index": {
                url: [indexed.language, indexed.hash, indexed.fragment_id]
                for url, indexed in sorted(self.search_index.items())
            },
        }
        if self.chrome:  # a build that recorded none keeps the format of the builds before
            data["chrome"] = {
                name: record.to_json() for name, record in sorted(self.chrome.items())
            }
        return data

    @classmethod
    def from_json(cls, data):
        outputs = (ManifestEntry.from_json(output) for output in data["outputs"])
        return cls(
            data.get("site"),
            data.get("root_url"),
            data.get("database"),
            data.get("languages"),
            {output.url: output for output in outputs},
            dict(data["files"]),
            {url: IndexedPage(*indexed) for url, indexed in data.get("search_index", {}).items()},
            {
                name: ChromeRecord.from_json(record)
                for name, record in data.get("chrome", {}).items()
            },
        )

    def save(self, build_dir):
        """Write the manifest into the build's folder."""
        # Compact: with indent, json uses its pure-Python encoder, ten times slower on a big site.
        text = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        (Path(build_dir) / MANIFEST).write_text(text + "\n")

    @classmethod
    def load(cls, build_dir):
        """The manifest of the build in `build_dir`. Raises OSError when there is none and
        ValueError or KeyError when it cannot be read."""
        # A manifest decodes into hundreds of thousands of small objects; each batch of them
        # would set off a garbage collection walking every object of the process (three
        # quarters of the time, in a Django process). None of them forms a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls.from_json(json.loads((Path(build_dir) / MANIFEST).read_bytes()))
        finally:
            if collecting:
                gc.enable()


def live_manifest_path(output_root, site_key):
    """Where the manifest of a site's live build is: a file there means the site has one."""
    return live_dir(output_root, site_key) / MANIFEST


def load_manifest(output_root, site_key):
    """The manifest of a site's live build, or None when it has none."""
    if not live_manifest_path(output_root, site_key).is_file():
        return None
    return Manifest.load(live_dir(output_root, site_key))


def database_identity():
    """Which database a build came from: its vendor and name."""
    return f"{connection.vendor}:{connection.settings_dict['NAME']}"
