"""Elasticsearch in two tiers, as Wagtail and consumerfinance.gov test it.

Without a server: the settings, index settings, mappings, per-locale analyzers and query bodies.
With ELASTICSEARCH_URL answering: one live test class per configured locale backend, which
indexes and queries (refreshing after writes); otherwise they are skipped, saying why."""

import os
import urllib.request

import pytest
from django.conf import settings
from django.test import override_settings
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchResults
from wagtail.models import Page

from cms.core.models import StandardPage
from search import service
from search.backend_settings import backend_name, search_backends
from tests.search.factories import SearchSynonymFactory

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OFFLINE_URL = "http://127.0.0.1:9"  # never contacted: building a client does not connect


def es_backends(url=OFFLINE_URL, plugins=()):
    return search_backends(url, languages=LANGUAGES, index_prefix="test_", plugins=plugins)


def default_analyzer(backend):
    return backend.settings["settings"]["analysis"]["analyzer"]["default"]


EXPECTED_ANALYZERS = {
    "en": {"type": "english"},
    "es": {"type": "spanish"},
    "ru": {"type": "russian"},
    "bn": {"type": "bengali"},
    "fr": {"type": "french"},
    "ar": {"type": "arabic"},
    "zh-hant": {"type": "cjk"},
    "ko": {"type": "cjk"},
    "ht": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    "ur": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    "pl": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
}


def test_without_elasticsearch_the_database_backend_answers():
    assert search_backends("", languages=LANGUAGES) == {
        "default": {"BACKEND": "search.backends.database"}
    }


def test_one_backend_per_locale_beside_the_admin_s_backend():
    backends = es_backends()

    assert set(backends) == {"default"} | {backend_name(code) for code in LANGUAGES}
    assert backends["es_zh_hant"]["INDEX_PREFIX"] == "test_zh_hant_"
    assert "LANGUAGE" not in backends["default"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_locale_s_index_analyses_text_in_its_language(code):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends()):
        backend = get_search_backend(backend_name(code))

    assert default_analyzer(backend) == EXPECTED_ANALYZERS[code]
    # Wagtail's own analyzers for autocomplete are kept beside it.
    assert "edgengram_analyzer" in backend.settings["settings"]["analysis"]["analyzer"]


def test_nori_and_stempel_are_used_when_the_cluster_has_them():
    backends = es_backends(plugins=["analysis-nori", "analysis-stempel"])
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        assert default_analyzer(get_search_backend("es_ko")) == {"type": "nori"}
        assert default_analyzer(get_search_backend("es_pl")) == {"type": "polish"}
        assert default_analyzer(get_search_backend("es_zh_hant")) == {"type": "cjk"}


@override_settings(WAGTAILSEARCH_BACKENDS=es_backends())
def test_page_mapping_has_the_fields_search_filters_on():
    backend = get_search_backend("es_es")
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]

    assert properties["locale_id_filter"] == {"type": "integer"}
    assert properties["path_filter"] == {"type": "keyword"}
    assert "core_standardpage__summary" in properties
    # No per-field analyzer: the index's default (the language's analyzer) applies.
    assert "analyzer" not in properties["core_standardpage__summary"]


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=es_backends())
def test_query_body_scopes_to_the_site_and_the_language(sites, locales):
    backend = get_search_backend("es_es")
    home = sites["growingup"].root_page
    queryset = Page.objects.live().descendant_of(home).filter(locale=locales["es"])

    query = backend.query_compiler_class(queryset, "cuidado infantil").get_query()

    filters = query["bool"]["filter"]
    flat = repr(filters)
    assert f"{{'term': {{'locale_id_filter': {locales['es'].pk}}}}}" in flat
    assert f"{{'prefix': {{'path_filter': '{home.path}'}}}}" in flat
    assert query["bool"]["must"]["multi_match"]["query"] == "cuidado infantil"


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=es_backends())
def test_a_locale_s_index_keeps_only_its_own_language(translated_sites, locales, monkeypatch):
    from tests.core.factories import StandardPageFactory

    english = StandardPageFactory(parent=translated_sites["growingup"].root_page, title="Child")
    spanish = english.copy_for_translation(locales["es"])
    backend = get_search_backend("es_es")
    sent = []
    monkeypatch.setattr(backend, "bulk", lambda es, actions, index: sent.extend(actions))
    monkeypatch.setattr(backend.es, "index", lambda **kwargs: sent.append(kwargs["id"]))
    monkeypatch.setattr(backend.es, "delete", lambda **kwargs: sent.append(kwargs["id"]))
    index = backend.get_index_for_model(StandardPage)

    index.add_items(StandardPage, [english, spanish])
    index.add_item(english)
    index.delete_item(english)

    assert [action["_id"] for action in sent] == [str(spanish.pk)]


def elasticsearch_answers():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        return False, "ELASTICSEARCH_URL is not set"
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True, ""
    except OSError as error:
        return False, f"Elasticsearch at {url} does not answer: {error}"


LIVE, WHY_NOT = elasticsearch_answers()


@pytest.mark.skipif(not LIVE, reason=f"live Elasticsearch tests skipped: {WHY_NOT}")
@pytest.mark.django_db
class LiveBackendTest:
    """Index a page in the backend's language and one in English, then query."""

    code = None

    @pytest.fixture
    def backend(self):
        backends = es_backends(os.environ.get("ELASTICSEARCH_URL", ""))
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            backend = get_search_backend(backend_name(self.code))
            index = backend.get_index_for_model(StandardPage)
            index.reset()
            index.add_model(StandardPage)
            yield backend
            index.delete()

    def test_finds_its_language_s_page_only(self, backend, sites, locales, synced):
        from tests.core.factories import StandardPageFactory

        home = sites["growingup"].root_page
        synced()
        english = StandardPageFactory(parent=home, title="Free summer camp")
        page = english.copy_for_translation(locales[self.code]) if self.code != "en" else english
        index = backend.get_index_for_model(StandardPage)
        index.add_items(StandardPage, [english, page] if page != english else [english])
        index.refresh()

        found = list(backend.search(page.title, Page.objects.filter(locale=locales[self.code])))

        assert [hit.pk for hit in found] == [page.pk]
        if self.code != "en":
            assert list(backend.search(english.title, Page.objects.filter(pk=english.pk))) == []


for _code in LANGUAGES:
    _name = f"TestLive{_code.replace('-', '_').title().replace('_', '')}Backend"
    globals()[_name] = type(_name, (LiveBackendTest,), {"code": _code})


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=es_backends())
def test_the_editors_synonyms_go_to_elasticsearch_with_the_typed_words(sites, locales, monkeypatch):
    """Synonyms are applied by expanding the query (search/backend_settings.py says why)."""
    SearchSynonymFactory(typed="food stamps, foodstamps", official="SNAP")
    sent = []

    def search(results, body, **params):
        sent.append(body["query"])
        return {"hits": {"hits": []}}

    monkeypatch.setattr(Elasticsearch8SearchResults, "_backend_do_search", search)

    service.run_search(service.SearchRequest(q="foodstamps", site_key="growingup", language="en"))

    searched = repr(sent[0])
    assert "'query': 'foodstamps'" in searched
    assert "'query': 'SNAP'" in searched
