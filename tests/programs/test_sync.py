"""Applying dataset rows: creating, updating, idempotence, editors' fields, retire and revive,
translations in either order, skipped rows and all-or-nothing runs."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Revision

from cms.core.slugs import slug_from
from cms.programs.models import Program, ProgramSyncRun
from cms.programs.parsing import KNOWN_COLUMNS
from cms.programs.soda import SchemaError, SodaClient, SyncError
from cms.programs.sync import ProgramSync, sync_programs
from tests.programs.factories import ProgramFactory, dataset_row

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


# A row that makes no slug, and the model's own guard.


def test_a_row_whose_name_and_id_make_no_slug_gets_a_stable_one(sync):
    rows = [english(1), english(2, unique_id_number="???", program_name="!!!")]

    sync(rows)
    sync(rows, full=True)

    nameless = Program.objects.get(unique_id_number="???")
    assert nameless.slug == slug_from("!!!", key="???", prefix="program")
    assert nameless.slug.startswith("program-") and nameless.live


def test_a_program_without_a_slug_is_refused_by_the_database(locales):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgramFactory(slug="")


# A renamed column.


def renamed(row, column, new_name):
    row = dict(row)
    row[new_name] = row.pop(column)
    return row


def test_a_renamed_column_stops_a_full_sync_before_it_empties_that_field(sync):
    sync([english(1), english(2)])
    rows = [renamed(english(n), "program_description", "description_v3") for n in (1, 2)]

    with pytest.raises(SchemaError, match="program_description"):
        sync(rows, full=True)

    assert list(Program.objects.values_list("description", flat=True)) == [
        "<p>What program 1 is.</p>",
        "<p>What program 2 is.</p>",
    ]


def test_a_renamed_column_fails_the_command_and_changes_nothing(locales, tmp_path):
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([english(1)]))
    call_command("sync_programs", "--from-file", str(path), stdout=io.StringIO())
    path.write_text(json.dumps([renamed(english(1, heads_up="<p>Hi.</p>"), "brief_excerpt", "x")]))

    with pytest.raises(CommandError, match="no program was changed.*brief_excerpt"):
        call_command("sync_programs", "--from-file", str(path), "--full", stdout=io.StringIO())

    assert Program.objects.get().brief_excerpt == "Short words about program 1."


def test_a_column_the_dataset_lists_but_leaves_empty_in_every_row_empties_the_field(
    locales, httpserver
):
    """SODA leaves out null values: the dataset's own list of columns tells an emptied field
    from a renamed column."""
    sync_rows_from(httpserver, [english(1, heads_up="<p>Bring ID.</p>")], full=True)
    emptied = english(1)
    assert "heads_up" not in emptied

    sync_rows_from(httpserver, [emptied], full=True, columns=[*emptied, "heads_up"])

    assert Program.objects.get().heads_up == ""


def test_a_column_missing_from_the_datasets_list_stops_the_run(locales, httpserver):
    sync_rows_from(httpserver, [english(1)], full=True)
    row = {k: v for k, v in english(1).items() if k != "plain_language_eligibility"}

    with pytest.raises(SchemaError, match="plain_language_eligibility"):
        sync_rows_from(httpserver, [row], full=True, columns=list(row))

    assert Program.objects.get().eligibility == "<p>Families who live in New York City.</p>"


def test_a_required_column_missing_from_the_datasets_list_stops_the_run(locales, httpserver):
    columns = sorted(set(english(1)) - {"program_name"})

    with pytest.raises(SchemaError, match="no column program_name"):
        sync_rows_from(httpserver, [english(1)], columns=columns)

    assert not Program.objects.exists()


def test_a_column_the_dataset_never_had_does_not_stop_later_runs(sync):
    rows = [
        {k: v for k, v in english(n).items() if k != "plain_language_program_name"} for n in (1, 2)
    ]
    sync(rows)

    report = sync(rows, full=True)

    assert report.unchanged == 2


def sync_rows_from(httpserver, rows, *, columns=None, **options):
    httpserver.clear()
    headers = {"X-SODA2-Fields": json.dumps(sorted(columns))} if columns else {}
    httpserver.expect_request("/resource/kvhd-5fmu.json").respond_with_json(rows, headers=headers)
    client = SodaClient(base_url=httpserver.url_for("/"), backoff_factor=0)
    return sync_programs(client=client, **options)


# Values that are not text, and values too big to keep.


@pytest.mark.parametrize("column", sorted(KNOWN_COLUMNS))
@pytest.mark.parametrize("character", ["\ud800", "\x00"])
def test_a_character_that_is_not_text_skips_its_row_and_the_others_are_imported(
    locales, tmp_path, column, character
):
    bad = english(2, **{column: f"2026-01-{character}01 <p>Bad{character}value</p>"})
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([english(1), bad, english(3)]))

    report = sync_programs(from_file=path)

    assert report.created == 2
    [skipped] = report.skipped
    assert column in skipped["reason"] and "not text" in skipped["reason"]
    run = ProgramSyncRun.objects.get()
    assert run.succeeded and run.skipped == report.skipped
    # What the report stores is text PostgreSQL accepts: UTF-8, no NUL.
    for text in [*skipped.values(), run.error]:
        text.encode("utf-8")  # raises on a lone surrogate
        assert "\x00" not in text
    for program in Program.objects.all():
        for field in Program._meta.concrete_fields:
            value = getattr(program, field.attname)
            assert not isinstance(value, str) or "\x00" not in value, field.name


def test_a_nul_in_a_link_never_reaches_the_database(sync):
    report = sync([english(1, url_of_online_application="https://example.org/\x00apply")])

    assert report.skipped == [
        {
            "row_id": "P001en",
            "reason": "url_of_online_application holds a character that is not text (U+0000)",
        }
    ]
    assert not Program.objects.exists()


def test_a_one_megabyte_excerpt_skips_its_row_and_keeps_the_program_as_it_was(sync):
    sync([english(1), english(2)])

    report = sync([english(1, brief_excerpt="x" * 1_000_000), english(2, brief_excerpt="New.")])

    assert report.skipped == [
        {"row_id": "P001en", "reason": "brief_excerpt is longer than 2,000 characters"}
    ]
    assert report.updated == 1
    assert Program.objects.get(unique_id_number="P001en").brief_excerpt == (
        "Short words about program 1."
    )


@pytest.mark.parametrize(
    ("column", "limit"),
    [
        ("program_description", "20,000"),
        ("url_of_online_application", "4,000"),
        ("unique_id_number", "40"),
    ],
)
def test_every_field_has_a_size_limit(sync, column, limit):
    report = sync([english(1, **{column: "https://example.org/" + "x" * 50_000})])

    assert report.created == 0
    assert report.skipped[0]["reason"] == f"{column} is longer than {limit} characters"


def test_a_run_that_passes_its_deadline_stops_and_changes_nothing(sync):
    sync([english(1)])

    with pytest.raises(SyncError, match="longer than its 0 s deadline"):
        ProgramSync(deadline=0).apply([english(1, brief_excerpt="Changed."), english(2)])

    assert list(Program.objects.values_list("brief_excerpt", flat=True)) == [
        "Short words about program 1."
    ]


# The incremental mark.


def soda_server(httpserver, rows):
    httpserver.expect_request("/resource/kvhd-5fmu.json").respond_with_json(rows)
    return SodaClient(base_url=httpserver.url_for("/"), backoff_factor=0)


def sent_where(httpserver):
    request, _answer = httpserver.log[-1]
    return request.args.get("$where")


def test_only_a_run_against_the_dataset_moves_the_incremental_mark(locales, httpserver, tmp_path):
    client = soda_server(httpserver, [{**english(1), ":updated_at": "2026-08-01T10:00:00.000Z"}])
    sync_programs(client=client)
    path = tmp_path / "rows.json"
    path.write_text(
        json.dumps(
            [
                {**english(2), ":updated_at": "' OR '1'='1"},
                {**english(3), ":updated_at": "2099-01-01T00:00:00.000Z"},
            ]
        )
    )
    sync_programs(from_file=path)

    sync_programs(client=client)

    assert sent_where(httpserver) == ":updated_at > '2026-08-01T10:00:00.000Z'"


def test_a_mark_that_is_not_a_timestamp_never_reaches_the_query(locales, httpserver):
    ProgramSyncRun.objects.create(
        started_at=timezone.now(),
        finished_at=timezone.now(),
        source="x",
        succeeded=True,
        high_water_mark="9999' OR '1'='1",
    )
    ProgramSyncRun.objects.create(
        started_at=timezone.now(),
        finished_at=timezone.now(),
        source="x",
        succeeded=True,
        high_water_mark="2026-08-01T10:00:00Z",
    )
    client = soda_server(httpserver, [{**english(1), ":updated_at": "z' OR '1'='1"}])

    report = sync_programs(client=client)

    assert sent_where(httpserver) == ":updated_at > '2026-08-01T10:00:00.000Z'"
    assert report.high_water_mark == "2026-08-01T10:00:00.000Z"


# The record of a run, from its start.


def test_a_run_is_on_record_while_it_runs(locales, tmp_path, monkeypatch):
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([english(1)]))
    seen = []
    original = ProgramSync.apply

    def apply(self, rows, **options):
        seen.append(ProgramSyncRun.objects.get())
        return original(self, rows, **options)

    monkeypatch.setattr(ProgramSync, "apply", apply)

    sync_programs(from_file=path)

    [running] = seen
    assert running.finished_at is None and not running.succeeded and running.is_running
    finished = ProgramSyncRun.objects.get()
    assert finished.succeeded and finished.finished_at and not finished.is_running


def test_an_interrupted_run_is_recorded_as_stopped(locales, tmp_path, monkeypatch):
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([english(1)]))

    def interrupted(self, rows, **options):
        raise KeyboardInterrupt

    monkeypatch.setattr(ProgramSync, "apply", interrupted)

    with pytest.raises(KeyboardInterrupt):
        sync_programs(from_file=path)

    run = ProgramSyncRun.objects.get()
    assert not run.succeeded and run.finished_at and "interrupted" in run.error


def test_a_run_left_running_by_a_killed_process_is_marked_stopped_by_the_next(locales, tmp_path):
    killed = ProgramSyncRun.objects.create(
        started_at=timezone.now() - timedelta(hours=2), finished_at=None, source="x"
    )
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([english(1)]))

    sync_programs(from_file=path)

    killed.refresh_from_db()
    assert not killed.succeeded and killed.finished_at
    assert "did not finish" in killed.error
