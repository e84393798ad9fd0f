"""Wagtail's Elasticsearch 8 backend, one per locale: its indexes keep only objects of their own
language (param LANGUAGE) and analyse text with that language's analyzer (INDEX_SETTINGS, from
search.backend_settings). A backend without LANGUAGE keeps everything (the admin's search)."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8Index, Elasticsearch8SearchBackend

from search.backends import language_of


class LocaleElasticsearchIndex(Elasticsearch8Index):
    # update_index calls add_items directly, and Wagtail's signal handlers call add_item and
    # delete_item: all three must leave out other languages' objects.
    def add_item(self, item):
        if self.backend.keeps(item):
            super().add_item(item)

    def add_items(self, model, items):
        super().add_items(model, [item for item in items if self.backend.keeps(item)])

    def delete_item(self, item):
        if self.backend.keeps(item):
            super().delete_item(item)


class LocaleElasticsearchSearchBackend(Elasticsearch8SearchBackend):
    index_class = LocaleElasticsearchIndex

    def __init__(self, params):
        params = dict(params)
        self.language_code = params.pop("LANGUAGE", None)
        super().__init__(params)

    def keeps(self, obj):
        """A locale's backend keeps its own language's objects only (images and other objects
        without a locale live in the "default" backend)."""
        return self.language_code is None or language_of(obj) == self.language_code


SearchBackend = LocaleElasticsearchSearchBackend
