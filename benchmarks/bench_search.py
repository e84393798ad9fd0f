"""Site search: precision@3 and MRR on the judged query set (demo content), then 10,000
generated programs and 200 queries through GET /api/search on the embedded backend, and the
bytes a Pagefind search transfers when a static build with a Pagefind index is present."""

import random
import statistics
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone
from modelsearch.backends import get_search_backend
from wagtail.models import Locale

from search.judged import evaluate, load_judgements

ITEMS = 10_000
QUERIES = 200
WORDS = (
    "free child care summer camp swim library reading jobs teen baby toddler health insurance "
    "food meals rent housing tax credit school college money bank coding art music museum park "
    "doctor dental clinic counseling legal immigrant help family parents classes sports soccer "
    "basketball internship training volunteer bronx brooklyn queens manhattan staten island"
).split()
CATEGORIES = ["education", "food", "health", "housing", "work", "enrichment", "child-care"]
AGES = ["baby", "toddler", "preschooler", "grade-schooler", "preteen", "teen", "young-adult"]


def generated_programs(count, rng):
    from cms.programs.models import Program

    english = Locale.get_default()
    programs = []
    for number in range(count):
        words = rng.sample(WORDS, 12)
        program = Program(
            unique_id_number=f"B{number:05d}en",
            program_key=f"B{number:05d}",
            program_name=f"{words[0].title()} {words[1]} program {number}",
            plain_language_name=f"{words[0].title()} {words[1]} and {words[2]}",
            brief_excerpt=" ".join(words[3:9]) + ".",
            description=" ".join(words),
            category=rng.choice(CATEGORIES),
            age_stages=" ".join(rng.sample(AGES, 2)),
            slug=f"bench-{number}",
            locale=english,
            translation_key=uuid.uuid4(),
            live=True,
            updated_at=timezone.now(),
        )
        program.shows_on_growingup = program.shows_on("growingup")
        program.shows_on_generation = program.shows_on("generation")
        programs.append(program)
    Program.objects.bulk_create(programs, batch_size=1000)
    saved = list(Program.objects.filter(unique_id_number__startswith="B"))
    get_search_backend().add_bulk(Program, saved)
    return len(saved)


def run(report):
    for lang, (precision, mrr, scores) in sorted(evaluate(load_judgements()).items()):
        report(f"judged set ({lang}, {len(scores)} queries): precision@3", precision, "", ">= 0.8")
        report(f"judged set ({lang}): MRR", mrr, "")

    rng = random.Random(7)
    started = time.perf_counter()
    created = generated_programs(ITEMS, rng)
    report(f"generate and index {created} programs", time.perf_counter() - started, "s")

    settings.SEARCH_API_RATE = "1000000/m"
    client = Client()
    queries = [" ".join(rng.sample(WORDS, rng.choice([1, 1, 2, 2, 3]))) for _ in range(QUERIES)]
    client.get("/api/search", {"q": "free", "site": "growingup"}, HTTP_HOST="growingup.localhost")
    timings = []
    for number, q in enumerate(queries):
        site = "growingup" if number % 2 else "generation"
        started = time.perf_counter()
        response = client.get("/api/search", {"q": q, "site": site}, HTTP_HOST=f"{site}.localhost")
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (q, response.status_code, response.content[:200])
    timings.sort()
    report(f"API, {QUERIES} queries over {created} programs: p50", statistics.median(timings), "ms")
    report("API: p95", timings[int(len(timings) * 0.95)], "ms", "< 50 ms")

    report_pagefind(report)


def report_pagefind(report):
    """Pagefind loads its entry file, its WebAssembly and the index chunks a query needs; this
    sums the entry files and the smallest chunk per file type as a lower bound for one query."""
    roots = sorted(Path(settings.BASE_DIR).glob("dist/*/pagefind")) + sorted(
        Path(settings.BASE_DIR).glob("dist/*/*/pagefind")
    )
    if not roots:
        print(
            "  Pagefind bytes per query: no static build with a Pagefind index here; "
            "the static build (cms/publishing) measures it"
        )
        return
    root = roots[0]
    entry = sum(
        path.stat().st_size
        for path in root.iterdir()
        if path.is_file()
        and path.suffix in {".js", ".pagefind", ".wasm"}
        or path.name.endswith(".pf_meta")
    )
    chunk = min((p.stat().st_size for p in root.glob("index/*.pf_index")), default=0)
    fragment = min((p.stat().st_size for p in root.glob("fragment/*.pf_fragment")), default=0)
    report(
        f"Pagefind bytes for one query ({root.relative_to(settings.BASE_DIR)})",
        (entry + chunk + 3 * fragment) / 1024,
        "KB",
        "< 100 KB",
    )
