"""Baking a site to static files.

A build writes into a folder of its own under `<output>/.builds/`, verifies it, writes its
manifest, then points the site's folder `<output>/<site key>` at it with an atomic symlink swap:
readers see the old output or the new one, never a mix. A build that fails is deleted and the
live output stays as it was, byte for byte. One build of a site runs at a time (a lock file in
`.builds/`): two at once would each miss the other's changes.

A build of part of a site (an incremental rebuild, some languages, the search index) starts
from the live build's files. Hard-linking the whole live tree into a new folder takes a folder
and a link per file: seconds on a site of ten thousand pages. So each site keeps a standby
tree: the build the live one replaced, and a note (`.builds/<site>.standby.json`) of the files
in which the two differ. A partial build takes the standby over (the note is deleted first),
links in the live build's versions of those few files, writes what it renders, and swaps in;
the build it replaced becomes the next standby. A first build, which replaces nothing, links
a copy of itself as the standby. A build that fails or dies leaves no note, and the next
partial build links the whole live tree again.

Hard links are safe because no file of a build is ever written in place: `write` writes a new
file and renames it over the old one, so a file shared with the live build never changes."""

import fcntl
import gc
import json
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from cms.publishing import redirects as site_redirects
from cms.publishing.assets import AssetHasher, MissingAsset, content_hash
from cms.publishing.headers import HEADERS_FILE, headers_file, policy_meta, with_policy_meta
from cms.publishing.outputs import (
    site_for_key,
    site_key_for,
    site_locales,
    site_outputs,
    url_to_path,
)
from cms.publishing.rendering import SiteRenderer
from cms.publishing.search_index import (
    ENTRY,
    RECENT_DIR,
    RECENT_NOTE,
    SEARCH_DIR,
    build_search_index,
    fragment_ids,
    merge_search_index,
    recent_search_index,
)
from cms.publishing.sitemaps import robots_txt, sitemap_xml
from cms.publishing.verification import SiteFiles, verify, verify_sitemap

MANIFEST = "build-manifest.json"
BUILDS_DIR = ".builds"
STANDBY_NOTE = ".standby.json"
ASSET_DIRS = (settings.STATIC_URL.strip("/") + "/", settings.MEDIA_URL.strip("/") + "/")
# What a build does to the search index besides True (index every language), False (leave it)
# and a list of languages (index those again): RECENT indexes only the pages changed since the
# index was built, in the recent-changes index; STALE indexes their languages again.
RECENT = "recent"
STALE = "stale"


class BuildFailed(Exception):
    def __init__(self, site_key, problems):
        self.site_key = site_key
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(
            f"The {site_key} build failed with {len(problems)} problem(s); "
            f"the live output was left as it was:\n{listing}"
        )


@dataclass
class BuildReport:
    """What a build did: URLs rendered, files written or removed (relative to the site)."""

    site_key: str
    output_dir: Path
    rendered: list = field(default_factory=list)
    written: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    seconds: float = 0.0

    def summary(self):
        return (
            f"{self.site_key}: {len(self.rendered)} URLs rendered, {len(self.written)} files "
            f"written, {len(self.removed)} removed in {self.seconds:.2f} s -> {self.output_dir}"
        )


def default_output_root():
    return Path(getattr(settings, "STATIC_BUILD_DIR", settings.BASE_DIR / "dist"))


def database_identity():
    """Which database a build came from: incremental rebuilds only touch builds of their own
    database (never a developer's dist/ from a test or benchmark database)."""
    return f"{connection.vendor}:{connection.settings_dict['NAME']}"


def live_dir(output_root, site_key):
    return Path(output_root) / site_key


def load_manifest(output_root, site_key):
    path = live_dir(output_root, site_key) / MANIFEST
    if not path.is_file():
        return None
    return _read_manifest(path)


def _read_manifest(path):
    # A manifest decodes into hundreds of thousands of small lists and dicts; each batch of them
    # would set off a garbage collection walking every object of the process (three quarters
    # of the time, in a Django process). None of them forms a cycle.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return json.loads(Path(path).read_bytes())
    finally:
        if collecting:
            gc.enable()


