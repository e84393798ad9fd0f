"""What a static copy's search needs besides its Pagefind index: the editors' synonyms and
corrections on each language's search page, and the site's words for "did you mean" beside it,
kept up to date as editors change them."""

import json
import re

import pytest

from search.models import SearchSynonym
from tests.core.factories import StandardPageFactory
from tests.publishing.built import manifest_of
from tests.search.factories import SearchSynonymFactory

pytest.importorskip("pagefind_bin_extended")
pytestmark = pytest.mark.django_db


def rules_on(site_dir, path):
    html = (site_dir / path).read_text()
    return json.loads(re.search(r'id="search-rules" type="application/json">(.*?)<', html)[1])


def words_in(site_dir, path):
    return json.loads((site_dir / path).read_text())


@pytest.fixture
def built(content, build, django_capture_on_commit_callbacks):
    SearchSynonymFactory(typed="daycare", official="child care")
    SearchSynonymFactory(language="es", typed="guarderia", official="cuidado infantil")
    site_dir = build().output_dir

    def change(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return {"dir": site_dir, "change": change, **content}


def test_each_language_gets_its_rules_and_words_beside_its_search_page(built):
    site_dir = built["dir"]

    assert rules_on(site_dir, "search/index.html") == [
        {"phrases": ["daycare"], "official": "child care", "correction": False}
    ]
    assert rules_on(site_dir, "es/search/index.html")[0]["phrases"] == ["guarderia"]
    assert {"about", "daycare", "child", "care"} <= set(words_in(site_dir, "search/words.json"))
    assert "guarderia" in words_in(site_dir, "es/search/words.json")
    outputs = manifest_of(site_dir)["outputs"]
    words = {output["url"]: output["kind"] for output in outputs if "words" in output["url"]}
    assert words == {
        url: "search_words"
        for url in ("/search/words.json", "/es/search/words.json", "/ar/search/words.json")
    }


def test_an_editor_s_new_rule_reaches_the_static_search_page(built):
    site_dir = built["dir"]

    built["change"](
        lambda: SearchSynonymFactory(
            typed="chidcare", official="child care", kind=SearchSynonym.CORRECTION
        )
    )

    assert {"phrases": ["chidcare"], "official": "child care", "correction": True} in rules_on(
        site_dir, "search/index.html"
    )


def test_a_new_page_s_words_are_offered_once_its_language_is_indexed_again(
    built, synced, monkeypatch
):
    from cms.publishing import tasks
    from cms.publishing.build import rebuild_search_index
    from cms.publishing.search_plan import SearchIndexPlan

    site_dir = built["dir"]
    steps = []

    def reindex(site_key, plan):
        report = rebuild_search_index(site_key, plan=plan)
        steps.append((plan, "swimming" in words_in(site_dir, "search/words.json")))
        return report

    monkeypatch.setattr(tasks, "rebuild_search_index", reindex)

    def publish():
        page = StandardPageFactory(
            parent=built["home"], title="Free swimming", slug="swim", live=False
        )
        synced()
        page.save_revision().publish()

    built["change"](publish)

    # Not with the recent-changes index: with the main one, which has its pages.
    assert steps == [(SearchIndexPlan.recent(), False), (SearchIndexPlan.stale(), True)]
