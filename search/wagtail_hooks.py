from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["typed", "official", "kind", "language"]
    list_filter = ["language", "kind"]
    search_fields = ["typed", "official"]


register_snippet(SearchSynonymViewSet)
