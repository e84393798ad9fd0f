"""Programs from the city's dataset are found on the sites they show on, with each site's
address, as soon as a sync saves them."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core import demo
from cms.programs.models import Program
from cms.programs.sync import ProgramSync
from search import service
from tests.programs.factories import ProgramFactory, ProgramIndexPageFactory

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).parents[2] / "cms/programs/fixtures/kvhd-5fmu.english.json"


@pytest.fixture
def synced_programs(sites, locales):
    demo.ensure_age_stages()
    rows = [
        row
        for row in json.loads(FIXTURE.read_text())
        if row["unique_id_number"] in {"P085en", "P101en", "P060en"}
    ]
    for site in sites.values():
        ProgramIndexPageFactory(parent=site.root_page)
    ProgramSync().apply(rows)


def search(q, site_key, **filters):
    return service.run_search(
        service.SearchRequest(q=q, site_key=site_key, language="en", **filters)
    )


def test_a_sync_makes_programs_findable_on_their_sites(synced_programs):
    growingup = search("education", "growingup")
    generation = search("education", "generation")

    three_k = next(r for r in growingup.results if r.title == "Early education for three-year-olds")
    assert three_k.url.startswith("/programs/")
    assert three_k.type_label == "Program"
    # 3-K is for toddlers and preschoolers: not on the site for 13 to 24 year olds.
    assert [r.title for r in generation.results] == ["Career training for high school students"]
    assert generation.results[0].url.startswith("/programs/")


def test_program_facets_count_categories_and_ages(synced_programs):
    outcome = search("free", "growingup")
    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in outcome.facets}

    assert facets["type"] == {"program": outcome.count}
    assert facets["category"]["education"] == 1
    assert facets["age"]["toddler"] >= 1
    assert all(
        "toddler" in {slug for slug, _name in r.age_stages}
        for r in search("free", "growingup", age="toddler").results
    )


def test_the_api_finds_many_programs_with_no_more_queries_than_one(client, sites, locales):
    """Cards, facets and addresses are read with the candidates, not program by program."""
    for site in sites.values():
        ProgramIndexPageFactory(parent=site.root_page)
    ProgramFactory(plain_language_name="Swimming lessons 0")

    def api_search():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/search", {"q": "swimming"}, HTTP_HOST="growingup.localhost")
        return len(queries), response.json()

    api_search()  # Caches of content types and site roots fill on the first search.
    one, data = api_search()
    assert data["count"] == 1
    for number in range(1, 30):
        # Every other program shows on the other site only: the search leaves it out.
        ProgramFactory(
            plain_language_name=f"Swimming lessons {number}",
            show_on="generation" if number % 2 else "default",
        )

    many, data = api_search()

    assert data["count"] == 15
    assert all(r["url"].startswith("/programs/") and r["category"] for r in data["results"])
    assert many == one


def test_a_site_finds_its_programs_behind_better_matches_shown_on_the_other_site(sites, locales):
    for _ in range(10):
        ProgramFactory(plain_language_name="Swimming swimming swimming", show_on="generation")
    growingup = {ProgramFactory(plain_language_name="Swimming lessons in a pool").pk for _ in "abc"}
    backend = service.search_backend("en")

    # The ten better matches fill more than the first matches read for two results.
    found = backend.search("swimming", Program.objects.live().for_site("growingup"))[:2]

    assert len(found) == 2
    assert {program.pk for program in found} <= growingup
