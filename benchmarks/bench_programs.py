"""The programs sync on 1,100 rows (100 programs in 11 languages, made from the real English
rows) read from a file: a full sync into an empty table, then a re-sync where nothing changed."""

import json
import tempfile
import time
from pathlib import Path

from django.conf import settings

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
