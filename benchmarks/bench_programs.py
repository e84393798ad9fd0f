"""The programs sync on 1,100 rows (100 programs in 11 languages, made from the real English
rows) read from a file: a full sync into an empty table, then a re-sync where nothing changed.
Then hostile files, each after the real rows are in: every one must finish, or be refused,
within the budget (10 s, 500 MB)."""

import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.db import transaction

from cms.programs import soda
from cms.programs.models import Program
from cms.programs.sync import sync_programs

FIXTURE = Path(settings.BASE_DIR) / "cms/programs/fixtures/kvhd-5fmu.english.json"
PROGRAMS = 100
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "zh-hant": "Chinese",
    "ru": "Russian",
    "bn": "Bengali",
    "ht": "Haitian Creole",
    "ko": "Korean",
    "ar": "Arabic",
    "ur": "Urdu",
    "fr": "French",
    "pl": "Polish",
}


def generated_rows():
    real = json.loads(FIXTURE.read_text())
    rows = []
    for number in range(PROGRAMS):
        source = real[number % len(real)]
        for code, language in LANGUAGE_NAMES.items():
            row = dict(source)
            row["unique_id_number"] = f"B{number:03d}{code}"
            row["language"] = language
            row["program_name"] = f"{source['program_name']} {number}"
            if code != "en":
                row["plain_language_program_name"] = (
                    f"[{code}] {source['plain_language_program_name']}"
                )
            rows.append(row)
    return rows


def run(report):
    Program.objects.all().delete()
    rows = generated_rows()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(rows, handle)
    path = handle.name

    started = time.perf_counter()
    first = sync_programs(full=True, from_file=path)
    full = time.perf_counter() - started
    assert first.created == len(rows), first.counts()

    started = time.perf_counter()
    second = sync_programs(full=True, from_file=path)
    unchanged = time.perf_counter() - started
    assert second.unchanged == len(rows), second.counts()

    Path(path).unlink()
    report(f"programs sync, {len(rows)} rows: full sync", full, "s", "< 20 s")
    report(f"programs sync, {len(rows)} rows: no-change re-sync", unchanged, "s", "< 2 s")
    run_hostile(report)


def hostile_files(real):
    """What each hostile file holds: (name, rows or raw text, full sync?)."""
    first = real[0]
    yield (
        "a row whose name and id make no slug",
        [
            *real,
            {**first, "unique_id_number": "???", "program_name": "!!!"},
        ],
        False,
    )
    yield (
        "a lone surrogate in a row",
        [
            *real,
            {**first, "unique_id_number": "H001en", "brief_excerpt": "Bad \ud800 text"},
        ],
        False,
    )
    yield "a 1 MB excerpt", [*real, {**first, "brief_excerpt": "x" * 1_000_000}], False
    yield (
        "a renamed column",
        [renamed(row, "program_description", "description") for row in real],
        True,
    )
    yield "a big hostile file (about 30 MB)", big_hostile_rows(first), False
    yield "a file over the size limit", "[" + " " * (soda.MAX_DOWNLOAD_BYTES + 10) + "]", False


def renamed(row, column, new_name):
    row = dict(row)
    row[new_name] = row.pop(column, "")
    return row


def big_hostile_rows(first):
    """Near the download's limits: rows with values that are not text, fields past their
    limits, names that make no slug, odd languages and ids; one in twenty is usable."""
    kinds = [
        {"program_description": "<p>" + "a" * 25_000 + "</p>"},
        {"heads_up": "Bad \ud800"},
        {"url_of_online_application": "https://example.org/\x00"},
        {"language": "Klingon"},
        {"age_group": ["Teen"]},
        {"unique_id_number": "x" * 500},
        {"get_help_online": "<script>" * 2_000},
        {"brief_excerpt": "y" * 2_500},
    ]
    rows = []
    for number in range(2_500):
        row = {**first, "unique_id_number": f"H{number:05d}en"}
        if number % 20 == 0:
            row.update(program_name="!!!", how_to_apply_summary="<p>" + "b" * 19_000 + "</p>")
        else:
            row.update(kinds[number % len(kinds)])
            row["get_help_by_email"] = "<p>" + "c" * 2_500 + "</p>"
        rows.append(row)
    return rows


def run_hostile(report):
    real = json.loads(FIXTURE.read_text())
    Program.objects.all().delete()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.json"
        path.write_text(json.dumps(real))
        sync_programs(full=True, from_file=path)
        worst_time = worst_memory = 0
        for name, rows, full in hostile_files(real):
            path.write_text(rows if isinstance(rows, str) else json.dumps(rows))
            seconds, outcome = attempt(path, full)
            tracemalloc.start()
            attempt(path, full)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            report(f"hostile: {name} ({outcome})", seconds, "s", "< 10 s")
            report(f"hostile: {name}, peak memory", peak, "MB", "< 500 MB")
            worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, peak)
    report("hostile files: worst time", worst_time, "s", "< 10 s")
    report("hostile files: worst peak memory (Python)", worst_memory, "MB", "< 500 MB")


def attempt(path, full):
    """Seconds one sync of the file took and how it ended; the database is left as it was."""
    with transaction.atomic():
        started = time.perf_counter()
        try:
            result = sync_programs(full=full, from_file=path)
            outcome = f"{result.created} created, {len(result.skipped)} skipped"
        except soda.SyncError:
            outcome = "refused"
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds, outcome
