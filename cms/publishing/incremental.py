"""Rebuild only what a change affects, from the dependencies each output recorded in the last
build's manifest.

An output is rendered again when it read a changed page (or one of its translations and
aliases), a changed program or event, or any object of a type that changed (a listing of
programs may gain the new one); a new, moved, unpublished or deleted page also brings its
parent's outputs (the listings of its siblings). A changed page brings the outputs of its
site that read pages of its type only when it may have joined or left a listing: a page whose
type says what its listings select it by (`listing_state()`, an event's dates and ages) does
so when that changed (`Changes.listed`), or when it is new, moved or gone; a page of another
type always does. An edited event whose dates stayed the same renders again its own outputs
and those that show it, and nothing of the other site. What the page chrome (the alert banners, the
site menu) shows is not rendered page by page: the parts a change touches are spliced into
every built file (cms.publishing.chrome). Files whose bytes come out the same are not touched,
so the report names exactly the files that changed."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Q
from wagtail.models import Page

from cms.core import sites
from cms.publishing.build import SiteBuild
from cms.publishing.chrome import ChromeSplice, affected_parts
from cms.publishing.folders import default_output_root, site_lock
from cms.publishing.manifest import live_manifest_path, load_manifest
from cms.publishing.outputs import page_outputs
from cms.publishing.search_plan import SearchIndexPlan


@dataclass
class Changes:
    """What changed: pages (published, unpublished, moved, deleted), pages whose children
    changed, other objects as (model label, pk), and `listed`: pages whose listing state
    changed (what listings select and order them by, see `listing_state()`), so that they
    may have joined or left a listing."""

    pages: set = field(default_factory=set)
    parents: set = field(default_factory=set)
    objects: set = field(default_factory=set)
    listed: set = field(default_factory=set)

    def __bool__(self):
        return bool(self.pages or self.parents or self.objects or self.listed)

    def merge(self, other):
        self.pages |= other.pages
        self.parents |= other.parents
        self.objects |= other.objects
        self.listed |= other.listed

    def as_json(self):
        return {
            "pages": sorted(self.pages),
            "parents": sorted(self.parents),
            "objects": sorted([list(item) for item in self.objects]),
            "listed": sorted(self.listed),
        }

    @classmethod
    def from_json(cls, data):
        return cls(
            set(data.get("pages", [])),
            set(data.get("parents", [])),
            {tuple(item) for item in data.get("objects", [])},
            set(data.get("listed", [])),
        )


def _with_translations(page_ids):
    """The pages, their translations and their untranslated aliases."""
    if not page_ids:
        return set()
    keys = Page.objects.filter(pk__in=page_ids).values_list("translation_key", flat=True)
    related = Page.objects.filter(
        Q(translation_key__in=list(keys)) | Q(alias_of_id__in=page_ids)
    ).values_list("pk", flat=True)
    return set(page_ids) | set(related)


def _with_descendants(page_ids):
    """A page whose URL changed takes its subtree's URLs with it."""
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    query = Q(pk__in=page_ids)
    for path in paths:
        query |= Q(path__startswith=path)
    return set(Page.objects.filter(query).values_list("pk", flat=True))


def _parent_ids(page_ids):
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    parent_paths = {path[: -Page.steplen] for path in paths if len(path) > Page.steplen}
    return set(Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True))


def _site_pages(site, page_ids):
    """Of `page_ids`, those in the site's tree (its home in any language, and below)."""
    homes = Page.objects.filter(pk__in=_with_translations({site.root_page_id}))
    query = Q()
    for path in homes.values_list("path", flat=True):
        query |= Q(path__startswith=path)
    if not query:
        return set()
    return set(Page.objects.filter(query, pk__in=page_ids).values_list("pk", flat=True))


def _listing_types(site, changed_pages, listed):
    """Labels of the page types whose listings on this site may have gained or lost one of
    `changed_pages`: every changed page of the site that may have joined or left a listing
    (`listed`), and those of types that do not say what their listings select them by."""
    types = set()
    for page in Page.objects.filter(pk__in=_site_pages(site, changed_pages)):
        model = page.specific_class
        if model is None or model is Page:
            continue
        if page.pk in listed or not hasattr(model, "listing_state"):
            types.add(model._meta.label_lower)
    return types


def _is_affected(output, page_ids, objects, types):
    return (
        output.page_id in page_ids
        or not page_ids.isdisjoint(output.pages)
        or any(item in objects for item in output.objects)
        or not types.isdisjoint(output.types)
    )


