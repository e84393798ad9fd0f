"""Each page type and the program say what their search card shows in one explicit method,
`search_card()`, and the service names it in the reader's language."""

import datetime

import pytest
from wagtail.models import get_page_models

from cms.core.models import BasePage
from cms.core.search_card import SearchCard
from cms.programs.models import Program
from search import service
from tests.events.conftest import age_stages, event_indexes  # noqa: F401 (fixtures)
from tests.events.factories import make_event
from tests.programs.factories import ProgramFactory


def test_every_page_type_and_the_program_make_their_own_card():
    for model in [*get_page_models(), Program]:
        if model.__name__ == "Page":
            continue
        assert issubclass(model, BasePage) or model is Program, model
        assert callable(model.search_card), model


@pytest.fixture
def describe(sites, locales, age_stages):  # noqa: F811
    return service.Describer(sites["growingup"], locales["en"])


def test_an_evening_event_card_has_its_ages_borough_and_new_york_date(
    describe,
    event_indexes,  # noqa: F811
    age_stages,  # noqa: F811
):
    # 9 pm in New York is already the next day in UTC.
    evening = datetime.datetime(2026, 12, 10, 2, 0, tzinfo=datetime.UTC)
    event = make_event(
        event_indexes["growingup"],
        title="Family movie night",
        summary="A free movie.",
        age_stage_slugs="preteen,toddler",
        borough="queens",
        starts_at=evening,
        ends_at=evening + datetime.timedelta(hours=2),
    )

    card = event.search_card()
    result = describe(event)

    assert isinstance(card, SearchCard)
    assert (result.title, result.summary) == ("Family movie night", "A free movie.")
    assert [name for _slug, name in result.age_stages] == ["Toddler", "Pre-Teen"]
    assert result.borough == ("queens", "Queens")
    assert result.dates == "Dec. 9, 2026"


def test_a_program_card_has_its_category_and_ages(describe, age_stages):  # noqa: F811
    program = ProgramFactory(
        plain_language_name="Free school meals",
        brief_excerpt="Breakfast and lunch at school.",
        category="food",
        age_stages="teen",
    )

    result = describe(program)

    assert (result.title, result.summary) == ("Free school meals", "Breakfast and lunch at school.")
    assert result.category == ("food", "Food")
    assert [name for _slug, name in result.age_stages] == ["Teen"]
    assert result.borough is None and result.dates == ""
