"""/search/ on both sites, in every language, with the plain form (no JavaScript)."""

import pytest

from search.models import SearchSynonym
from tests.search.factories import SearchSynonymFactory

pytestmark = pytest.mark.django_db


def test_every_page_links_to_search_in_the_reader_s_language(get, translated_sites):
    assert 'href="/search/"' in get("growingup", "/").content.decode()
    assert 'href="/es/search/"' in get("growingup", "/es/").content.decode()


def test_the_plain_form_shows_result_cards_and_facets(get, searchable):
    html = get("growingup", "/search/?q=free").content.decode()

    assert 'name="q"' in html and 'value="free"' in html
    assert "3 results for “free”" in html
    assert '<a href="/find-child-care/">Find child care</a>' in html
    assert 'href="?q=free&amp;type=standardpage"' in html
    assert "Summer jobs for teens" not in html


def test_choosing_a_facet_marks_it_and_offers_to_clear_it(get, searchable):
    html = get("growingup", "/search/?q=free&type=standardpage").content.decode()

    assert 'href="?q=free" aria-current="true"' in html
    assert "Clear all filters" in html


def test_arabic_search_page_is_right_to_left(get, searchable):
    html = get("growingup", "/ar/search/?q=free").content.decode()

    assert '<html lang="ar" dir="rtl">' in html


def test_nothing_found_suggests_topics_and_311(get, searchable):
    searchable["camp"].show_in_menus = True
    searchable["camp"].save()

    html = get("growingup", "/search/?q=zzzzqqq").content.decode()

    assert "We found nothing for “zzzzqqq”" in html
    assert '<li><a href="/free-summer-camp/">Free summer camp</a></li>' in html
    assert 'href="tel:311"' in html


def test_the_page_says_when_it_searched_for_corrected_words(get, searchable):
    SearchSynonymFactory(typed="chidcare", official="child care", kind=SearchSynonym.CORRECTION)

    html = get("growingup", "/search/?q=chidcare").content.decode()

    assert "Showing results for <strong>child care</strong>" in html
    assert "Find child care" in html


def test_the_page_tells_its_script_where_to_search(get, sites, settings):
    settings.SEARCH_API_URL = "https://cms.example.org/api/search"

    html = get("growingup", "/es/search/").content.decode()

    assert 'data-api-url="https://cms.example.org/api/search"' in html
    assert 'data-pagefind-url="/pagefind/pagefind.js"' in html


def test_a_static_copy_searches_with_pagefind_unless_an_api_is_configured(get, sites, settings):
    settings.SEARCH_API_URL = ""
    live = get("growingup", "/search/").content.decode()
    static = get("growingup", "/search/", HTTP_X_STATIC_BUILD="1").content.decode()

    assert 'data-api-url="/api/search"' in live
    assert 'data-api-url=""' in static

    settings.SEARCH_API_URL = "https://cms.example.org/api/search"
    static = get("growingup", "/search/", HTTP_X_STATIC_BUILD="1").content.decode()

    assert 'data-api-url="https://cms.example.org/api/search"' in static


def test_only_a_static_copy_asks_its_script_to_search_in_place(get, sites):
    """The live page answers ?q= itself; a static copy's script reads it and searches."""
    live = get("growingup", "/search/").content.decode()
    static = get("growingup", "/search/", HTTP_X_STATIC_BUILD="1").content.decode()

    assert "data-static" not in live
    assert "data-static" in static
