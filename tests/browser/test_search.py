"""The search page on a small phone: as-you-type suggestions in the combobox pattern, and
axe with the suggestions open, in English and Arabic; on a static copy, the Pagefind index."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pages(translated_sites, locales):
    home = translated_sites["growingup"].root_page
    StandardPageFactory(parent=home, title="Find child care", summary="Free child care.")
    StandardPageFactory(parent=home, title="Children's museum", summary="Free on Fridays.")
    arabic_home = home.get_translation(locales["ar"])
    StandardPageFactory(
        parent=arabic_home, title="رعاية الأطفال", summary="رعاية مجانية.", locale=locales["ar"]
    )


@pytest.mark.parametrize(("code", "typed"), [("en", "chi"), ("ar", "رعا")])
def test_suggestions_open_as_you_type_and_the_page_stays_accessible(
    pages, phone, site_url, assert_accessible, screenshot, code, typed
):
    phone.goto(site_url("growingup", "/search/" if code == "en" else f"/{code}/search/"))
    box = phone.get_by_role("combobox")
    box.press_sequentially(typed)

    listbox = phone.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert phone.get_by_role("option").count() >= 1
    # The results under the box were updated too, without leaving the page.
    assert phone.locator("#search-results .result-card").count() >= 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"search-suggestions-{code}")


def test_keyboard_picks_a_suggestion(pages, phone, site_url):
    phone.goto(site_url("growingup", "/search/"))
    box = phone.get_by_role("combobox")
    box.press_sequentially("child")
    phone.get_by_role("option").first.wait_for()

    box.press("ArrowDown")
    first = phone.get_by_role("option").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    address = first.get_attribute("data-url")
    box.press("Enter")
    phone.wait_for_url(f"**{address}")


def test_the_form_works_without_script(pages, browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(site_url("growingup", "/search/"))
    page.get_by_label("What are you looking for?").fill("museum")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=museum")
    assert page.get_by_role("link", name="Children's museum").is_visible()
    context.close()


def test_on_the_live_site_enter_still_asks_the_server(pages, phone, site_url):
    """The live page renders a submitted search itself (facets, pages of results): the script
    leaves the form's GET alone there."""
    phone.goto(site_url("growingup", "/search/"))
    phone.evaluate("window.sameDocument = true")
    box = phone.get_by_role("combobox")
    box.fill("museum")
    with phone.expect_navigation():
        box.press("Enter")

    assert query_in_address(phone) == "museum"
    assert phone.evaluate("window.sameDocument") is None
    assert phone.get_by_role("link", name="Children's museum").is_visible()
    expect(box).to_have_value("museum")


def test_a_static_copy_of_the_site_searches_its_pagefind_index(pages, phone, static_copy):
    """Without a search API (the static host answers its address with the 404 page), the box
    finds pages in the site's Pagefind index, searched in the page: no web worker to load."""
    fetched = []
    phone.on("response", lambda response: fetched.append(response.url))
    phone.goto(f"{static_copy()}/search/")
    phone.get_by_role("combobox").fill("museum")

    phone.locator("#search-results .result-card").first.wait_for()
    assert phone.locator("#search-results .result-card__title").all_inner_texts() == [
        "Children's museum"
    ]
    assert any("/pagefind/" in url for url in fetched)
    assert not any("pagefind-worker" in url for url in fetched)


def test_a_static_copy_fetches_the_text_of_the_results_shown_only(
    translated_sites, phone, static_copy, assert_accessible
):
    """Pagefind's runtime loads as the box gets the focus; each result shown is a download, so
    five come first and "More results" brings the next ones, with the focus on the first."""
    home = translated_sites["growingup"].root_page
    for number in range(1, 8):
        StandardPageFactory(parent=home, title=f"Museum day {number}", summary="Free entry.")
    fetched = []
    phone.on("response", lambda response: fetched.append(response.url))
    phone.goto(f"{static_copy()}/search/")
    box = phone.get_by_role("combobox")
    with phone.expect_response("**/pagefind/wasm.*"):
        box.focus()

    box.fill("museum day")
    cards = phone.locator("#search-results .result-card")
    cards.nth(4).wait_for()
    assert phone.locator("#search-results h2").inner_text() == "Results: 7"
    assert cards.count() == 5
    assert len([url for url in fetched if "/pagefind/fragment/" in url]) == 5
    assert_accessible(phone)

    phone.get_by_role("button", name="More results").click()
    cards.nth(6).wait_for()
    assert cards.count() == 7
    assert phone.get_by_role("button", name="More results").count() == 0
    assert cards.nth(5).get_by_role("link").evaluate("link => link === document.activeElement")


