"""The Pagefind index of a site: a static search index that the browser loads in small pieces,
with word splitting for Chinese and Korean that the database backend lacks. The binary ships in
the `pagefind_bin_extended` package on PyPI."""

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
    index; the caller writes it under SEARCH_DIR."""
    executable = pagefind_executable()
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        pages = Path(work, "site")
        index = Path(work, "index")
        # Only pages are indexed (not 404 pages nor redirect notices): Pagefind reads a folder,
        # so it gets one made of links to the pages' files.
        for path in page_paths:
            if LATER_LISTING_PAGE.search(Path(site_dir, path).read_bytes()):
                continue
            target = pages / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(Path(site_dir, path), target)
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
    # Pagefind lists the languages in hash-map order: sorted, two builds are byte-identical.
    entry = json.loads(files[ENTRY])
    files[ENTRY] = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    files[ENTRY] = files[ENTRY].encode()
    return files
