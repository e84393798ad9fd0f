"""Search backends: Wagtail's own (modelsearch), each taught one thing about languages.

- `search.backends.database`: the embedded default. On SQLite it indexes CJK character bigrams
  beside the text; on PostgreSQL it also picks a text search configuration per language.
- `search.backends.elasticsearch`: one Elasticsearch backend per locale, whose indexes keep
  only that locale's objects and analyse them with that language's analyzer.

`search.backend_settings.search_backends()` builds WAGTAILSEARCH_BACKENDS from the environment."""

from wagtail.models import Locale

_locale_languages = {}


def language_of(obj):
    """The language code of an object's locale, or None for objects without one (images,
    documents). Locale ids are stable, so they are looked up once per process."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in _locale_languages:
        _locale_languages.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_languages.get(locale_id)
