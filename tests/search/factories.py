import factory

from search.models import SearchSynonym


class SearchSynonymFactory(factory.django.DjangoModelFactory):
    language = "en"
    typed = "food stamps"
    official = "SNAP"
    kind = SearchSynonym.SYNONYM

    class Meta:
        model = SearchSynonym
