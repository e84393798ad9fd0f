"""What residents find: scoped by site and language, with the editors' synonyms, spelling help
and facets, on the embedded database backend."""

import pytest
from django.db import connection

from search import service
from search.models import SearchSynonym
from tests.search.factories import SearchSynonymFactory


def titles(q, site_key="growingup", language="en", **filters):
    outcome = service.run_search(
        service.SearchRequest(q=q, site_key=site_key, language=language, **filters)
    )
    return [result.title for result in outcome.results]


def test_a_site_never_shows_the_other_sites_pages(searchable):
    assert titles("summer", "growingup") == ["Free summer camp"]
    assert titles("summer", "generation") == ["Summer jobs for teens"]


def test_each_language_finds_its_own_pages(searchable):
    assert titles("cuidado infantil", language="es") == ["Encuentre cuidado infantil"]
    assert titles("cuidado infantil", language="en") == []
    assert titles("child care", language="es") == []


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        # Two characters from the middle of 兒童照顧計劃 (child care programme).
        ("zh-hant", "照顧", "兒童照顧計劃"),
        ("zh-hant", "兒童照顧", "兒童照顧計劃"),
        # 어린이 (child) is glued to 집 (house) in 어린이집 (daycare centre).
        ("ko", "어린이", "어린이집 찾기"),
        # 아이 (child) carries the object particle in the text: 아이를.
        ("ko", "아이 돌보는", "어린이집 찾기"),
    ],
)
def test_chinese_and_korean_queries_find_words_inside_longer_runs(
    searchable, language, typed, expected
):
    assert titles(typed, language=language) == [expected]


def test_a_synonym_finds_the_official_name(searchable):
    assert titles("food stamps") == []
    SearchSynonymFactory(typed="food stamps, foodstamps", official="SNAP")

    assert titles("food stamps") == ["SNAP benefits"]
    assert titles("foodstamps") == ["SNAP benefits"]
    # Spanish has its own list.
    assert titles("food stamps", language="es") == []


def test_a_correction_replaces_a_misspelling_and_says_so(searchable):
    SearchSynonymFactory(
        typed="daycare, day care", official="child care", kind=SearchSynonym.CORRECTION
    )

    outcome = service.run_search(
        service.SearchRequest(q="Daycare", site_key="growingup", language="en")
    )

    assert [result.title for result in outcome.results] == ["Find child care"]
    assert outcome.searched_for == "child care"


def test_did_you_mean_corrects_a_typo_from_the_site_s_own_words(searchable):
    outcome = service.run_search(
        service.SearchRequest(q="sumer camp", site_key="growingup", language="en")
    )

    assert outcome.suggestion == outcome.searched_for == "summer camp"
    assert [result.title for result in outcome.results] == ["Free summer camp"]


def test_many_words_typed_the_way_parents_type_still_find_the_page(searchable):
    assert titles("my toddler isnt talking")[0] == "When your toddler is not talking yet"


def test_facets_count_results_by_type_and_filter_them(searchable):
    outcome = service.run_search(
        service.SearchRequest(q="free", site_key="growingup", language="en")
    )
    type_facet = {facet.name: facet for facet in outcome.facets}["type"]

    assert [(value.value, value.count) for value in type_facet.values] == [("standardpage", 3)]
    assert titles("free", type="program") == []
    assert len(titles("free", type="standardpage")) == 3


def test_results_are_paged(searchable, monkeypatch):
    monkeypatch.setattr(service, "PAGE_SIZE", 2)

    first = service.run_search(service.SearchRequest(q="free", site_key="growingup", language="en"))
    second = service.run_search(
        service.SearchRequest(q="free", site_key="growingup", language="en", page=2)
    )

    assert (first.count, first.page_count, len(first.results), len(second.results)) == (3, 2, 2, 1)
    assert not {r.url for r in first.results} & {r.url for r in second.results}


def test_autocomplete_completes_titles_of_the_site(searchable):
    found = service.suggestions("chi", "growingup", "en")

    assert [result.title for result in found] == ["Find child care"]
    assert service.suggestions("chi", "generation", "en") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL text search configurations"
)
def test_postgresql_stems_each_language_with_its_own_configuration(searchable):
    assert service.search_backend("es").config == "spanish"
    assert service.search_backend("ko").config == "simple"
    # Plural forms reach the singular: English "camps", Spanish "infantiles".
    assert titles("camps") == ["Free summer camp"]
    assert titles("cuidados infantiles", language="es") == ["Encuentre cuidado infantil"]
