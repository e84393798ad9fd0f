"""Baking a site to static files.

A build renders pages into a folder of its own (`cms.publishing.folders`), writes the files
derived from them (`cms.publishing.derived`), updates the search index as its plan says
(`cms.publishing.search_plan`), verifies the whole, writes its manifest
(`cms.publishing.manifest`) and swaps in; a build that fails is deleted. See README.md."""

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from cms.core.build_cache import during_build
from cms.core.sites import site_for_key, site_key_of
from cms.publishing.assets import AssetHasher, MissingAsset, content_hash
from cms.publishing.derived import write_derived_files
from cms.publishing.folders import (
    BuildFolders,
    default_output_root,
    live_dir,
    remove_file,
    site_lock,
)
from cms.publishing.headers import policy_meta, with_policy_meta
from cms.publishing.manifest import (
    ChromeRecord,
    Manifest,
    ManifestEntry,
    database_identity,
    load_manifest,
)
from cms.publishing.outputs import (
    site_locales,
    site_outputs,
    url_to_path,
)
from cms.publishing.parallel import RenderJob, render_in_order
from cms.publishing.rendering import SiteRenderer, keeping_language
from cms.publishing.search_plan import SearchIndexPlan, stale_search_pages, write_search_index
from cms.publishing.verification import SiteFiles, verify, verify_sitemap

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


class SiteBuild:
    """One build of one site, as a context manager: entering prepares the build's folder (on
    top of the live build `previous`, a Manifest, or empty); the block renders and calls
    `finish()`; leaving it swaps the build in, or, when the block raised, deletes it. `search`
    is the build's SearchIndexPlan (by default, index every language).

        with SiteBuild(site, output_root) as build:
            build.render_page_outputs(outputs)
            build.finish()
        build.report
    """

    def __init__(
        self,
        site,
        output_root,
        previous=None,
        language_codes=None,
        search=None,
        workers=None,
        progress=None,
    ):
        self.site = site
        self.site_key = site_key_of(site)
        self.folders = BuildFolders(output_root, self.site_key)
        self.previous = previous
        # The same for every page of the build: made once.
        self.policy_meta = policy_meta()
        # The languages of a build of only some of them (None: all): links into the others
        # cannot be checked. A build on top of the live one keeps its languages, and adds these.
        if previous is not None:
            built = previous.languages
            language_codes = None if built is None else sorted({*built, *(language_codes or ())})
        self.language_codes = language_codes
        self.search = search or SearchIndexPlan.full()
        # {address: ManifestEntry}, {path: hash} and {address: IndexedPage} as in a manifest.
        self.outputs = dict(previous.outputs) if previous else {}
        self.files = dict(previous.files) if previous else {}
        self.search_pages = dict(previous.search_index) if previous else {}
        # {part name: ChromeRecord}: what the parts of the page chrome read (see chrome.py),
        # and the addresses whose chrome was spliced in (cms.publishing.chrome).
        self.chrome = (
            {
                name: ChromeRecord(set(r.pages), set(r.objects))
                for name, r in previous.chrome.items()
            }
            if previous
            else {}
        )
        self.spliced = set()
        self.problems = []
        self.finished = False
        self.dir = None
        self.report = BuildReport(self.site_key, live_dir(output_root, self.site_key))
        self.started = time.perf_counter()
        self.renderer = SiteRenderer(site)
        # Render worker processes (None: one per core), and a BuildProgress to advance.
        self.workers = workers
        self.progress = progress
        self.assets = AssetHasher(self.write)

    def __enter__(self):
        with ExitStack() as context:
            # Whatever the build renders, the language active before it is active after it.
            context.enter_context(keeping_language())
            # What is fixed while it renders is read once, and dropped when it ends.
            context.enter_context(during_build())
            self.dir = self.folders.prepare(self.previous.files if self.previous else None)
            self.context = context.pop_all()
        return self

    def __exit__(self, error_type, error, traceback):
        try:
            return self._end(error_type)
        finally:
            self.context.close()

    def _end(self, error_type):
        if error_type is None and not self.finished:
            self.folders.discard(self.dir)
            raise RuntimeError(f"The {self.site_key} build ended without finish().")
        if error_type is not None:
            self.folders.discard(self.dir)
            return False
        try:
            self.folders.swap_in(self.dir, self.files, self._replaced_files())
        except BaseException:
            self.folders.discard(self.dir)
            raise
        self.report.written.sort()
        self.report.removed.sort()
        self.report.seconds = time.perf_counter() - self.started
        return False

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
            remove_file(self.dir, path)
            self.report.removed.append(path)

    def read(self, path):
        return (self.dir / path).read_bytes()

    # Outputs

    def render(self, jobs):
        """Render RenderJobs and keep each in their order: in worker processes (`workers`, by
        default one per core) for a large build, in this one for a small one."""
        self.keep_rendered(render_in_order(self.renderer, list(jobs), self.workers))

    def keep_rendered(self, rendered_jobs):
        """Keep what was rendered, as (RenderJob, Rendered) in the build's order."""
        for job, rendered in rendered_jobs:
            self._keep(rendered, job.path, job.kind, job.page_id, job.language_code)
            if self.progress is not None:
                self.progress.advance()

    def render_page_outputs(self, page_outputs):
        self.render(RenderJob.for_page(output) for output in page_outputs)

    def render_not_found_pages(self, language_codes):
        self.render(RenderJob.not_found(code) for code in language_codes)

    def render_search_pages(self, language_codes):
        """Each language's search page: a shell that search.js fills from the live API, or from
        the Pagefind index when the static site has no API."""
        self.render(RenderJob.search(code) for code in language_codes)

    def render_search_words(self, language_codes):
        """Each language's words.json beside its search page: the words search.js picks "did
        you mean" from when the static site has no API. Written with the search index, whose
        pages they come from."""
        for code in language_codes:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            rendered = self.renderer.render(f"{prefix}/search/words.json")
            self._keep(rendered, url_to_path(rendered.url), "search_words", None, code)

    def drop_output(self, url):
        output = self.outputs.pop(url, None)
        if output is not None:
            self.remove(output.path)

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
        self._note_chrome(rendered.chrome_dependencies)
        pages, objects, types = _split_dependencies(rendered.dependencies, page_id)
        self.outputs[rendered.url] = ManifestEntry(
            rendered.url,
            path,
            self.files[path],
            kind,
            page_id,
            language_code,
            pages,
            objects,
            types,
            sorted(used_assets),
        )

    def _note_chrome(self, chrome_dependencies):
        for name, seen in chrome_dependencies.items():
            pages, objects, _types = _split_dependencies(seen, None)
            record = self.chrome.setdefault(name, ChromeRecord())
            record.pages.update(pages)
            record.objects.update(objects)

    # Finishing

    def finish(self, verify_urls=None, pages_changed=True):
        """Write what is derived from the pages (redirects, sitemap, search index), drop
        unused assets, verify and write the manifest; the build is swapped in when its `with`
        block ends. `verify_urls` limits the page checks to what an incremental rebuild
        rendered; `pages_changed=False` (a build of the search index alone) skips what derives
        from the pages and their checks. Raises BuildFailed with the problems found."""
        if pages_changed:
            write_derived_files(self)
        write_search_index(self, self.search)
        self._collect_unused_assets()
        if pages_changed:
            self._verify(verify_urls)
        if self.problems:
            raise BuildFailed(self.site_key, sorted(self.problems))
        self.manifest().save(self.dir)
        self.finished = True

    def manifest(self):
        """The build's manifest, as it stands."""
        return Manifest(
            self.site_key,
            self.site.root_url,
            database_identity(),
            self.language_codes,
            self.outputs,
            self.files,
            self.search_pages,
            self.chrome,
        )

    def _replaced_files(self):
        """The files of the live build this one replaces, or None when they are not known."""
        if self.previous is not None:
            return self.previous.files  # the live build this one started from
        try:
            return Manifest.load(self.folders.live).files
        except (OSError, ValueError, KeyError):
            return None

    def _collect_unused_assets(self):
        used = set()
        for output in self.outputs.values():
            used.update(output.assets)
        for path in [p for p in self.files if p.startswith(ASSET_DIRS)]:
            if path not in used:
                self.remove(path)

    def _verify(self, verify_urls):
        site_files = SiteFiles(self.site.root_url, set(self.files), self.language_codes)
        # A page whose chrome was spliced in is checked whole; the sitemap did not change.
        pages = {
            url: output.path
            for url, output in self.outputs.items()
            if output.path.endswith(".html")
            and (
                verify_urls is None
                or url in verify_urls
                or url in self.spliced
                or output.kind == "redirect"
            )
        }
        self.problems.extend(verify(site_files, pages, self.read))
        self.problems.extend(verify_sitemap(site_files, self.read("sitemap.xml"), verify_urls))


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
    return sorted(pages), sorted(objects), sorted(types)


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