@contextmanager
def site_lock(output_root, site_key):
    """Held from reading a site's live build to swapping in the next one, so that builds of
    a site run one after the other."""
    builds = Path(output_root) / BUILDS_DIR
    builds.mkdir(parents=True, exist_ok=True)
    with open(builds / f"{site_key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


class SiteBuild:
    """One build of one site, in its own folder until `finish()` swaps it in."""

    def __init__(self, site, output_root, previous=None, language_codes=None, search_index=True):
        self.site = site
        self.site_key = site_key_for(site)
        self.output_root = Path(output_root)
        self.builds = self.output_root / BUILDS_DIR
        self.builds.mkdir(parents=True, exist_ok=True)
        self.standby_note = self.builds / f"{self.site_key}{STANDBY_NOTE}"
        self.previous = previous
        # The same for every page of the build: made once.
        self.policy_meta = policy_meta()
        # The languages of a build of only some of them (None: all): links into the others
        # cannot be checked. A build on top of the live one keeps its languages, and adds these.
        if previous is not None:
            built = previous.get("languages")
            language_codes = None if built is None else sorted({*built, *(language_codes or ())})
        self.language_codes = language_codes
        self.search_index = search_index
        # {address: [language, hash of the page's file, id in the index]} of the pages in the
        # main search index, as they were when indexed.
        self.search_pages = {}
        self.files = {}
        self.outputs = {}
        self.problems = []
        self.report = BuildReport(self.site_key, live_dir(self.output_root, self.site_key))
        self.started = time.perf_counter()
        if previous is None:
            self.dir = self._new_folder()
        else:
            self.files = dict(previous["files"])
            self.outputs = {output["url"]: output for output in previous["outputs"]}
            self.search_pages = dict(previous.get("search_index", {}))
            live = live_dir(self.output_root, self.site_key).resolve()
            self.dir = self._take_standby(live)
            if self.dir is None:
                self.dir = self._new_folder()
                _link_files(live, self.dir, self.files)
        self.renderer = SiteRenderer(site)
        self.assets = AssetHasher(self.write)

    def _new_folder(self):
        folder = Path(tempfile.mkdtemp(prefix=f"{self.site_key}-", dir=self.builds))
        folder.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        return folder

    def _take_standby(self, live):
        """The standby tree, brought up to the live build, or None when there is none to
        take. The note goes first: whatever becomes of this build, no other starts from it."""
        try:
            note = json.loads(self.standby_note.read_text())
            self.standby_note.unlink()
            name, based_on, differs = note["build"], note["live"], note["differs"]
        except (OSError, ValueError, KeyError):
            return None
        folder = self.builds / name
        if based_on != live.name or name == live.name or not folder.is_dir():
            return None  # a note from before another build was swapped in
        for path in differs:
            if path not in self.files:
                _remove_file(folder, path)
        for path in differs:
            if path in self.files:
                target = f"{folder}/{path}"
                try:
                    os.unlink(target)
                except FileNotFoundError:  # a file new to the live build, maybe in a new folder
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(f"{live}/{path}", target)
        return folder

    # Files

    def write(self, path, content):
        """Write a file unless it holds these bytes already."""
        digest = content_hash(content)
        if self.files.get(path) == digest:
            return
        target = self.dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        self.files[path] = digest
        self.report.written.append(path)

    def remove(self, path):
        if self.files.pop(path, None) is not None:
            _remove_file(self.dir, path)
            self.report.removed.append(path)

    def read(self, path):
        return (self.dir / path).read_bytes()

    # Outputs

    def render_page_outputs(self, page_outputs):
        for output in page_outputs:
            rendered = self.renderer.render(output.url)
            self._keep(rendered, output.path, "page", output.page_id, output.language_code)

    def render_not_found_pages(self, language_codes):
        for code in language_codes:
            rendered = self.renderer.render_not_found(code)
            self._keep(rendered, url_to_path(rendered.url), "not_found", None, code)

    def render_search_pages(self, language_codes):
        """Each language's search page: a shell that search.js fills from the live API, or from
        the Pagefind index when the static site has no API."""
        for code in language_codes:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            rendered = self.renderer.render(f"{prefix}/search/")
            self._keep(rendered, url_to_path(rendered.url), "search", None, code)

    def drop_output(self, url):
        output = self.outputs.pop(url, None)
        if output is not None:
            self.remove(output["path"])

    def _keep(self, rendered, path, kind, page_id, language_code):
        self.report.rendered.append(rendered.url)
        if rendered.error:
            self.problems.append(f"{rendered.url}: {rendered.error}")
            return
        content = rendered.content
        used_assets = set()
        if rendered.content_type.startswith("text/html"):
            try:
                text, used_assets = self.assets.rewrite(content.decode())
            except MissingAsset as missing:
                self.problems.append(f"{rendered.url}: refers to a missing file {missing}")
                return
            content = with_policy_meta(text.encode(), self.policy_meta)
        self.write(path, content)
        pages, objects, types = _split_dependencies(rendered.dependencies, page_id)
        self.outputs[rendered.url] = {
            "url": rendered.url,
            "path": path,
            "hash": self.files[path],
            "kind": kind,
            "page": page_id,
            "language": language_code,
            "pages": pages,
            "objects": objects,
            "types": types,
            "assets": sorted(used_assets),
        }

    # Finishing

    def finish(self, verify_urls=None, pages_changed=True):
        """Write what is derived from the pages (redirects, sitemap, search index), drop
        unused assets, verify, write the manifest and swap the build in. `verify_urls` limits
        the page checks to what an incremental rebuild rendered; `pages_changed=False` (a build
        of the search index alone) skips what derives from the pages and their checks. A build
        that fails here, for any reason, is deleted."""
        try:
            if pages_changed:
                self._write_site_files()
            if self.search_index:
                self._write_search_index()
            self._collect_unused_assets()
            if pages_changed:
                self._verify(verify_urls)
            if self.problems:
                raise BuildFailed(self.site_key, sorted(self.problems))
            self._write_manifest()
            self._swap()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        self.report.written.sort()
        self.report.removed.sort()
        self.report.seconds = time.perf_counter() - self.started
        return self.report

    def _page_outputs(self):
        return [output for output in self.outputs.values() if output["kind"] == "page"]

    def _write_site_files(self):
        redirects = site_redirects.site_redirects(self.site)
        languages = sorted({output["language"] for output in self.outputs.values()})
        self.write("_redirects", site_redirects.redirects_file(redirects, languages))
        self.write(HEADERS_FILE, headers_file())
        taken = {o["path"] for o in self.outputs.values() if o["kind"] != "redirect"}
        fallbacks = site_redirects.fallback_pages(redirects, taken)
        for output in [o for o in self.outputs.values() if o["kind"] == "redirect"]:
            if output["path"] not in fallbacks:
                self.drop_output(output["url"])
        for path, content in fallbacks.items():
            self.write(path, with_policy_meta(content, self.policy_meta))
            url = "/" + path.removesuffix("index.html")
            self.outputs[url] = {
                "url": url,
                "path": path,
                "hash": self.files[path],
                "kind": "redirect",
                "page": None,
                "language": settings.LANGUAGE_CODE,
                "pages": [],
                "objects": [],
                "types": [],
                "assets": [],
            }
        self.write("sitemap.xml", sitemap_xml(self.site, _as_page_outputs(self._page_outputs())))
        self.write("robots.txt", robots_txt(self.site))

    def _write_search_index(self):
        """Index the pages with Pagefind, as `search_index` says (see RECENT). Pagefind writes
        an index per language, its files named after the language: a language indexed again
        replaces its own files and keeps the others'. Then the pages changed since they were
        indexed (none, after a whole index) go in the recent-changes index."""
        if self.search_index is not RECENT:
            languages = self._languages_to_index()
            if languages != set():
                self._index_languages(languages)
        recent, note = self._recent_search_index()
        self.write(f"{SEARCH_DIR}/{RECENT_NOTE}", note)
        self._replace_files(RECENT_DIR, recent)

    def _languages_to_index(self):
        """The languages to index again, or None for all of them."""
        if self.search_index is True or f"{SEARCH_DIR}/{ENTRY}" not in self.files:
            return None
        if self.search_index == STALE:
            return {language for _, language in stale_search_pages(self.outputs, self.search_pages)}
        return set(self.search_index)

    def _index_languages(self, languages):
        pages = {
            url: output
            for url, output in _searchable(self.outputs).items()
            if languages is None or output["language"] in languages
        }
        index = build_search_index(self.dir, sorted(output["path"] for output in pages.values()))
        ids = fragment_ids(index)
        if languages is None:
            self._replace_files(SEARCH_DIR, index, keep=RECENT_NOTE)
        else:
            prefix = SEARCH_DIR + "/"
            live = [
                path.removeprefix(prefix)
                for path in self.files
                if path.startswith(prefix) and path != prefix + RECENT_NOTE
            ]
            index, gone = merge_search_index(self.read(prefix + ENTRY), live, index, languages)
            for path in gone:
                self.remove(prefix + path)
            for path, content in index.items():
                self.write(prefix + path, content)
        self.search_pages = {
            url: indexed
            for url, indexed in self.search_pages.items()
            if languages is not None and indexed[0] not in languages
        }
        for url, output in pages.items():
            self.search_pages[url] = [output["language"], output["hash"], ids.get(url)]

    def _recent_search_index(self):
        stale = stale_search_pages(self.outputs, self.search_pages)
        changed = sorted(self.outputs[url]["path"] for url, _ in stale if url in self.outputs)
        fresh = build_search_index(self.dir, changed) if changed else {}
        fresh_ids = set(fragment_ids(fresh).values())
        superseded = {}
        for url, _ in stale:
            indexed_id = self.search_pages.get(url, [None, None, None])[2]
            if indexed_id and indexed_id not in fresh_ids:
                superseded.setdefault(indexed_id.partition("_")[0], []).append(indexed_id)
        return recent_search_index(fresh, superseded)

    def _replace_files(self, folder, files, keep=None):
        """Make `folder` hold `files` ({path in it: bytes}) and no other file but `keep`."""
        prefix = folder + "/"
        for path in [p for p in self.files if p.startswith(prefix)]:
            if path.removeprefix(prefix) not in files and path != prefix + str(keep):
                self.remove(path)
        for path, content in files.items():
            self.write(prefix + path, content)

    def _collect_unused_assets(self):
        used = set()
        for output in self.outputs.values():
            used.update(output["assets"])
        for path in [p for p in self.files if p.startswith(ASSET_DIRS)]:
            if path not in used:
                self.remove(path)

    def _verify(self, verify_urls):
        site_files = SiteFiles(self.site.root_url, set(self.files), self.language_codes)
        pages = {
            url: output["path"]
            for url, output in self.outputs.items()
            if output["path"].endswith(".html")
            and (verify_urls is None or url in verify_urls or output["kind"] == "redirect")
        }
        self.problems.extend(verify(site_files, pages, self.read))
        self.problems.extend(verify_sitemap(site_files, self.read("sitemap.xml"), verify_urls))

    def _write_manifest(self):
        manifest = {
            "site": self.site_key,
            "root_url": self.site.root_url,
            "database": database_identity(),
            "languages": self.language_codes,
            "outputs": [self.outputs[url] for url in sorted(self.outputs)],
            "files": dict(sorted(self.files.items())),
            "search_index": dict(sorted(self.search_pages.items())),
        }
        # Compact: with indent, json uses its pure-Python encoder, ten times slower on a big site.
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":"))
        (self.dir / MANIFEST).write_text(text + "\n")

    def _swap(self):
        link = live_dir(self.output_root, self.site_key)
        if link.exists() and not link.is_symlink():
            # A folder left by something else (a copy, an older layout): keep it aside.
            link.rename(self.builds / f"{self.site_key}-replaced-{time.time_ns()}")
        previous = link.resolve() if link.is_symlink() else None
        standby = self._note_standby(previous)
        # Older builds go, in the background: a rebuild need not wait for thousands of folders
        # to be deleted. Listed before the swap: nothing after it may fail.
        old = [
            path
            for path in self.builds.glob(f"{self.site_key}-*")
            if path not in (self.dir, standby, previous)
        ]
        swap = self.output_root / f".{self.site_key}.swap"
        swap.unlink(missing_ok=True)
        os.symlink(Path(BUILDS_DIR) / self.dir.name, swap)
        os.replace(swap, link)
        if old:
            threading.Thread(target=_remove_folders, args=(old,)).start()

    def _note_standby(self, previous):
        """Keep the build about to be replaced (a reader may still be in it) for the next
        partial build to start from, noting the files in which it differs from this one; a
        first build links a copy of itself. Returns the standby folder."""
        files = self._files_of(previous)
        if files is None:
            standby = self._new_folder()
            _link_files(self.dir, standby, self.files)
            files = self.files
        else:
            standby = previous
        differs = [
            path
            for path in sorted(files.keys() | self.files.keys())
            if files.get(path) != self.files.get(path)
        ]
        note = {"build": standby.name, "live": self.dir.name, "differs": differs}
        written = self.standby_note.with_name(f".{self.standby_note.name}.tmp")
        written.write_text(json.dumps(note))
        os.replace(written, self.standby_note)
        return standby

    def _files_of(self, build):
        """The files of a finished build ({path: hash}), or None when there is none."""
        if build is None or not build.is_dir():
            return None
        if self.previous is not None:
            return self.previous["files"]  # the live build this one started from
        try:
            return _read_manifest(build / MANIFEST)["files"]
        except (OSError, ValueError, KeyError):
            return None


