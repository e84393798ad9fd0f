"""What a site's Pagefind index holds, and in what pieces a phone downloads it."""

import gzip
import json
import random

import pytest

from cms.publishing.search_index import ENTRY, build_search_index, fragment_ids, merge_search_index
from cms.publishing.search_plan import recent_search_index

pytest.importorskip("pagefind_bin_extended")

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<header><a href="/">Growing Up NYC</a><details class="languages"><summary>Language</summary>
<ul><li><a href="/es/">español</a></li></ul></details></header>
<main id="main"><p class="wrap notice" role="note">This page is shown in English.</p>
<h1>{title}</h1>{body}</main>
<footer><p>Need help now? Call 311.</p></footer></body></html>"""


def index_site(folder, pages):
    """Index {path: (title, body HTML)} written as pages of a built site (in the language of
    their folder: es/... is Spanish)."""
    for path, (title, body) in pages.items():
        file = folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        language = "es" if path.startswith("es/") else "en"
        file.write_text(
            PAGE.format(title=title, body=body).replace('lang="en"', f'lang="{language}"')
        )
    return build_search_index(folder, sorted(pages))


def indexed_text(index):
    """{address: text} of the pages in the index, as results show excerpts of it."""
    pages = {}
    for path, content in index.items():
        if path.startswith("fragment/"):
            fragment = json.loads(gzip.decompress(content).removeprefix(b"pagefind_dcd"))
            pages[fragment["url"]] = fragment["content"]
    return pages


def test_a_page_is_indexed_by_its_main_content_alone(tmp_path):
    body = (
        "<p>Free meals for kids all summer.</p><ul><li><article class='program-card'>"
        "<h3>Tax help for families</h3></article></li></ul>"
    )
    text = indexed_text(index_site(tmp_path, {"summer/index.html": ("Summer Meals", body)}))

    assert list(text) == ["/summer/"]
    assert "Free meals for kids all summer" in text["/summer/"]
    for elsewhere in ("Growing Up NYC", "español", "shown in English", "Call 311", "Tax help"):
        assert elsewhere not in text["/summer/"]


def test_the_later_pages_of_a_listing_are_left_out(tmp_path):
    first = "<p>Story times for families.</p><nav><a rel='next' href='page/2/'>Later</a></nav>"
    later = "<p>Story times for families.</p><nav><a rel='prev' href='../../'>Earlier</a></nav>"
    index = index_site(
        tmp_path,
        {"events/index.html": ("Events", first), "events/page/2/index.html": ("Events", later)},
    )

    assert list(indexed_text(index)) == ["/events/"]


def test_a_search_downloads_small_index_chunks_and_no_ready_made_interface(tmp_path):
    rng = random.Random(7)
    words = [f"word{number}" for number in range(3000)]
    pages = {
        f"page-{number}/index.html": (
            f"Page {number}",
            f"<p>{' '.join(rng.choices(words, k=400))}</p>",
        )
        for number in range(80)
    }
    index = index_site(tmp_path, pages)

    chunks = [content for path, content in index.items() if path.startswith("index/")]
    # Pagefind's default makes five chunks of about 22 KB here: a search loads one per word.
    assert len(chunks) > 10
    assert max(map(len, chunks)) < 5 * 1024
    runtime = {path for path in index if "/" not in path and not path.endswith(".pf_meta")}
    assert runtime == {"pagefind.js", ENTRY, "wasm.en.pagefind", "wasm.unknown.pagefind"}


def merge(live, fresh, languages):
    """The index `live` ({path: bytes}) once merge_search_index's changes are made."""
    files, gone = merge_search_index(live[ENTRY], list(live), fresh, languages)
    return {**{path: content for path, content in live.items() if path not in gone}, **files}


def test_a_language_indexed_again_replaces_only_its_own_files(tmp_path):
    english = {"summer/index.html": ("Summer meals", "<p>Free meals for kids.</p>")}
    spanish = {"es/summer/index.html": ("Comidas de verano", "<p>Comidas gratis.</p>")}
    edited = {"es/summer/index.html": ("Comidas de verano", "<p>Comidas gratis y piscinas.</p>")}
    live = index_site(tmp_path / "before", {**english, **spanish})
    whole = index_site(tmp_path / "after", {**english, **edited})

    merged = merge(live, index_site(tmp_path / "es", edited), {"es"})

    assert merged == whole
    assert {path: live[path] for path in live if "en_" in path} == {
        path: merged[path] for path in merged if "en_" in path
    }
    # A language left without pages leaves the index.
    gone = merge(live, {}, {"es"})
    assert set(json.loads(gone[ENTRY])["languages"]) == {"en"}
    assert not [path for path in gone if "es_" in path]


def test_the_recent_changes_index_leaves_the_runtime_to_the_main_one(tmp_path):
    fresh = index_site(
        tmp_path, {"es/summer/index.html": ("Comidas de verano", "<p>Comidas gratis.</p>")}
    )
    [(url, page_id)] = fragment_ids(fresh).items()

    files, note = recent_search_index(fresh, {"es": {"es_0ld1d"}, "en": set()})

    assert (url, page_id[:3]) == ("/es/summer/", "es_")
    assert f"fragment/{page_id}.pf_fragment" in files
    assert not [path for path in files if path == "pagefind.js" or path.startswith("wasm.")]
    assert json.loads(note) == {
        "bundle": "../pagefind-recent/",
        "languages": ["es"],
        "superseded": {"es": ["es_0ld1d"]},
    }
    assert recent_search_index({}, {"es": set()}) == ({}, b"{}")
