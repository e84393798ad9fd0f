"""English shown on an Arabic page (an untranslated page's card, menu item or title) is marked
as English and kept left to right, so its punctuation stays at its end: every template family
of both sites, in Arabic, with the demo's content, where most pages are not translated yet."""

import re

import pytest
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cms.core import demo

pytestmark = pytest.mark.django_db

HOSTS = {"growingup": "growingup.localhost", "generation": "generation.localhost"}
# Each site's pages in Arabic, one of each template family. "first:<selector>" follows the
# first link the previous page's cards give (a program, an event), whatever its slug.
PATHS = {
    "growingup": [
        "/ar/",
        "/ar/age-guides/",
        "/ar/age-guides/toddler/",
        "/ar/age-guides/preschooler/",
        "/ar/brain-building-tips/",
        "/ar/programs/",
        "first:.program-card__title a",
        "/ar/events/",
        "first:.event-card__title a",
        "/ar/summer/",
        "/ar/summer/summer-rising/",
        "/ar/about/",
        "/ar/search/?q=swim",
    ],
    "generation": [
        "/ar/",
        "/ar/topics/",
        "/ar/topics/school/",
        "/ar/topics/work/",
        "/ar/trips/",
        "first:.trip-card__title a",
        "/ar/inspirations/",
        "/ar/inspirations/maya/",
        "/ar/programs/",
        "/ar/events/",
        "/ar/search/?q=pay",
    ],
}
LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# A template joins a name and a translated word with these: "Bronx Zoo, برونكس".
JOINS = re.compile(r"[,،·\n]")
# Addresses and e-mail addresses are Latin in every language.
ADDRESS = re.compile(r"https?://\S+|[\w.-]+@[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com)\b\S*")
RIGHT_TO_LEFT = {
    code for code, _name in settings.LANGUAGES if translation.get_language_info(code)["bidi"]
}
NOT_TEXT = {"script", "style", "template", "noscript"}
NOTE = "language-note"


def _nearest(element, attribute):
    for node in [element, *element.parents]:
        if node.get(attribute) is not None:
            return node.get(attribute)
    return ""


def is_isolated(element):
    """True when text in `element` is kept apart from the right-to-left text around it: in a
    <bdi> or a dir="auto" element (a name in any language), or in a left-to-right element
    whose language is a left-to-right one. The language switcher names each language in itself
    (lang on every link)."""
    for node in [element, *element.parents]:
        if node.name == "bdi" or node.get("dir") == "auto":
            return True
        if node.name == "details" and "languages" in node.get("class", []):
            return True
    lang = _nearest(element, "lang").split("-")[0]
    return _nearest(element, "dir") == "ltr" and lang not in RIGHT_TO_LEFT


def is_english(text):
    """True when a part of the text, between the marks templates join names and words with, is
    in Latin letters only. An Arabic sentence may name a program in Latin letters: "برنامج
    Head Start"; the Arabic around it sets its direction."""
    parts = JOINS.split(ADDRESS.sub("", text))
    return any(LATIN_WORD.search(part) and not ARABIC_LETTER.search(part) for part in parts)


def unisolated_latin(html):
    """What an Arabic page shows in Latin letters without saying so: "<tag.class>: text"."""
    body = BeautifulSoup(html, "html.parser").body
    found = []
    for text in body.find_all(string=True):
        element = text.parent
        if isinstance(text, Comment):  # not shown: the page chrome's markers
            continue
        if element.name in NOT_TEXT or not is_english(text):
            continue
        if not is_isolated(element):
            classes = ".".join(element.get("class", []))
            found.append(f"<{element.name}{'.' + classes if classes else ''}>: {text.strip()[:60]}")
    return found


def test_the_checker_finds_english_that_flows_right_to_left():
    page = (
        '<html lang="ar" dir="rtl"><body><p>مرحبا</p><h3><a href="/ar/work/">Work</a></h3>'
        '<p lang="en">Know your pay.</p><p dir="ltr">Know your pay.</p>'
        '<p lang="en" dir="ltr">Know your pay.</p><p>مركز <bdi>Brownsville</bdi></p>'
        '<p>portal.311.nyc.gov</p><script>var x = "text";</script>'
        "<p>برنامج Head Start مجاني</p><p>Bronx Zoo، برونكس</p></body></html>"
    )

    assert unisolated_latin(page) == [
        "<a>: Work",
        "<p>: Know your pay.",
        "<p>: Know your pay.",
        "<p>: Bronx Zoo، برونكس",
    ]


@pytest.fixture
def demo_in_arabic(locales):
    """Both sites with the demo's content, and untranslated Arabic copies of what is English
    only (the demo translates a few pages, programs and tips)."""
    demo.remove_wagtail_placeholder()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    demo.ensure_age_stages()
    from cms.events import demo as events_demo
    from cms.programs import demo as programs_demo
    from sites.generation import demo as generation_demo
    from sites.growingup import demo as growingup_demo

    for module in (growingup_demo, generation_demo, programs_demo, events_demo):
        module.load(lambda message: None)
    synchronize_tree(Locale.get_default(), locales["ar"])


def walk(client, site_key):
    """(path, HTML) of each page in PATHS[site_key]."""
    pages, previous = [], ""
    for path in PATHS[site_key]:
        if path.startswith("first:"):
            link = BeautifulSoup(previous, "html.parser").select_one(path.removeprefix("first:"))
            assert link is not None, f"no {path} on the page before"
            path = link["href"]
        response = client.get(path, HTTP_HOST=HOSTS[site_key])
        assert response.status_code == 200, path
        previous = response.content.decode()
        pages.append((path, previous))
    return pages


@pytest.mark.demo
def test_english_on_arabic_pages_is_marked_and_kept_left_to_right(demo_in_arabic, client):
    found = {}
    notes = {}
    for site_key in PATHS:
        for path, html in walk(client, site_key):
            assert '<html lang="ar" dir="rtl">' in html, path
            if problems := unisolated_latin(html):
                found[f"{site_key} {path}"] = problems
            notes[f"{site_key} {path}"] = BeautifulSoup(html, "html.parser").select(f".{NOTE}")

    assert found == {}, "\n".join(
        f"{page}:\n  " + "\n  ".join(lines) for page, lines in found.items()
    )

    # A listing that shows English entries says so once, before its cards, not on each card.
    toddler = notes["growingup /ar/age-guides/toddler/"]
    assert len(toddler) == 3  # tips, programs and events: each lists some English ones
    assert len(notes["growingup /ar/events/"]) == 1
    # A page shown in English as a whole says so at its top, and its listings need not.
    assert notes["generation /ar/trips/"] == notes["generation /ar/topics/"] == []
    assert len(notes["generation /ar/"]) == 3  # topics, trips and events
    for note in [*toddler, *notes["growingup /ar/events/"]]:
        assert note.get_text(strip=True) == "تظهر بعض العناصر باللغة الإنجليزية حتى تتم ترجمتها."
        assert note.find_parent(class_=re.compile("card")) is None
    # In English, nothing is shown in another language.
    for site_key, path in [("growingup", "/age-guides/toddler/"), ("generation", "/trips/")]:
        html = client.get(path, HTTP_HOST=HOSTS[site_key]).content.decode()
        assert NOTE not in html, path