def rebuild_site(site_key, changes, output_root):
    """Rebuild the outputs of one site that `changes` affect. Returns a BuildReport, or None
    when the site has no live build of this database or nothing of it is affected."""
    if not live_manifest_path(output_root, site_key).is_file():
        return None
    with site_lock(output_root, site_key):
        return _rebuild_site(site_key, changes, output_root)


def _rebuild_site(site_key, changes, output_root):
    manifest = load_manifest(output_root, site_key)
    if manifest is None or not manifest.from_this_database():
        return None
    site = sites.site_for_key(site_key)
    previous_urls = {}
    for output in manifest.outputs.values():
        if output.page_id is not None:
            previous_urls.setdefault(output.page_id, set()).add(output.url)

    languages = manifest.languages

    def built_outputs(pages):
        # A build of some languages only stays one.
        outputs = page_outputs(site, pages.live().public().specific().select_related("locale"))
        return [o for o in outputs if languages is None or o.language_code in languages]

    changed_pages = _with_translations(changes.pages | changes.listed)
    current = built_outputs(Page.objects.filter(pk__in=changed_pages))
    current_urls = {}
    for output in current:
        current_urls.setdefault(output.page_id, set()).add(output.url)
    parents = set(changes.parents)
    moved = {
        page_id
        for page_id in changed_pages
        if previous_urls.get(page_id, set()) != current_urls.get(page_id, set())
    }
    # New, gone or moved: the listings around it change, and so does its subtree.
    parents.update(_parent_ids(moved))
    changed_pages |= _with_descendants(moved)
    parent_pages = _with_translations(parents)
    types = {label for label, _pk in changes.objects}
    # New, gone or moved pages may have joined or left a listing, and so may those whose
    # listing state changed: their translations show in the same listings.
    listed = _with_translations(changes.listed) | _with_descendants(moved)
    types |= _listing_types(site, changed_pages, listed)

    previous = manifest.outputs
    affected = [
        output
        for output in previous.values()
        if output.kind in ("page", "not_found", "search")
        # Reading a parent (every page reads its home) is no reason: its children changed.
        and _is_affected(output, changed_pages, changes.objects, types)
    ]
    affected_urls = {output.url for output in affected}
    whole_pages = changed_pages | parent_pages
    page_ids = whole_pages | {output.page_id for output in affected if output.page_id}
    current = built_outputs(Page.objects.filter(pk__in=page_ids))
    current_urls = {output.url for output in current}
    gone = [
        url
        for url, output in previous.items()
        if output.page_id in page_ids and url not in current_urls
    ]
    rerender = [
        output
        for output in current
        if output.page_id in whole_pages
        or output.url in affected_urls
        or output.url not in previous
    ]
    not_found = sorted({o.language for o in affected if o.kind == "not_found"})
    search = sorted({o.language for o in affected if o.kind == "search"})
    homes = _with_translations({site.root_page_id})
    chrome = affected_parts(manifest.chrome, changes, changed_pages | parent_pages, homes, site)
    if not (gone or rerender or not_found or search or chrome):
        return None  # nothing of this site shows the change

    # The search index takes seconds on a big site: rebuilt after, by its own task.
    with SiteBuild(site, output_root, manifest, search=SearchIndexPlan.none()) as build:
        for url in gone:
            build.drop_output(url)
        build.render_page_outputs(rerender)
        build.render_not_found_pages(not_found)
        build.render_search_pages(search)
        whole = ChromeSplice(build).splice(chrome, skip_urls=set(build.report.rendered))
        _render_whole(build, whole)
        build.finish(verify_urls=set(build.report.rendered))
    return build.report


def _render_whole(build, outputs):
    build.render_page_outputs([o.as_page_output() for o in outputs if o.kind == "page"])
    build.render_not_found_pages(sorted({o.language for o in outputs if o.kind == "not_found"}))
    build.render_search_pages(sorted({o.language for o in outputs if o.kind == "search"}))


def rebuild(changes, output_root=None, site_keys=None):
    """Rebuild what `changes` affect on every site with a live build. Returns the reports."""
    output_root = Path(output_root or default_output_root())
    reports = []
    for site_key in site_keys or sorted(sites.site_keys()):
        report = rebuild_site(site_key, changes, output_root)
        if report is not None:
            reports.append(report)
    return reports
