"""The row parser on real rows of the shared fixture, on bad rows, and on anything at all."""

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from cms.programs import taxonomy
from cms.programs.models import Program
from cms.programs.parsing import KNOWN_COLUMNS, ParsedRow, Skip, parse_row, program_key
from tests.programs.factories import dataset_row

LANGUAGES = {"en", "es", "zh-hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl"}


def by_id(rows, row_id):
    return next(row for row in rows if row["unique_id_number"] == row_id)


def test_maps_every_field_of_a_real_row(real_rows):
    row = by_id(real_rows, "P085en")

    parsed = parse_row(row, LANGUAGES)

    values = parsed.values
    assert (parsed.locale_code, parsed.program_key) == ("en", "P085")
    assert values["unique_id_number"] == "P085en"
    assert values["program_code"] == "S2R085"
    assert values["source_language"] == "English"
    assert values["program_name"] == "3-K"
    assert values["plain_language_name"] == "Early education for three-year-olds"
    assert values["government_agency"] == "NYC Department of Education (DOE)"
    assert values["program_category"] == "Education"
    assert parsed.shared == {"category": "education", "age_stages": "toddler preschooler"}
    assert values["populations"] == [
        "All New Yorkers, regardless of immigration status",
        "Families with children",
    ]
    assert values["population_served"] == row["population_served"]
    assert values["brief_excerpt"] == row["brief_excerpt"]
    assert values["description"] == row["program_description"]
    assert values["heads_up"].startswith("<p>Apply from January 14, 2026")
    # Links keep their address and get rel="noopener"; target="_blank" goes.
    assert (
        '<a href="https://www.schools.nyc.gov/enrollment/enrollment-help/meeting-student-needs/'
        'students-with-disabilities" rel="noopener">children with disabilities</a>'
    ) in values["eligibility"]
    assert "target" not in values["eligibility"]
    assert values["required_documents"].startswith("<p>View the pre-registration checklist")
    assert "<ul><li>Online with MySchools." in values["how_to_apply_summary"]
    assert values["apply_online"].startswith("<p>Apply on MySchools")
    assert values["apply_in_person"] == clean(row["how_to_apply_or_enroll_in_person"])
    assert values["apply_by_phone"] == clean(row["how_to_apply_or_enroll_by_phone"])
    assert values["online_application_url"] == "https://www.myschools.nyc/en/"
    assert values["get_help_summary"].startswith("<ul><li>Visit the 3-K website")
    assert 'href="http://nyc.gov/3k"' in values["get_help_online"]
    assert 'href="mailto:ES_Enrollment@schools.nyc.gov"' in values["get_help_by_email"]
    assert values["get_help_by_calling_311"] == "<p>Call 311.</p>"
    assert values["updated_at"] == datetime(
        2026, 1, 24, 11, 0, 50, tzinfo=ZoneInfo("America/New_York")
    )


def clean(value):
    from cms.core.sanitise import clean_html

    return clean_html(value)


def test_every_real_row_parses(real_rows):
    parsed = [parse_row(row, LANGUAGES) for row in real_rows]

    assert all(isinstance(item, ParsedRow) for item in parsed)
    categories = {item.shared["category"] for item in parsed}
    assert categories <= {slug for slug, _label in taxonomy.CATEGORIES}
    # Every column the fixture has is one the parser knows.
    assert {column for row in real_rows for column in row} <= KNOWN_COLUMNS


def test_null_literal_and_missing_fields_are_empty(real_rows):
    row = by_id(real_rows, "P142en")  # age_group "NULL"
    assert row["age_group"] == "NULL"

    values = parse_row(row, LANGUAGES).values

    assert values["age_group"] == ""
    assert values["application_forms_url"] == ""  # left out by SODA


def test_caregiver_and_everyone_mean_every_age_stage():
    assert taxonomy.age_stage_slugs("Caregiver") == taxonomy.ALL_AGE_STAGES
    assert taxonomy.age_stage_slugs("Everyone,Teen") == taxonomy.ALL_AGE_STAGES
    assert taxonomy.age_stage_slugs("Pre-Teen, Young Adult,Unknown") == ["preteen", "young-adult"]


def test_populations_keep_values_that_contain_a_comma():
    assert taxonomy.populations(
        "People with disabilities,All New Yorkers, regardless of immigration status,Students"
    ) == [
        "People with disabilities",
        "All New Yorkers, regardless of immigration status",
        "Students",
    ]


def test_program_key_drops_the_language_suffix():
    assert program_key("P085en") == "P085"
    assert program_key("P085zh-hant") == "P085"
    assert program_key("P164") == "P164"


def test_rows_without_id_or_name_are_skipped():
    assert parse_row(dataset_row(1, unique_id_number="NULL"), LANGUAGES) == Skip(
        "", "no unique_id_number"
    )
    assert parse_row(dataset_row(1, program_name=" "), LANGUAGES) == Skip(
        "P001en", "no program_name"
    )


def test_unparseable_fields_are_skipped_with_a_reason():
    assert parse_row(dataset_row(1, updated_at="yesterday"), LANGUAGES).reason.startswith(
        "updated_at is not a date"
    )
    assert parse_row(dataset_row(1, language="Klingon"), LANGUAGES).reason == (
        "unknown language 'Klingon'"
    )
    assert parse_row(dataset_row(1, age_group=["Teen"]), LANGUAGES).reason == (
        "age_group is not text"
    )
    assert parse_row(dataset_row(1, program_acronym="X" * 61), LANGUAGES).reason == (
        "program_acronym is longer than 60 characters"
    )


columns = st.sampled_from(sorted(KNOWN_COLUMNS)) | st.text(max_size=20)
values = st.none() | st.text() | st.integers() | st.lists(st.text(), max_size=2) | st.booleans()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(columns, values) | st.text() | st.lists(st.text(), max_size=3))
def test_the_parser_never_raises(row):
    result = parse_row(row, LANGUAGES)

    assert isinstance(result, ParsedRow | Skip)
    if isinstance(result, Skip):
        assert result.reason


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(KNOWN_COLUMNS)), st.text()))
def test_any_text_in_a_row_with_an_id_and_a_name_parses_or_is_skipped_with_a_reason(extra):
    row = {**dataset_row(1), **extra}

    result = parse_row(row, LANGUAGES)

    assert isinstance(result, ParsedRow | Skip)
    if isinstance(result, ParsedRow):
        assert result.values["program_name"]
        for name in Program.HTML_FIELDS:
            assert "<script" not in result.values[name].lower()
