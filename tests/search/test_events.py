"""Events in site search: their age stages label the card and count in the age facet."""

from search import service
from tests.events.conftest import age_stages, event_indexes  # noqa: F401 (fixtures)
from tests.events.factories import make_event


def test_an_event_for_toddlers_shows_toddler_on_its_card_and_in_the_age_facet(
    searchable,
    event_indexes,  # noqa: F811
    age_stages,  # noqa: F811
):
    make_event(event_indexes["growingup"], title="Toddler music hour", age_stage_slugs="toddler")

    outcome = service.run_search(
        service.SearchRequest(q="music hour", site_key="growingup", language="en")
    )

    [card] = [result for result in outcome.results if result.title == "Toddler music hour"]
    assert [name for _slug, name in card.age_stages] == ["Toddler"]
    [age_facet] = [facet for facet in outcome.facets if facet.name == "age"]
    assert [(value.value, value.count) for value in age_facet.values] == [("toddler", 1)]
