"""What a site's Pagefind index holds, and in what pieces a phone downloads it."""

import gzip
import json
import random

import pytest

from cms.publishing.search_index import ENTRY, build_search_index, fragment_ids, merge_search_index
from cms.publishing.search_plan import recent_search_index
from tests.events.factories import EventIndexPageFactory, days_from_today, make_event, new_york
from tests.generation.factories import TripIndexPageFactory, TripPageFactory
from tests.growingup.factories import ActivityGuidePageFactory, ActivityPageFactory
from tests.programs.factories import ProgramIndexPageFactory

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


# What every page, or every listing, repeats around its own text: menus, header and footer,
# filters, the count of results and the notice that nothing matches, the way back to the
# parent page, calendar buttons. A result's excerpt is taken from the indexed text.
FURNITURE = [
    "Skip to main content",
    "Growing Up NYC",
    "Generation NYC",
    "Home",
    "español",
    "Need help now",
    "Show results",
    "Show trips",
    "Clear filters",
    "Results:",
    "Nothing matches these filters",
    "No program matches these filters",
    "No events match",
    "No trips match",
    "Later dates",
    "All events",
    "Add to calendar",
    "Add these events to your calendar",
]


@pytest.mark.django_db
def test_a_built_site_indexes_the_body_of_its_pages_without_their_furniture(content, build):
    home = content["home"]
    guide = ActivityGuidePageFactory(parent=home, title="Summer fun", slug="summer")
    ActivityPageFactory(parent=guide, title="Bronx art camp", borough="bronx", is_free=True)
    ProgramIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home, title="Events")
    make_event(events, title="Teen open mic", starts_at=new_york(days_from_today(3), 18))
    trips = TripIndexPageFactory(parent=content["sites"]["generation"].root_page)
    TripPageFactory(parent=trips, title="Zoo trip")

    text = {}
    for site_key in ("growingup", "generation"):
        output = build(site_key, ["en"]).output_dir
        index = {
            str(path.relative_to(output / "pagefind")): path.read_bytes()
            for path in (output / "pagefind").rglob("*.pf_fragment")
        }
        text[site_key] = indexed_text(index)

    growingup = text["growingup"]
    # Not the breadcrumb back to "Summer fun", nor the link back to all events.
    assert growingup["/summer/bronx-art-camp/"].startswith("Bronx art camp.")
    assert "Games, art and a swim every day" in growingup["/summer/bronx-art-camp/"]
    assert growingup["/events/teen-open-mic/"].startswith("Teen open mic.")
    assert growingup["/summer/"].startswith("Summer fun")
    assert text["generation"]["/trips/"].startswith("Free trips")
    pages = [
        ("growingup", address)
        for address in ("/summer/", "/summer/bronx-art-camp/", "/programs/", "/about/")
    ] + [("growingup", "/events/"), ("growingup", "/events/teen-open-mic/")]
    pages += [("generation", "/trips/"), ("generation", "/trips/zoo-trip/")]
    for site_key, address in pages:
        page_text = text[site_key][address]
        found = [words for words in FURNITURE if words in page_text]
        assert found == [], (address, page_text)