def _searchable(outputs):
    """The outputs Pagefind may index: pages' HTML files (it leaves out later listing pages)."""
    return {
        url: output
        for url, output in outputs.items()
        if output["kind"] == "page" and output["path"].endswith(".html")
    }


def stale_search_pages(outputs, search_pages):
    """[(address, language)] of the pages added, changed or removed since the search index was
    built: `outputs` {address: output} as in a manifest, `search_pages` as SiteBuild keeps."""
    pages = _searchable(outputs)
    stale = [
        (url, output["language"])
        for url, output in pages.items()
        if search_pages.get(url, [None, None])[1] != output["hash"]
    ]
    stale += [(url, indexed[0]) for url, indexed in search_pages.items() if url not in pages]
    return sorted(stale)


def _remove_folders(folders):
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _link_files(source, target, paths):
    """Hard links in `target` to the files `paths` of `source`. Thousands of files on a big
    site: each folder made once, parents first, and plain string paths."""
    folders = set()
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(folders):
        os.mkdir(f"{target}/{folder}")
    for path in paths:
        os.link(f"{source}/{path}", f"{target}/{path}")


def _remove_file(root, path):
    """Delete a file of a build and the folders that it leaves empty (a static server would
    list an empty folder where a page was)."""
    try:
        os.unlink(f"{root}/{path}")
    except FileNotFoundError:
        pass
    folder = path.rpartition("/")[0]
    while folder:
        try:
            os.rmdir(f"{root}/{folder}")
        except OSError:  # not empty
            return
        folder = folder.rpartition("/")[0]


