"""What a build does to a site's Pagefind index (a `SearchIndexPlan`), and the recent-changes
index.

Pagefind cannot add one page to an index: it indexes a language's pages all at once (about a
second per thousand pages here), and an English page left untranslated shows in every
language. So a publish makes its pages searchable in two steps, two tasks of their own after
the pages' rebuild (`cms.publishing.tasks`). First, `recent()`: the pages changed since the
main index was built go in a small index of their own (RECENT_DIR), which search.js merges
into its results, leaving out the main index's old versions of those pages (RECENT_NOTE
tells it which). Then `stale()`: their languages are indexed again, which empties it. In
between, a changed page may rank a little lower than it will: its small index holds too few
pages to tell common words from rare ones.

Which pages changed since they were indexed comes from the build's manifest: the pages of the
main index with the hash of their file when indexed (`IndexedPage`)."""

import json
from dataclasses import dataclass

from cms.publishing.manifest import IndexedPage
from cms.publishing.search_index import (
    ENTRY,
    SEARCH_DIR,
    build_search_index,
    entry_bytes,
    fragment_ids,
    merge_search_index,
)

# The pages changed since SEARCH_DIR was built, in a small index of their own that search.js
# merges into the main one, and the note, in SEARCH_DIR, that tells it so.
RECENT_DIR = "pagefind-recent"
RECENT_NOTE = "recent.json"

_NONE, _FULL, _LANGUAGES, _RECENT, _STALE = "none", "full", "languages", "recent", "stale"


@dataclass(frozen=True)
class SearchIndexPlan:
    """What a build does to the site's search index. Made with one of its constructors:
    `none()`, leave it as it is; `full()`, index every language; `languages(codes)`, index those
    again; `recent()`, put only the pages changed since the index was built in the
    recent-changes index; `stale()`, index again the languages of those pages. A build without
    a main index yet indexes every language, whatever its plan but `none()` and `recent()`."""

    mode: str
    codes: tuple = ()

    @classmethod
    def none(cls):
        return cls(_NONE)

    @classmethod
    def full(cls):
        return cls(_FULL)

    @classmethod
    def languages(cls, codes):
        return cls(_LANGUAGES, tuple(sorted(codes)))

    @classmethod
    def recent(cls):
        return cls(_RECENT)

    @classmethod
    def stale(cls):
        return cls(_STALE)

    @property
    def follows_changes(self):
        """Whether the plan only catches up with the pages changed since they were indexed:
        with none changed, it has nothing to do."""
        return self.mode in (_RECENT, _STALE)


def write_search_index(build, plan):
    """Index the pages of `build` (a SiteBuild) with Pagefind as `plan` says. Pagefind writes
    an index per language, its files named after the language: a language indexed again
    replaces its own files and keeps the others', and the words "did you mean" picks from are
    written again for it. Then the pages changed since they were indexed (none, after a whole
    index) go in the recent-changes index."""
    if plan.mode == _NONE:
        return
    if plan.mode != _RECENT:
        languages = _languages_to_index(build, plan)
        if languages != set():
            _index_languages(build, languages)
            build.render_search_words(languages or _search_languages(build))
    recent, note = _recent_changes_index(build)
    build.write(f"{SEARCH_DIR}/{RECENT_NOTE}", note)
    _replace_files(build, RECENT_DIR, recent)


def stale_search_pages(outputs, search_pages):
    """[(address, language)] of the pages added, changed or removed since the search index was
    built: `outputs` {address: ManifestEntry} and `search_pages` {address: IndexedPage}, as in
    a manifest."""
    pages = _searchable(outputs)
    stale = [
        (url, output.language)
        for url, output in pages.items()
        if url not in search_pages or search_pages[url].hash != output.hash
    ]
    stale += [(url, indexed.language) for url, indexed in search_pages.items() if url not in pages]
    return sorted(stale)


def recent_search_index(fresh, superseded):
    """The recent-changes index: `fresh`, an index of the pages changed since the main one was
    built (without the runtime, which the main index serves), and the note search.js reads
    first, naming it, its languages, and by language the ids of the main index's pages it
    replaces (`superseded`, {language: ids}), which search.js leaves out of the results.
    Returns ({path: bytes} under RECENT_DIR, note bytes); the note is "{}" when nothing
    changed."""
    files = {
        path: content
        for path, content in fresh.items()
        if path != "pagefind.js" and not path.startswith("wasm.")
    }
    superseded = {code: sorted(ids) for code, ids in sorted(superseded.items()) if ids}
    if not files and not superseded:
        return {}, b"{}"
    note = {
        "bundle": f"../{RECENT_DIR}/",
        "languages": sorted(json.loads(files[ENTRY])["languages"]) if files else [],
        "superseded": superseded,
    }
    return files, entry_bytes(note)


def _languages_to_index(build, plan):
    """The languages to index again, or None for all of them."""
    if plan.mode == _FULL or f"{SEARCH_DIR}/{ENTRY}" not in build.files:
        return None
    if plan.mode == _STALE:
        stale = stale_search_pages(build.outputs, build.search_pages)
        return {language for _, language in stale}
    return set(plan.codes)


def _index_languages(build, languages):
    pages = {
        url: output
        for url, output in _searchable(build.outputs).items()
        if languages is None or output.language in languages
    }
    index = build_search_index(build.dir, sorted(output.path for output in pages.values()))
    ids = fragment_ids(index)
    if languages is None:
        _replace_files(build, SEARCH_DIR, index, keep=RECENT_NOTE)
    else:
        prefix = SEARCH_DIR + "/"
        live = [
            path.removeprefix(prefix)
            for path in build.files
            if path.startswith(prefix) and path != prefix + RECENT_NOTE
        ]
        index, gone = merge_search_index(build.read(prefix + ENTRY), live, index, languages)
        for path in gone:
            build.remove(prefix + path)
        for path, content in index.items():
            build.write(prefix + path, content)
    build.search_pages = {
        url: indexed
        for url, indexed in build.search_pages.items()
        if languages is not None and indexed.language not in languages
    }
    for url, output in pages.items():
        build.search_pages[url] = IndexedPage(output.language, output.hash, ids.get(url))


def _recent_changes_index(build):
    stale = stale_search_pages(build.outputs, build.search_pages)
    changed = sorted(build.outputs[url].path for url, _ in stale if url in build.outputs)
    fresh = build_search_index(build.dir, changed) if changed else {}
    fresh_ids = set(fragment_ids(fresh).values())
    superseded = {}
    for url, _ in stale:
        indexed = build.search_pages.get(url)
        indexed_id = indexed.fragment_id if indexed else None
        if indexed_id and indexed_id not in fresh_ids:
            superseded.setdefault(indexed_id.partition("_")[0], []).append(indexed_id)
    return recent_search_index(fresh, superseded)


def _replace_files(build, folder, files, keep=None):
    """Make `folder` hold `files` ({path in it: bytes}) and no other file but `keep`."""
    prefix = folder + "/"
    for path in [p for p in build.files if p.startswith(prefix)]:
        if path.removeprefix(prefix) not in files and path != prefix + str(keep):
            build.remove(path)
    for path, content in files.items():
        build.write(prefix + path, content)


def _search_languages(build):
    return sorted({output.language for output in build.outputs.values() if output.kind == "search"})


def _searchable(outputs):
    """The outputs Pagefind may index: pages' HTML files (it leaves out later listing pages)."""
    return {
        url: output
        for url, output in outputs.items()
        if output.kind == "page" and output.path.endswith(".html")
    }
