"""Applying dataset rows: creating, updating, idempotence, editors' fields, retire and revive,
translations in either order, skipped rows and all-or-nothing runs."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cms.programs.models import Program, ProgramSyncRun
from cms.programs.soda import SchemaError, SodaClient, SyncError
from cms.programs.sync import ProgramSync, sync_programs
from tests.programs.factories import dataset_row

pytestmark = pytest.mark.django_db


def english(number=1, **columns):
    return dataset_row(number, **columns)


def spanish(number=1, **columns):
    columns.setdefault("plain_language_program_name", f"Ayuda número {number}")
    return dataset_row(number, language="Spanish", suffix="es", **columns)


def program_revisions():
    return Revision.objects.filter(content_type__model="program").count()


def test_imports_the_real_programs_live_with_a_revision_each(sync, real_rows):
    report = sync(real_rows)

    assert report.counts() == {
        "created": 43,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "retired": 0,
        "revived": 0,
    }
    three_k = Program.objects.get(unique_id_number="P085en")
    assert three_k.live and three_k.slug == "3-k" and three_k.category == "education"
    assert three_k.age_stage_slugs == ["toddler", "preschooler"]
    assert three_k.revisions.count() == 1
    assert Program.objects.live().count() == 43


def test_a_second_run_changes_nothing_and_writes_no_revision(sync, real_rows):
    sync(real_rows)
    revisions = program_revisions()

    report = sync(real_rows, full=True)

    assert report.unchanged == 43
    assert not report.changed
    assert program_revisions() == revisions


def test_a_changed_row_is_updated_with_a_new_revision(sync):
    sync([english(1)])

    report = sync([english(1, brief_excerpt="New words.", age_group="Teen")])

    program = Program.objects.get()
    assert (report.updated, program.brief_excerpt, program.age_stages) == (1, "New words.", "teen")
    assert program.revisions.count() == 2
    assert program.shows_on_generation


def test_editors_fields_survive_a_sync(sync):
    sync([english(1)])
    program = Program.objects.get()
    program.local_note = "Ask for the Bronx office."
    program.featured = True
    program.show_on = "generation"
    program.hidden_on_generation = True
    program.save()

    sync([english(1, brief_excerpt="Changed at the source.")], full=True)

    program.refresh_from_db()
    assert program.brief_excerpt == "Changed at the source."
    assert program.local_note == "Ask for the Bronx office."
    assert (program.featured, program.show_on, program.hidden_on_generation) == (
        True,
        "generation",
        True,
    )
    assert not program.shows_on_growingup and not program.shows_on_generation


def test_a_full_sync_retires_absent_programs_and_revives_them_when_they_return(sync):
    sync([english(1), english(2)])

    retired = sync([english(1)], full=True)
    assert retired.retired == 1
    gone = Program.objects.get(unique_id_number="P002en")
    assert not gone.live  # unpublished, never deleted

    revived = sync([english(1), english(2)], full=True)
    assert (revived.revived, revived.unchanged) == (1, 1)
    gone.refresh_from_db()
    assert gone.live


def test_an_incremental_sync_retires_nothing(sync):
    sync([english(1), english(2)])

    assert sync([english(1)]).retired == 0
    assert Program.objects.live().count() == 2


def test_a_skipped_row_does_not_retire_its_program(sync):
    sync([english(1), english(2)])

    report = sync([english(1), english(2, updated_at="not a date")], full=True)

    assert report.retired == 0
    assert report.skipped == [
        {"row_id": "P002en", "reason": "updated_at is not a date: 'not a date'"}
    ]


def test_bad_rows_are_reported_and_the_run_goes_on(sync):
    report = sync(
        [
            english(1),
            english(2, unique_id_number="NULL"),
            english(3, program_name="NULL"),
            english(4, language="Klingon"),
            english(5),
            english(5),
        ]
    )

    assert report.created == 2
    assert report.skipped == [
        {"row_id": "(none)", "reason": "no unique_id_number"},
        {"row_id": "P003en", "reason": "no program_name"},
        {"row_id": "P004en", "reason": "unknown language 'Klingon'"},
        {"row_id": "P005en", "reason": "the same row appears twice"},
    ]


@pytest.mark.parametrize("order", ["english first", "translation first"])
def test_translations_are_linked_to_their_english_program_in_either_order(sync, locales, order):
    rows = [english(1, program_name="Child Care Vouchers"), spanish(1, program_name="Vales")]
    batches = [rows[:1], rows[1:]] if order == "english first" else [rows[1:], rows[:1]]

    for batch in batches:
        sync(batch)

    source = Program.objects.get(locale=locales["en"])
    translation = Program.objects.get(locale=locales["es"])
    assert translation.get_translation(locales["en"]) == source
    assert translation.plain_language_name == "Ayuda número 1"
    # The address and the taxonomies come from the English program.
    assert translation.slug == source.slug == "child-care-vouchers"
    assert translation.category == "food"
    es_programs = Program.objects.live().in_locale(locales["es"])
    assert list(es_programs) == [translation]


def test_a_translation_waiting_for_its_english_row_is_kept(sync, locales):
    report = sync([spanish(7)])

    assert report.created == 1
    waiting = Program.objects.get()
    assert waiting.locale == locales["es"] and waiting.live


def test_a_shared_change_in_english_reaches_the_translations(sync, locales):
    sync([english(1), spanish(1)])

    sync([english(1, program_category="Health", age_group="Young Adult")])

    translation = Program.objects.get(locale=locales["es"])
    assert (translation.category, translation.age_stages) == ("health", "young-adult")
    assert not translation.shows_on_growingup


def test_a_failure_mid_run_leaves_every_program_as_it_was(sync, monkeypatch):
    sync([english(1)])
    revisions = program_revisions()
    original = ProgramSync._apply_row
    calls = []

    def fail_on_second_row(self, item):
        calls.append(item)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return original(self, item)

    monkeypatch.setattr(ProgramSync, "_apply_row", fail_on_second_row)

    with pytest.raises(RuntimeError):
        sync([english(1, brief_excerpt="Changed."), english(2)], full=True)

    assert list(Program.objects.values_list("unique_id_number", "brief_excerpt")) == [
        ("P001en", "Short words about program 1.")
    ]
    assert program_revisions() == revisions


def test_a_schema_change_stops_the_run_before_any_change(sync):
    sync([english(1)])
    rows = [{k: v for k, v in english(1, brief_excerpt="x").items() if k != "age_group"}]

    with pytest.raises(SchemaError, match="age_group"):
        sync(rows)

    assert Program.objects.get().brief_excerpt == "Short words about program 1."


def test_a_dry_run_reports_but_saves_nothing(sync):
    sync([english(1)])

    report = sync([english(1, brief_excerpt="x"), english(2)], dry_run=True)

    assert (report.created, report.updated) == (1, 1)
    assert list(Program.objects.values_list("brief_excerpt", flat=True)) == [
        "Short words about program 1."
    ]


def test_the_sync_records_each_run_and_its_high_water_mark(locales, httpserver):
    rows = [{**english(1), ":updated_at": "2026-08-01T10:00:00.000Z"}]
    httpserver.expect_ordered_request("/resource/kvhd-5fmu.json").respond_with_json(rows)
    httpserver.expect_ordered_request(
        "/resource/kvhd-5fmu.json",
        query_string={
            "$select": ":*,*",
            "$order": ":id",
            "$limit": "1000",
            "$offset": "0",
            "$where": ":updated_at > '2026-08-01T10:00:00.000Z'",
        },
    ).respond_with_json([])
    client = SodaClient(base_url=httpserver.url_for("/"), backoff_factor=0)

    sync_programs(client=client)
    sync_programs(client=client)

    httpserver.check_assertions()
    first, second = ProgramSyncRun.objects.order_by("started_at")
    assert (first.created, first.high_water_mark) == (1, "2026-08-01T10:00:00.000Z")
    assert second.succeeded and second.rows == 0


def test_a_network_failure_is_recorded_and_changes_nothing(sync, httpserver):
    sync([english(1)])
    httpserver.expect_request("/resource/kvhd-5fmu.json").respond_with_data("", status=500)
    client = SodaClient(base_url=httpserver.url_for("/"), backoff_factor=0, tries=2)

    with pytest.raises(SyncError, match="gave up after 2 tries"):
        sync_programs(full=True, client=client)

    assert Program.objects.live().count() == 1
    run = ProgramSyncRun.objects.get()
    assert not run.succeeded and "gave up" in run.error


def test_an_empty_full_sync_retires_nothing(sync, tmp_path):
    sync([english(1)])
    empty = tmp_path / "rows.json"
    empty.write_text("[]")

    with pytest.raises(SyncError, match="no rows"):
        sync_programs(full=True, from_file=empty)

    assert Program.objects.live().count() == 1


def test_the_command_reads_a_file_and_reports(locales, tmp_path):
    path = tmp_path / "rows.json"
    path.write_text(
        '[{"unique_id_number": "P001en", "language": "English", "program_name": "A", '
        '"program_category": "Food", "age_group": "Teen"}, {"language": "English"}]'
    )
    out = __import__("io").StringIO()

    call_command("sync_programs", "--from-file", str(path), stdout=out)

    output = out.getvalue()
    assert "Created: 1" in output and "Skipped: 1" in output
    assert "skipped (none): no unique_id_number" in output


def test_the_command_fails_clearly_on_bad_json(locales, tmp_path):
    path = tmp_path / "rows.json"
    path.write_text('[{"unique_id_number": "P0')

    with pytest.raises(CommandError, match="no program was changed"):
        call_command("sync_programs", "--from-file", str(path), "--full")


def test_synced_programs_are_found_by_search(sync, real_rows, locales):
    sync(real_rows)

    found = Program.objects.live().filter(locale=locales["en"]).search("three-year-olds")

    assert "P085en" in [program.unique_id_number for program in found]
