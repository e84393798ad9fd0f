"""WAGTAILSEARCH_BACKENDS for cms/settings.py. Imported by the settings module, so it imports
nothing from Django or Wagtail.

Without Elasticsearch: one database backend (search.backends.database). With Elasticsearch:
"default" keeps every language for the admin's search, and one backend per locale, named
`es_<code>`, keeps only that language with that language's analyzer.

The editors' synonyms (search.models.SearchSynonym) are applied by search.service expanding the
query, on every backend, rather than by a synonym_graph filter in these index settings: the
settings are fixed when Django starts, while editors change the list at any time (an index's
analyzers change only when it is rebuilt, or through the synonyms API of Elasticsearch 8.10 and
later); and Elasticsearch's language analyzers take no extra filter, so a synonym filter means
re-implementing each of them by hand, which nothing here can check without a cluster. Expanding
the query applies an edit at once, with the same meaning on both backends."""

# Elasticsearch's built-in language analyzers. Korean and Polish get better analyzers from the
# analysis-nori and analysis-stempel plugins when the cluster has them.
BUILT_IN_ANALYZERS = {
    "en": "english",
    "es": "spanish",
    "ru": "russian",
    "bn": "bengali",
    "fr": "french",
    "ar": "arabic",
    "zh-hant": "cjk",
    "ko": "cjk",
}
PLUGIN_ANALYZERS = {"ko": ("analysis-nori", "nori"), "pl": ("analysis-stempel", "polish")}
# Haitian Creole, Urdu and Polish (without stempel): words split on spaces and punctuation,
# lower-cased and folded to ASCII, so "kreyol" finds "kreyòl".
FOLDING_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "asciifolding"],
}


def backend_name(language_code):
    """The WAGTAILSEARCH_BACKENDS key of a locale's Elasticsearch backend."""
    return "es_" + language_code.replace("-", "_")


def analyzer(language_code, plugins=()):
    plugin, plugin_analyzer = PLUGIN_ANALYZERS.get(language_code, (None, None))
    if plugin in plugins:
        return {"type": plugin_analyzer}
    if language_code in BUILT_IN_ANALYZERS:
        return {"type": BUILT_IN_ANALYZERS[language_code]}
    return dict(FOLDING_ANALYZER)


def index_settings(language_code, plugins=()):
    return {"settings": {"analysis": {"analyzer": {"default": analyzer(language_code, plugins)}}}}


def search_backends(elasticsearch_url="", *, languages=(), index_prefix="", timeout=5, plugins=()):
    """The WAGTAILSEARCH_BACKENDS setting for these language codes."""
    if not elasticsearch_url:
        return {"default": {"BACKEND": "search.backends.database"}}
    common = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [elasticsearch_url],
        "TIMEOUT": timeout,
    }
    backends = {"default": {**common, "INDEX_PREFIX": f"{index_prefix}all_"}}
    for code in languages:
        backends[backend_name(code)] = {
            **common,
            "INDEX_PREFIX": f"{index_prefix}{code.replace('-', '_')}_",
            "LANGUAGE": code,
            "INDEX_SETTINGS": index_settings(code, plugins),
        }
    return backends
