"""The Pagefind index of a site: a static search index that the browser loads in small pieces,
with word splitting for Chinese and Korean that the database backend lacks. The binary ships in
the `pagefind_bin_extended` package on PyPI. This module runs Pagefind and merges its indexes;
what a build indexes, and when, is `cms.publishing.search_plan`'s."""

import gzip
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

SEARCH_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
# What a page contributes to the index: its main content (not the header, language menu or
# footer every page repeats), without notices about the page and without cards that summarise
# other pages, which are indexed themselves. The less text, the fewer bytes a search loads.
CONTENT = "main"
LEFT_OUT = [
    ".notice",
    ".event-card",
    ".program-card",
    ".activity-card",
    ".topic-card",
    ".profile-card",
    ".trip-card",
]
# The later pages of a listing link back to the one before: they hold nothing but cards.
LATER_LISTING_PAGE = re.compile(rb"""<[^>]*\brel=["']?prev\b""")
# A search loads the index chunks holding its words: Pagefind's default (20,000 word
# positions, about 25 KB) costs a phone more than its runtime. Pagefind 1.5 reads this setting
# from the environment only; without it the index still works, in bigger chunks.
CHUNK_SIZE = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "2000"}
# What search.js loads: Pagefind's JavaScript API, searching in the page. Its ready-made
# interfaces and web worker are not published.
RUNTIME = re.compile(
    r"pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+|(index|fragment|filter)/.+"
)


# Pagefind writes thousands of small files: in memory, not on disk, when the machine has a
# tmpfs (twice as fast on ext4, where creating files in one folder from many threads contends).
WORK_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


class SearchIndexUnavailable(RuntimeError):
    pass


def pagefind_executable():
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise SearchIndexUnavailable("pagefind[extended] is not installed") from error
    return str(get_executable())


def build_search_index(site_dir, page_paths):
    """Index the given HTML files of a built site. Returns {relative path: bytes} of the
    index ({} when none of them is indexed); the caller writes it under SEARCH_DIR."""
    executable = pagefind_executable()
    site_dir = Path(site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="pagefind-", dir=WORK_DIR) as work:
        pages = Path(work, "site")
        index = Path(work, "index")
        # Only pages are indexed (not 404 pages nor redirect notices): Pagefind reads a folder,
        # so it gets one made of links to the pages' files.
        linked = 0
        for path in page_paths:
            if LATER_LISTING_PAGE.search(Path(site_dir, path).read_bytes()):
                continue
            target = pages / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(site_dir / path)
            linked += 1
        if not linked:
            return {}
        left_out = [
            argument for selector in LEFT_OUT for argument in ("--exclude-selectors", selector)
        ]
        subprocess.run(
            [executable, "--site", str(pages), "--output-path", str(index), "--silent"]
            + ["--root-selector", CONTENT, *left_out],
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, **CHUNK_SIZE},
        )
        files = {
            str(file.relative_to(index)): file.read_bytes()
            for file in sorted(index.rglob("*"))
            if file.is_file() and RUNTIME.fullmatch(str(file.relative_to(index)))
        }
    files[ENTRY] = entry_bytes(json.loads(files[ENTRY]))
    return files


def fragment_ids(index):
    """{page address: its id in the index} (the id search results carry; it names the page's
    fragment file and starts with its language: "es_1a2b3c4")."""
    ids = {}
    for path, content in index.items():
        if path.startswith("fragment/"):
            fragment = json.loads(gzip.decompress(content).removeprefix(b"pagefind_dcd"))
            ids[fragment["url"]] = path.removeprefix("fragment/").removesuffix(".pf_fragment")
    return ids


def merge_search_index(live_entry, live_paths, fresh, languages):
    """What replacing the index of `languages` changes in a site's index: `live_entry` is the
    current index's entry file, `live_paths` the paths of its files, `fresh` a new index of only
    those languages' pages (or {} when they have none left). Returns the files to write
    ({relative path: bytes}, the merged entry included) and the live paths to remove. The other
    languages' files are kept as they are, unread. Pagefind names each language's files after
    it: `pagefind.<hash>.pf_meta` (the hash starts "<language>_"), `index/<language>_*`,
    `fragment/<language>_*` and `filter/<language>_*`; the runtime and WebAssembly files are
    shared."""
    live_entry = json.loads(live_entry)
    fresh_entry = json.loads(fresh[ENTRY]) if fresh else {"languages": {}}
    replaced = set(languages) | set(fresh_entry["languages"])

    def language_of(path):
        name = path.rpartition("/")[2].removeprefix("pagefind.")
        code = name.partition("_")[0]
        return code if "_" in name and code in live_entry["languages"] else None

    gone = [path for path in live_paths if language_of(path) in replaced and path not in fresh]
    entry = {**live_entry, **{k: v for k, v in fresh_entry.items() if k != "languages"}}
    entry["languages"] = {
        **{code: info for code, info in live_entry["languages"].items() if code not in replaced},
        **fresh_entry["languages"],
    }
    return {**fresh, ENTRY: entry_bytes(entry)}, gone


def entry_bytes(entry):
    """An index's entry file (or the recent-changes note) as Pagefind's runtime reads it."""
    # Pagefind lists the languages in hash-map order: sorted, two builds are byte-identical.
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
