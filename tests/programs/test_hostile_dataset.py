"""Whatever the dataset holds, the programs that were there stay, and both sites' listings
answer: rows that make no slug, values that are not text, files too big to read, and any rows
at all (hypothesis)."""

import json
import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.programs import soda
from cms.programs.models import Program, ProgramSyncRun
from cms.programs.parsing import KNOWN_COLUMNS
from cms.programs.soda import SchemaError, SyncError, read_file
from cms.programs.sync import sync_programs
from tests.programs.factories import dataset_row

pytestmark = pytest.mark.django_db

SITES = ("growingup", "generation")
LISTINGS = ("/programs/", "/programs/programs.json")
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def test_a_row_that_makes_no_slug_leaves_every_listing_answering(sync, program_pages, synced, get):
    sync(
        [
            dataset_row(1, age_group="Everyone"),
            dataset_row(2, unique_id_number="???", program_name="!!!", age_group="Everyone"),
        ]
    )
    synced()
    nameless = Program.objects.get(unique_id_number="???")

    for site in SITES:
        for language in ("", "/es", "/ar"):
            for path in (*LISTINGS, f"/programs/{nameless.slug}/"):
                assert get(site, language + path).status_code == 200, (site, language, path)
        paths = list(program_pages[site].static_site_paths())
        assert f"{nameless.slug}/" in paths and "/" not in paths


def write(tmp_path, text):
    path = tmp_path / "rows.json"
    path.write_text(text)
    return path


def test_a_file_bigger_than_the_download_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(soda, "MAX_DOWNLOAD_BYTES", 1_000)
    path = write(tmp_path, json.dumps([dataset_row(n) for n in range(5)]))

    with pytest.raises(SyncError, match="larger than the 1,000 bytes"):
        read_file(path)


def test_more_rows_than_the_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(soda, "MAX_ROWS", 3)
    path = write(tmp_path, json.dumps([dataset_row(n) for n in range(4)]))

    with pytest.raises(SyncError, match="more than 3 rows"):
        read_file(path)


@pytest.mark.parametrize(
    "text",
    [
        "[" + "[]," * 30_000 + "[]]",  # lists cost memory far beyond their size in the file
        "[" + "0," * 2_000_000 + "0]",
        "[{" + ",".join(f'"c{n}": ""' for n in range(1_100_000)) + "}]",
        "[" * 5_000 + "]" * 5_000,  # deeper than the parser can go
    ],
    ids=["many lists", "many numbers", "many fields", "deep nesting"],
)
def test_a_file_shaped_to_cost_memory_is_refused_before_it_is_read(tmp_path, text):
    with pytest.raises(SyncError, match="more values than|nested too deeply"):
        read_file(write(tmp_path, text))


# Any rows at all.

ODD_CHARACTERS = ["\ud800", "\udfff", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\u202e", "\ufeff"]
ODD_VALUES = [
    "",
    " ",
    "NULL",
    "!!!",
    "???",
    "---",
    "程序",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "English",
    "Spanish",
    "zh-hant",
    "Klingon",
    "Food",
    "Everyone",
    "Teen, Young Adult",
    "2026-13-45T99:99:99",
    "x" * 3_000,
    "<p>" + "a" * 25_000 + "</p>",
]
odd_text = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.builds(
        "{}{}{}".format, st.text(max_size=8), st.sampled_from(ODD_CHARACTERS), st.text(max_size=8)
    ),
    st.text(max_size=20),
)
odd_value = odd_text | st.none() | st.integers() | st.lists(st.text(max_size=3), max_size=2)
columns = st.sampled_from(sorted(KNOWN_COLUMNS))
slugless = st.sampled_from(["!!!", "???", "---", "程序", "¿¡"])


@st.composite
def odd_rows(draw):
    row = dataset_row(draw(st.integers(1, 5)))
    if draw(st.booleans()):  # an id and a name that make no slug, or other odd ones
        row["unique_id_number"] = draw(slugless | odd_text)
        row["program_name"] = draw(slugless | odd_text)
    row.update(draw(st.dictionaries(columns, odd_value, max_size=6)))
    for column in draw(st.sets(columns, max_size=4)):
        row.pop(column, None)
    return row


@pytest.fixture
def baseline(sync, program_pages):
    """Three programs imported and live before the odd rows come."""
    sync([dataset_row(n, age_group="Everyone") for n in (1, 2, 3)])
    return {p.pk: p.slug for p in Program.objects.all()}


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(odd_rows(), min_size=1, max_size=5), full=st.booleans())
def test_any_rows_keep_what_was_there_and_both_listings_answer(baseline, get, tmp_path, rows, full):
    path = write(tmp_path, json.dumps(rows))
    with transaction.atomic():
        try:
            sync_programs(from_file=path, full=full)
        except SchemaError:
            pass  # rows without a column the sync needs: refused, on record like any run

        kept = Program.objects.filter(pk__in=baseline)
        assert kept.count() == len(baseline)
        if not full:
            assert all(program.live for program in kept)
        for program in Program.objects.all():
            assert program.slug and program.program_name
            for field in Program._meta.concrete_fields:
                value = getattr(program, field.attname)
                assert not isinstance(value, str) or not NOT_TEXT.search(value), field.name
        run = ProgramSyncRun.objects.first()
        assert not run.is_running
        assert not NOT_TEXT.search(json.dumps(run.skipped, ensure_ascii=False) + run.error)
        for site in SITES:
            for listing in LISTINGS:
                assert get(site, listing).status_code == 200, (site, listing)
        transaction.set_rollback(True)


def test_a_number_too_long_to_read_skips_its_row_not_the_file(sync, tmp_path):
    rows = json.dumps([dataset_row(1), dataset_row(2, age_group=0)]).replace(
        '"age_group": 0', '"age_group": ' + "9" * 5_000
    )

    report = sync(read_file(write(tmp_path, rows)).rows)

    assert report.created == 1
    assert report.skipped == [{"row_id": "P002en", "reason": "age_group is not text"}]