def test_a_static_copy_finds_a_page_changed_since_its_index_was_built(
    pages, phone, static_copy, tmp_path, settings, search_reindex_held_back
):
    """Right after a publish, before its language is indexed again, the page is found by its
    new words through the recent-changes index, and its old version is not shown beside it."""
    from cms.core.models import StandardPage

    address = static_copy()
    settings.STATIC_BUILD_DIR = tmp_path
    museum = StandardPage.objects.get(title="Children's museum")
    museum.title = "Children's museum and zoo"
    museum.save_revision().publish()
    assert (tmp_path / "growingup/pagefind-recent").is_dir()
    fetched = []
    phone.on("response", lambda response: fetched.append(response.url))
    phone.goto(f"{address}/search/")
    box = phone.get_by_role("combobox")
    titles = phone.locator("#search-results .result-card__title")

    for word in ("zoo", "museum"):
        box.fill(word)
        phone.wait_for_url(f"**/search/?q={word}")  # once its results are shown
        assert titles.all_inner_texts() == ["Children's museum and zoo"]
    assert any("/pagefind-recent/" in url for url in fetched)


# On a static copy the file server ignores the query string: the script reads `?q=` itself,
# keeps the query in the box and in the address, and searches in place on Enter and Search.
QUERIES = {
    "en": [
        ("snap", ["SNAP food benefits", "SNAP at farmers markets", "Apply for SNAP online"]),
        ("museum", ["Museum passes"]),
    ],
    "es": [
        ("snap", ["Beneficios de SNAP", "SNAP en los mercados", "Solicite SNAP en línea"]),
        ("museo", ["Pases para el museo"]),
    ],
    "ar": [
        ("snap", ["مساعدات SNAP الغذائية", "SNAP في أسواق المزارعين", "قدّم طلب SNAP عبر الإنترنت"]),
        ("متحف", ["تذاكر متحف الأطفال"]),
    ],
}


@pytest.fixture
def searchable_copy(translated_sites, locales, static_copy):
    home = translated_sites["growingup"].root_page
    for code, queries in QUERIES.items():
        parent = home if code == "en" else home.get_translation(locales[code])
        titles = [title for _, found in queries for title in found]
        for number, title in enumerate(titles):
            StandardPageFactory(
                parent=parent, title=title, slug=f"page-{number}", locale=locales[code]
            )
    # One English page not translated yet, shown in English on the Arabic site.
    museum = home.get_children().get(title="Museum passes")
    museum.create_alias(
        parent=home.get_translation(locales["ar"]),
        update_locale=locales["ar"],
        update_slug="museum",
    )
    return static_copy(list(QUERIES))


def search_address(site, code, q=""):
    prefix = "" if code == "en" else f"/{code}"
    return f"{site}{prefix}/search/" + (f"?{urlencode({'q': q})}" if q else "")


def query_in_address(page):
    return parse_qs(urlsplit(page.url).query).get("q", [""])[0]


def wait_for_query(page, q):
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("q") == [q])


def assert_results(page, titles):
    shown = page.locator("#search-results .result-card__title")
    expect(shown).to_have_count(len(titles))
    assert sorted(shown.all_inner_texts()) == sorted(titles)


@pytest.mark.parametrize("code", list(QUERIES))
def test_a_shared_search_link_shows_its_results_on_a_static_copy(
    searchable_copy, phone, assert_accessible, code
):
    (q, titles), _ = QUERIES[code]
    phone.goto(search_address(searchable_copy, code, q))

    assert_results(phone, titles)
    expect(phone.get_by_role("combobox")).to_have_value(q)
    assert query_in_address(phone) == q
    assert_accessible(phone)


def test_english_results_on_an_arabic_static_copy_read_left_to_right(searchable_copy, phone):
    # The English pages not translated yet are in the Arabic index, in English.
    phone.goto(search_address(searchable_copy, "ar", "passes"))
    assert_results(phone, ["Museum passes"])
    card = phone.locator("#search-results .result-card")
    for part in (card.locator(".result-card__title a"), card.locator(".result-card__summary")):
        assert part.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert phone.locator("html").get_attribute("dir") == "rtl"