def _split_dependencies(dependencies, own_page_id):
    """Pages read (any page model), other objects read, and the model types read besides the
    page's own line: a listing that read some programs must be rendered again when any program
    changes, since a new one may now belong in it. The page itself, its ancestors and their
    translations (breadcrumbs, the home page, the language switcher) are read by identity and
    bring no type: otherwise every page of a section would be rendered again whenever any page
    of the section's type changed."""
    from django.apps import apps
    from wagtail.models import Page

    pages, objects, typed = set(), set(), {}
    for label, pk in dependencies:
        model = apps.get_model(label)
        if issubclass(model, Page):
            pages.add(pk)
            if model is not Page:
                typed[pk] = label
        else:
            objects.add((label, pk))
    own_line = _own_line(own_page_id, typed)
    types = {label for pk, label in typed.items() if pk not in own_line}
    types.update(label for label, _pk in objects)
    return sorted(pages), sorted([list(item) for item in objects]), sorted(types)


def _own_line(page_id, page_ids):
    """Of `page_ids`, the page itself, its ancestors and the translations of either."""
    from wagtail.models import Page

    if page_id is None:
        return set()
    rows = list(
        Page.objects.filter(pk__in=[page_id, *page_ids]).values_list(
            "pk", "path", "translation_key"
        )
    )
    own_path = next(path for pk, path, _key in rows if pk == page_id)
    keys = {key for _pk, path, key in rows if own_path.startswith(path)}
    return {pk for pk, _path, key in rows if key in keys}


