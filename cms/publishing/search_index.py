"""The Pagefind index of a site: a static search index that the browser loads in small pieces,
with word splitting for Chinese and Korean that the database backend lacks. The binary ships in
the `pagefind_bin_extended` package on PyPI."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

SEARCH_DIR = "pagefind"
ENTRY = "pagefind-entry.json"


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
            target = pages / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(Path(site_dir, path), target)
        subprocess.run(
            [executable, "--site", str(pages), "--output-path", str(index), "--silent"],
            check=True,
            capture_output=True,
            timeout=600,
        )
        files = {
            str(file.relative_to(index)): file.read_bytes()
            for file in sorted(index.rglob("*"))
            if file.is_file()
        }
    # Pagefind lists the languages in hash-map order: sorted, two builds are byte-identical.
    entry = json.loads(files[ENTRY])
    files[ENTRY] = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    files[ENTRY] = files[ENTRY].encode()
    return files