@pytest.mark.parametrize("code", list(QUERIES))
def test_enter_and_the_search_button_search_in_place_on_a_static_copy_and_back_returns(
    searchable_copy, phone, assert_accessible, screenshot, code
):
    (first, first_titles), (second, second_titles) = QUERIES[code]
    phone.goto(search_address(searchable_copy, code))
    # Gone if the page reloads.
    phone.evaluate("window.sameDocument = true")
    box = phone.get_by_role("combobox")

    box.fill(first)
    box.press("Enter")
    wait_for_query(phone, first)
    assert_results(phone, first_titles)
    expect(box).to_have_value(first)
    expect(phone.get_by_role("listbox")).to_be_hidden()

    box.fill(second)
    phone.locator(".search-form__button").click()
    wait_for_query(phone, second)
    assert_results(phone, second_titles)
    expect(box).to_have_value(second)
    assert phone.evaluate("window.sameDocument") is True
    assert_accessible(phone)
    screenshot(phone, f"static-search-submitted-{code}")

    phone.go_back()
    wait_for_query(phone, first)
    assert_results(phone, first_titles)
    expect(box).to_have_value(first)
    phone.go_forward()
    wait_for_query(phone, second)
    assert_results(phone, second_titles)
    expect(box).to_have_value(second)
    assert phone.evaluate("window.sameDocument") is True


@pytest.mark.parametrize("code", ["en", "ar"])
def test_suggestions_leave_the_first_results_uncovered_on_a_phone(
    searchable_copy, phone, assert_accessible, screenshot, code
):
    (q, titles), _ = QUERIES[code]
    phone.goto(search_address(searchable_copy, code))
    box = phone.get_by_role("combobox")
    box.press_sequentially(q)
    listbox = phone.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(len(titles))
    assert_results(phone, titles)

    suggestions = listbox.bounding_box()
    bottom = suggestions["y"] + suggestions["height"]
    for shown in ("#search-results h2", "#search-results .result-card >> nth=0"):
        box_of = phone.locator(shown).bounding_box()
        assert bottom <= box_of["y"], (shown, suggestions, box_of)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"static-search-suggestions-{code}")


# The editors' synonyms and corrections, and "did you mean", on a static copy: search.js does
# what the query service does, with the rules the search page carries and the site's words.
@pytest.fixture
def copy_with_rules(translated_sites, static_copy):
    from search.models import SearchSynonym
    from tests.search.factories import SearchSynonymFactory

    home = translated_sites["growingup"].root_page
    StandardPageFactory(parent=home, title="SNAP benefits", summary="Money for groceries.")
    StandardPageFactory(parent=home, title="Find child care", summary="Free child care.")
    StandardPageFactory(parent=home, title="Children's museum", summary="Free on Fridays.")
    SearchSynonymFactory(typed="food stamps, foodstamps, ebt", official="SNAP")
    SearchSynonymFactory(
        typed="chidcare, childcar", official="child care", kind=SearchSynonym.CORRECTION
    )
    return static_copy()


def test_a_synonym_finds_the_official_words_on_a_static_copy(copy_with_rules, phone):
    phone.goto(search_address(copy_with_rules, "en", "food stamps"))

    assert_results(phone, ["SNAP benefits"])
    expect(phone.locator("#search-results .search-correction")).to_have_count(0)


@pytest.mark.parametrize(
    ("typed", "first", "said"),
    [
        # An editor's correction.
        ("chidcare", "Find child care", "Showing results for child care."),
        # No page has all the words: the closest of the site's words are searched instead.
        ("musem", "Children's museum", "Showing results for museum."),
        ("chld care", "Find child care", "Showing results for child care."),
    ],
)
def test_a_misspelling_is_corrected_and_says_so_on_a_static_copy(
    copy_with_rules, phone, assert_accessible, screenshot, typed, first, said
):
    phone.goto(search_address(copy_with_rules, "en", typed))

    expect(phone.locator("#search-results .search-correction")).to_have_text(said)
    assert phone.locator("#search-results .result-card__title").first.inner_text() == first
    expect(phone.get_by_role("combobox")).to_have_value(typed)
    assert_accessible(phone)
    screenshot(phone, f"static-search-corrected-{typed.replace(' ', '-')}")


def test_did_you_mean_offers_a_known_word_when_little_is_found_on_a_static_copy(
    copy_with_rules, phone, assert_accessible
):
    phone.goto(search_address(copy_with_rules, "en", "museums"))
    assert_results(phone, ["Children's museum"])
    offer = phone.locator("#search-results .search-correction")
    expect(offer).to_have_text("Did you mean museum?")
    assert_accessible(phone)

    offer.get_by_role("link", name="museum").click()
    wait_for_query(phone, "museum")
    expect(phone.get_by_role("combobox")).to_have_value("museum")
    assert_results(phone, ["Children's museum"])
    expect(offer).to_have_count(0)
