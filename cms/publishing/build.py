"""Baking a site to static files.

A build writes into a new folder under `<output>/.builds/` (starting from hard links to the
live build's files when only part of the site is rebuilt), verifies it, then points the site's
folder `<output>/<site key>` at it with an atomic symlink swap. A build that fails verification
is deleted and the live output stays as it was."""

import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from cms.publishing import redirects as site_redirects
from cms.publishing.assets import AssetHasher, MissingAsset, content_hash
from cms.publishing.outputs import site_for_key, site_locales, site_outputs, url_to_path
from cms.publishing.rendering import SiteRenderer
from cms.publishing.search_index import SEARCH_DIR, build_search_index
from cms.publishing.sitemaps import robots_txt, sitemap_xml
from cms.publishing.verification import SiteFiles, verify, verify_sitemap

MANIFEST = "build-manifest.json"
BUILDS_DIR = ".builds"
ASSET_DIRS = (settings.STATIC_URL.strip("/") + "/", settings.MEDIA_URL.strip("/") + "/")


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
    return json.loads(path.read_text())


class SiteBuild:
    """One build of one site, in its own folder until `finish()` swaps it in."""

    def __init__(self, site, output_root, previous=None, language_codes=None, search_index=True):
        self.site = site
        self.site_key = site.root_page.specific_class._meta.app_label
        self.output_root = Path(output_root)
        builds = self.output_root / BUILDS_DIR
        builds.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=f"{self.site_key}-", dir=builds))
        self.dir.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        self.previous = previous
        # The languages of a build of only some of them (None: all): links into the others
        # cannot be checked. A build on top of the live one keeps its languages, and adds these.
        if previous is not None:
            built = previous.get("languages")
            language_codes = None if built is None else sorted({*built, *(language_codes or ())})
        self.language_codes = language_codes
        self.search_index = search_index
        self.files = {}
        self.outputs = {}
        self.problems = []
        self.report = BuildReport(self.site_key, live_dir(self.output_root, self.site_key))
        self.started = time.perf_counter()
        if previous is not None:
            self._link_previous()
        self.renderer = SiteRenderer(site)
        self.assets = AssetHasher(self.write)

    def _link_previous(self):
        """Start from the live build: hard links cost no copying, and `write` replaces a file
        rather than writing into it, so the live build never changes under its readers."""
        source = live_dir(self.output_root, self.site_key).resolve()
        # Thousands of files on a big site: each folder made once, and plain string paths.
        for folder in sorted({path.rpartition("/")[0] for path in self.previous["files"]}):
            if folder:
                os.makedirs(f"{self.dir}/{folder}", exist_ok=True)
        for path, digest in self.previous["files"].items():
            os.link(f"{source}/{path}", f"{self.dir}/{path}")
            self.files[path] = digest
        self.outputs = {output["url"]: output for output in self.previous["outputs"]}

    # Files

    def write(self, path, content):
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
            (self.dir / path).unlink(missing_ok=True)
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
            content = text.encode()
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

    def finish(self, verify_urls=None):
        """Write what is derived from the pages (redirects, sitemap, search index), drop
        unused assets, verify, write the manifest and swap the build in. `verify_urls` limits
        the page checks to what an incremental rebuild rendered."""
        self._write_site_files()
        self._collect_unused_assets()
        self._verify(verify_urls)
        if self.problems:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise BuildFailed(self.site_key, sorted(self.problems))
        self._write_manifest()
        self._swap()
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
        taken = {o["path"] for o in self.outputs.values() if o["kind"] != "redirect"}
        fallbacks = site_redirects.fallback_pages(redirects, taken)
        for output in [o for o in self.outputs.values() if o["kind"] == "redirect"]:
            if output["path"] not in fallbacks:
                self.drop_output(output["url"])
        for path, content in fallbacks.items():
            self.write(path, content)
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
        if self.search_index:
            self._write_search_index()

    def _write_search_index(self):
        page_files = {
            output["path"] for output in self._page_outputs() if output["path"].endswith(".html")
        }
        index = build_search_index(self.dir, sorted(page_files))
        prefix = SEARCH_DIR + "/"
        for path in [p for p in self.files if p.startswith(prefix)]:
            if path.removeprefix(prefix) not in index:
                self.remove(path)
        for path, content in index.items():
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
        }
        # Compact: with indent, json uses its pure-Python encoder, ten times slower on a big site.
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":"))
        (self.dir / MANIFEST).write_text(text + "\n")

    def _swap(self):
        link = live_dir(self.output_root, self.site_key)
        if link.exists() and not link.is_symlink():
            # A folder left by something else (a copy, an older layout): keep it aside.
            link.rename(
                self.output_root / BUILDS_DIR / f"{self.site_key}-replaced-{time.time_ns()}"
            )
        previous = link.resolve() if link.is_symlink() else None
        swap = self.output_root / f".{self.site_key}.swap"
        swap.unlink(missing_ok=True)
        os.symlink(Path(BUILDS_DIR) / self.dir.name, swap)
        os.replace(swap, link)
        # Keep the build just replaced (a reader may still be in it); older ones go, in the
        # background: a rebuild need not wait for thousands of folders to be deleted.
        old = [
            path
            for path in (self.output_root / BUILDS_DIR).glob(f"{self.site_key}-*")
            if path not in (self.dir, previous)
        ]
        if old:
            threading.Thread(target=_remove_folders, args=(old,)).start()


def _remove_folders(folders):
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


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


def rebuild_search_index(site_key, output_root=None):
    """Index the live build of a site again (after an incremental rebuild). Returns the
    report, or None when the site has no live build."""
    output_root = Path(output_root or default_output_root())
    previous = load_manifest(output_root, site_key)
    if previous is None or previous.get("database") != database_identity():
        return None
    build = SiteBuild(site_for_key(site_key), output_root, previous)
    try:
        return build.finish(verify_urls=set())
    except BaseException:
        shutil.rmtree(build.dir, ignore_errors=True)
        raise


def build_site(site_key, output_root=None, language_codes=None):
    """Build one site from scratch (or, with `language_codes`, rebuild those languages of the
    live build). Raises BuildFailed with the list of problems."""
    output_root = Path(output_root or default_output_root())
    site = site_for_key(site_key)
    previous = load_manifest(output_root, site_key) if language_codes else None
    codes = [locale.language_code for locale in site_locales(language_codes)]
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