def _as_page_outputs(outputs):
    from cms.publishing.outputs import PageOutput

    return [PageOutput(o["url"], o["page"], o["language"]) for o in outputs]


def rebuild_search_index(site_key, output_root=None, languages=None):
    """Index the live build of a site again: the pages of `languages` (a list of codes) or of
    every language (None); STALE: the languages with pages changed since they were indexed;
    RECENT: none, only the pages changed since, in the recent-changes index. Returns the
    report, or None when the site has no live build or nothing to do."""
    output_root = Path(output_root or default_output_root())
    with site_lock(output_root, site_key):
        previous = load_manifest(output_root, site_key)
        if previous is None or previous.get("database") != database_identity():
            return None
        if languages in (RECENT, STALE) and not stale_search_pages(
            {output["url"]: output for output in previous["outputs"]},
            previous.get("search_index", {}),
        ):
            return None
        search_index = languages if languages in (RECENT, STALE) else sorted(languages or ())
        build = SiteBuild(
            site_for_key(site_key), output_root, previous, search_index=search_index or True
        )
        return build.finish(pages_changed=False)


def build_site(site_key, output_root=None, language_codes=None):
    """Build one site from scratch (or, with `language_codes`, rebuild those languages of the
    live build). Raises BuildFailed with the list of problems."""
    output_root = Path(output_root or default_output_root())
    site = site_for_key(site_key)
    codes = [locale.language_code for locale in site_locales(language_codes)]
    with site_lock(output_root, site_key):
        previous = load_manifest(output_root, site_key) if language_codes else None
        build = SiteBuild(site, output_root, previous, codes if language_codes else None)
        try:
            for url, output in list(build.outputs.items()):
                if output["language"] in codes:
                    build.drop_output(url)
            build.render_page_outputs(site_outputs(site, codes))
            build.render_not_found_pages(codes)
            build.render_search_pages(codes)
            return build.finish()
        except BaseException:
            shutil.rmtree(build.dir, ignore_errors=True)
            raise
