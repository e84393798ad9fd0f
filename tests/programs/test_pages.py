"""Program pages on both sites: the listing and its filters, the program page, languages."""

import re
from urllib.parse import parse_qsl

import pytest
from wagtail.models import Locale

from cms.core.models import AgeStage
from cms.programs.models import Program, ProgramIndexPage
from tests.programs.factories import dataset_row
from tests.programs.test_sanitise import FORBIDDEN, XSS_CORPUS

pytestmark = pytest.mark.django_db

ROWS = [
    dataset_row(1, program_name="Toddler Food", age_group="Toddler", program_category="Food"),
    dataset_row(2, program_name="Teen Jobs", age_group="Teen,Young Adult", program_category="Work"),
    dataset_row(
        3, program_name="Young Adult Care", age_group="Young Adult", program_category="Health"
    ),
    dataset_row(4, program_name="Everyone Food", age_group="Everyone", program_category="Food"),
    dataset_row(
        1,
        language="Spanish",
        suffix="es",
        program_name="Comida para niños",
        plain_language_program_name="Comida para niños pequeños",
    ),
]


@pytest.fixture
def programs(sync, program_pages):
    for slug, order in [("toddler", 2), ("teen", 6), ("young-adult", 7)]:
        AgeStage.objects.create(
            slug=slug, name=slug.title(), sort_order=order, icon="teen", locale=Locale.get_default()
        )
    sync(ROWS)
    return {p.unique_id_number: p for p in Program.objects.all()}


def titles(response):
    return re.findall(r'class="program-card__title"><a href="[^"]*">([^<]*)</a>', response.text)


def test_each_site_lists_the_programs_for_its_readers(programs, get):
    growingup = get("growingup", "/programs/")
    generation = get("generation", "/programs/")

    assert growingup.status_code == generation.status_code == 200
    assert set(titles(growingup)) == {"Help number 1", "Help number 2", "Help number 4"}
    assert set(titles(generation)) == {"Help number 2", "Help number 3", "Help number 4"}


FILTERS = [
    ("?category=food", {"Help number 1", "Help number 4"}),
    ("?age=toddler", {"Help number 1", "Help number 4"}),
    ("?age=teen&category=work", {"Help number 2"}),
    ("?q=jobs", {"Help number 2"}),
    ("?q=TEEN+jobs&category=", {"Help number 2"}),
    ("?q=nothing-like-this", set()),
    ("?category=not-a-category", {"Help number 1", "Help number 2", "Help number 4"}),
]


def test_the_listing_filters_through_the_query_string(programs, get):
    for query, expected in FILTERS:
        response = get("growingup", f"/programs/{query}")

        assert set(titles(response)) == expected, query
        assert 'method="get"' in response.text


def listing_js_shows(items, query):
    """The titles core/listing.js shows for a query string: its rules, applied to the JSON."""
    shown = []
    for item in items:
        keep = True
        for name, value in parse_qsl(query.lstrip("?")):
            if name == "q":
                keep &= all(word in item["text"].lower() for word in value.lower().split())
            else:
                keep &= value in item["facets"][name]
        if keep:
            shown.append(re.search(r'">([^<]*)</a>', item["html"]).group(1))
    return set(shown)


def test_the_json_filters_to_the_same_programs_as_the_server(programs, get):
    response = get("growingup", "/programs/programs.json")
    items = response.json()["items"]

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert len(items) == 3
    assert 'href="/programs/toddler-food/"' in items[0]["html"] + items[1]["html"]
    # The listing page points its script at the file, and the static build writes it.
    page = get("growingup", "/programs/").text
    assert 'data-items="/programs/programs.json"' in page
    for query, expected in FILTERS:
        if "not-a-category" not in query:  # the browser cannot choose an unknown value
            assert listing_js_shows(items, query) == expected, query


def test_the_json_search_text_holds_what_the_server_searches(programs, get):
    program = programs["P004en"]
    program.description = "<p>Bring a <b>library card</b>.</p>"
    program.government_agency = "Department for the Aging"
    program.save()

    items = get("growingup", "/programs/programs.json").json()["items"]

    text = next(item["text"] for item in items if "Help number 4" in item["html"])
    assert "Bring a library card." in text
    assert "Department for the Aging" in text
    assert "<b>" not in text


def test_the_filter_form_keeps_its_state_and_offers_a_way_back(programs, get):
    response = get("growingup", "/programs/?category=food&q=help")

    assert '<option value="food" selected>' in response.text
    assert 'value="help"' in response.text
    assert "Clear filters" in response.text


def test_a_spanish_listing_shows_spanish_programs_and_english_ones_marked_as_english(
    programs, synced, get
):
    synced()
    response = get("growingup", "/es/programs/")
    untranslated = get("growingup", "/fr/programs/")

    assert "Comida para niños pequeños" in response.text
    assert 'href="/es/programs/toddler-food/"' in response.text
    english_card = response.text.split("Help number 4")[0].rsplit("<article", 1)[1]
    # The listing itself is not translated: its content is English, Spanish cards say so.
    content = response.text.split('<div lang="en" dir="ltr">')[1]
    assert "lang=" not in english_card.split(">")[0]
    spanish_card = content.split("Comida para niños pequeños")[0].rsplit("<article", 1)[1]
    assert 'lang="es" dir="ltr"' in spanish_card
    untranslated_content = untranslated.text.split('<div lang="en" dir="ltr">')[1]
    assert 'lang="en"' not in untranslated_content.split("</main>")[0]