def rebuild_search_index(site_key, output_root=None, plan=None):
    """Index the live build of a site again as `plan` (a SearchIndexPlan; by default, every
    language) says. Returns the report, or None when the site has no live build of this
    database, or the plan follows changes and no page changed since it was indexed."""
    output_root = Path(output_root or default_output_root())
    plan = plan or SearchIndexPlan.full()
    with site_lock(output_root, site_key):
        previous = load_manifest(output_root, site_key)
        if previous is None or not previous.from_this_database():
            return None
        if plan.follows_changes and not stale_search_pages(previous.outputs, previous.search_index):
            return None
        with SiteBuild(site_for_key(site_key), output_root, previous, search=plan) as build:
            build.finish(pages_changed=False)
        return build.report


def site_jobs(site, language_codes):
    """What a build of these languages of a site renders, in the build's order: the pages'
    URLs, then each language's 404 page and search page."""
    return [
        *(RenderJob.for_page(output) for output in site_outputs(site, language_codes)),
        *(RenderJob.not_found(code) for code in language_codes),
        *(RenderJob.search(code) for code in language_codes),
    ]


def build_site(site_key, output_root=None, language_codes=None, workers=None, progress=None):
    """Build one site from scratch (or, with `language_codes`, rebuild those languages of the
    live build), rendering in `workers` processes (by default one per core); `progress`, a
    BuildProgress, follows the rendering. Raises BuildFailed with the list of problems."""
    output_root = Path(output_root or default_output_root())
    site = site_for_key(site_key)
    codes = [locale.language_code for locale in site_locales(language_codes)]
    with site_lock(output_root, site_key):
        previous = load_manifest(output_root, site_key) if language_codes else None
        with SiteBuild(
            site,
            output_root,
            previous,
            codes if language_codes else None,
            workers=workers,
            progress=progress,
        ) as build:
            for url, output in list(build.outputs.items()):
                if output.language in codes:
                    build.drop_output(url)
            jobs = site_jobs(site, codes)
            if progress is not None:
                progress.start(site_key, len(jobs))
            build.render(jobs)
            build.finish()
        return build.report
