"""What a static copy's search page gets to search as the live service does: the editors' rules
of its language, carried by the page, and the site's words for "did you mean" beside it."""

import gzip
import json
import re
from dataclasses import asdict

import pytest
from wagtail.models import Locale

from cms.core.sites import find_site
from cms.publishing.search_index import build_search_index
from search import service
from search.models import SearchSynonym
from tests.growingup.conftest import guides, stages  # noqa: F401 (fixtures)
from tests.search.factories import SearchSynonymFactory

STATIC = {"HTTP_X_STATIC_BUILD": "1"}


def carried_rules(response):
    found = re.search(
        rb'<script id="search-rules" type="application/json">(.*?)</script>', response.content
    )
    return json.loads(found[1]) if found else None


def test_a_static_search_page_carries_the_rules_of_its_language_as_the_service_reads_them(
    searchable, client
):
    SearchSynonymFactory(typed="Food stamps, EBT", official="SNAP")
    SearchSynonymFactory(typed="chidcare", official="child care", kind=SearchSynonym.CORRECTION)
    SearchSynonymFactory(language="es", typed="Guardería", official="cuidado infantil")

    english = carried_rules(client.get("/search/", HTTP_HOST="growingup.localhost", **STATIC))
    spanish = carried_rules(client.get("/es/search/", HTTP_HOST="growingup.localhost", **STATIC))

    assert sorted(english, key=lambda rule: rule["official"].lower()) == [
        {"phrases": ["chidcare"], "official": "child care", "correction": True},
        {"phrases": ["food stamps", "ebt"], "official": "SNAP", "correction": False},
    ]
    assert spanish == [
        {"phrases": ["guarderia"], "official": "cuidado infantil", "correction": False}
    ]
    # One owner: what rewrite() applies is what the page carries.
    assert english == [asdict(rule) for rule in service.rules("en")]
    assert service.rewrite("chidcare", "en").text == "child care"


def test_the_live_search_page_leaves_the_rules_to_the_api(searchable, client):
    SearchSynonymFactory(typed="food stamps", official="SNAP")

    response = client.get("/search/", HTTP_HOST="growingup.localhost")

    assert carried_rules(response) is None


def test_the_words_of_a_site_in_a_language_are_the_ones_did_you_mean_picks_from(searchable, client):
    SearchSynonymFactory(typed="foodstamps", official="SNAP")

    english = client.get("/search/words.json", HTTP_HOST="growingup.localhost").json()
    spanish = client.get("/es/search/words.json", HTTP_HOST="growingup.localhost").json()
    generation = client.get("/search/words.json", HTTP_HOST="generation.localhost").json()

    assert {"child", "care", "snap", "summer", "camp", "foodstamps"} <= set(english)
    assert "jobs" not in english  # a page of the other site
    assert english == sorted(english)
    assert {"encuentre", "cuidado", "infantil"} <= set(spanish)
    assert "child" not in spanish
    assert "jobs" in generation
    site = searchable["child_care"].get_site()
    locale = searchable["child_care"].locale
    assert english == service.known_words(site, locale) == service.vocabulary(site, locale)


def test_a_static_search_result_is_titled_as_the_live_search_card_for_its_page(
    guides,  # noqa: F811
    client,
    tmp_path,
):
    # Pagefind titles a result with the page's first heading unless the page names its title:
    # the toddler guide's heading is "Your toddler: 1 to 3 years", its live card says "Toddler".
    pytest.importorskip("pagefind_bin_extended")
    pages = {"/": guides["home"], "/age-guides/toddler/": guides["toddler"]}
    files = [f"{address.strip('/')}/index.html".lstrip("/") for address in pages]
    for address, file in zip(pages, files, strict=True):
        response = client.get(address, HTTP_HOST="growingup.localhost", **STATIC)
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_bytes(response.content)

    index = build_search_index(tmp_path, files)

    titles = {}
    for path, content in index.items():
        if path.startswith("fragment/"):
            fragment = json.loads(gzip.decompress(content).removeprefix(b"pagefind_dcd"))
            titles[fragment["url"]] = fragment["meta"]["title"]
    describe = service.Describer(find_site("growingup"), Locale.get_default())
    assert titles == {address: describe(page).title for address, page in pages.items()}
    assert titles["/age-guides/toddler/"] == "Toddler"
