"""The one age-stage field: programs, events and activities store, filter and name their age
stages the same way, and the migrations carried the three old ways of storing them over."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.core.age_stages import AgeStages, age_stage_filter, stages_in_language
from cms.events.models import EventPage
from cms.programs.models import Program
from sites.growingup.models import ActivityPage
from tests.events.conftest import age_stages, event_indexes  # noqa: F401 (fixtures)
from tests.events.factories import make_event
from tests.growingup.factories import ActivityGuidePageFactory, ActivityPageFactory
from tests.programs.factories import ProgramFactory

# (model, field): every model with age stages.
FIELDS = [
    (Program, "age_stages"),
    (EventPage, "age_stage_slugs"),
    (ActivityPage, "age_stage_slugs"),
]


def test_the_text_forms_of_age_stages_all_read_as_the_same_slugs():
    for text in ["preteen teen", "preteen,teen", ",preteen,teen,", '["preteen", "teen"]']:
        assert AgeStages.parse(text) == ["preteen", "teen"]
    assert AgeStages.parse(["teen", "teen", " "]) == ["teen"]
    assert AgeStages.parse(None) == [] == AgeStages.parse("")
    assert AgeStages(["preteen", "teen"]).stored() == ",preteen,teen,"
    assert AgeStages([]).stored() == ""


@pytest.fixture
def one_of_each(sites, event_indexes, age_stages):  # noqa: F811
    """A program, an event and an activity, each for preteens and teens in one and for
    preteens only in another."""
    guide = ActivityGuidePageFactory(parent=sites["growingup"].root_page)
    for slugs, name in [("preteen teen", "both"), ("preteen", "preteen")]:
        ProgramFactory(plain_language_name=name, age_stages=slugs)
        make_event(event_indexes["growingup"], title=name, age_stage_slugs=slugs)
        ActivityPageFactory(parent=guide, title=name, age_stage_slugs=slugs.split())


@pytest.mark.parametrize(
    ("model", "field"), FIELDS, ids=lambda item: getattr(item, "__name__", item)
)
def test_every_model_keeps_and_filters_age_stages_the_same_way(one_of_each, model, field):
    stored = model.objects.get(**{"plain_language_name" if model is Program else "title": "both"})
    assert getattr(stored, field) == ["preteen", "teen"]
    assert isinstance(getattr(stored, field), AgeStages)

    def names(slug):
        found = model.objects.filter(age_stage_filter(field, slug))
        return sorted(str(item) if model is Program else item.title for item in found)

    # "teen" is not found inside "preteen".
    assert names("teen") == ["both"]
    assert names("preteen") == ["both", "preteen"]
    assert names("toddler") == []


def test_stages_in_language_name_each_stage_in_the_readers_language_or_english(
    age_stages,  # noqa: F811
    locales,
):
    toddler = next(stage for stage in age_stages if stage.slug == "toddler")
    spanish = toddler.copy_for_translation(locales["es"])
    spanish.name = "Niño pequeño"
    spanish.save()

    assert [stage.name for stage in stages_in_language(locales["es"], ["teen", "toddler"])] == [
        "Niño pequeño",
        "Teen",
    ]
    assert len(stages_in_language(locales["en"])) == len(age_stages)


# The migrations that made the field, and what each model stored before them.
BEFORE = {
    "programs": ("0002_run_on_record_and_no_empty_slug", "preteen teen"),
    "events": ("0004_import_run_problems", "preteen,teen"),
    "growingup": ("0002_age_guides_tips_activities", '["preteen", "teen"]'),
}
TABLES = {"programs": Program, "events": EventPage, "growingup": ActivityPage}


def column_values(model, field):
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field).column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
        return sorted(str(value) if isinstance(value, list) else value for (value,) in cursor)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_migrations_carry_the_old_values_over_and_back(one_of_each):
    fields = dict(zip(TABLES, [field for _model, field in FIELDS], strict=True))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([(app, name) for app, (name, _text) in BEFORE.items()])
        for app, (_name, old_text) in BEFORE.items():
            values = column_values(TABLES[app], fields[app])
            # The way back wrote each model's old form (PostgreSQL returns the JSON as a list).
            assert {old_text, str(["preteen", "teen"])} & set(values), values
    finally:
        migrate(latest)
    for app, model in TABLES.items():
        assert column_values(model, fields[app]) == [",preteen,", ",preteen,teen,"]
    assert Program.objects.filter(age_stage_filter("age_stages", "teen")).count() == 1