def test_the_program_page_has_the_sections_a_parent_expects(programs, get):
    program = programs["P001en"]
    program.heads_up = "<p>Bring your ID.</p>"
    program.required_documents = "<ul><li>Proof of address</li></ul>"
    program.get_help_summary = "<p>Call us.</p>"
    program.save()

    response = get("growingup", "/programs/toddler-food/")

    text = response.text
    assert response.status_code == 200
    for heading in [
        "What it is",
        "Heads up",
        "Who is eligible",
        "What you need",
        "How to apply",
        "Get help",
        "Related programs",
    ]:
        assert f">{heading}</h2>" in text, heading
    assert (
        '<a class="button" href="https://example.org/apply" rel="noopener">Apply online</a>' in text
    )
    assert "Last updated at the source on" in text
    # Related: the other food program on this site, never the program itself.
    related = text.split('id="related"')[1]
    assert "Help number 4" in related and "Help number 1" not in related


def test_a_program_page_in_spanish_and_in_a_language_without_a_translation(programs, synced, get):
    synced()
    spanish = get("growingup", "/es/programs/toddler-food/")
    french = get("growingup", "/fr/programs/toddler-food/")

    assert "Comida para niños pequeños" in spanish.text
    assert french.status_code == 200
    # The programs page is not translated into French either: all its content is English.
    assert '<div lang="en" dir="ltr">' in french.text
    assert '<article class="program">' in french.text


def test_a_program_not_shown_on_a_site_has_no_page_there(programs, get):
    programs["P002en"].hidden_on_growingup = True
    programs["P002en"].save()

    assert get("generation", "/programs/toddler-food/").status_code == 404
    assert get("growingup", "/programs/teen-jobs/").status_code == 404
    assert get("growingup", "/programs/no-such-program/").status_code == 404
    assert get("generation", "/programs/teen-jobs/").status_code == 200


def test_url_on_site_is_in_the_programs_language(programs, synced, program_pages):
    synced()
    growingup = program_pages["growingup"].get_site()
    spanish = Program.objects.get(unique_id_number="P001es")

    assert ProgramIndexPage.url_for(programs["P001en"], growingup).endswith(
        "/programs/toddler-food/"
    )
    assert ProgramIndexPage.url_for(spanish, growingup).endswith("/es/programs/toddler-food/")


def test_the_queryset_api_other_packages_use(programs, locales):
    programs["P004en"].featured = True
    programs["P004en"].save()

    listed = Program.objects.live().in_locale(locales["es"]).for_site("growingup")

    assert [p.unique_id_number for p in listed.for_age_stage("toddler").featured_first()] == [
        "P004en",
        "P001es",
    ]
    assert not Program.objects.for_age_stage("teen").filter(unique_id_number="P001en").exists()


def test_static_site_paths_list_the_listing_and_each_program_page(programs, synced, program_pages):
    synced()
    spanish_page = program_pages["generation"].get_translation(
        Locale.objects.get(language_code="es")
    )

    paths = list(spanish_page.specific.static_site_paths())

    assert paths[:2] == ["", "programs.json"]
    assert sorted(paths[2:]) == ["everyone-food/", "teen-jobs/", "young-adult-care/"]


def test_no_script_from_any_html_field_reaches_the_page(sync, program_pages, get):
    attack = "".join(XSS_CORPUS)
    row = dataset_row(9, program_name="Safe Program", age_group="Everyone")
    from cms.programs.parsing import HTML_COLUMNS, TEXT_COLUMNS, URL_COLUMNS

    for column in HTML_COLUMNS:
        row[column] = f"<p>{column} starts.</p>{attack}"
    for column in URL_COLUMNS:
        row[column] = "javascript:alert(1)"
    for column in set(TEXT_COLUMNS) - {"language", "program_name", "program_category", "age_group"}:
        row[column] = f"{column[:8]} <img src=x onerror=alert(1)><script>alert(1)</script>"
    sync([row])

    text = get("growingup", "/programs/safe-program/").text
    main = text.split('<main id="main"')[1].split("</main>")[0].lower()

    assert "what it is" in main
    for column in HTML_COLUMNS:
        assert f"{column} starts." in main
    for forbidden in FORBIDDEN:
        assert forbidden not in main, forbidden


def test_a_program_page_links_its_own_translations_not_the_listing(programs, synced, get):
    synced()

    response = get("growingup", "/es/programs/toddler-food/")

    switcher = dict(
        (code, url)
        for url, code in re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang=', response.text)
    )
    assert switcher["en"] == "/programs/toddler-food/"
    assert switcher["ar"] == "/ar/programs/toddler-food/"
    assert (
        '<link rel="canonical" href="http://growingup.localhost/programs/toddler-food/">'
        in response.text
    )
