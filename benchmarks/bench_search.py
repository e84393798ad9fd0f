"""Site search: precision@3 and MRR on the judged query set (demo content); the bytes one search
transfers on a static build with its Pagefind index (Growing Up NYC in English, in Chromium);
then 10,000 generated programs and 200 queries through GET /api/search on the embedded backend."""

import gzip
import random
import re
import statistics
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone
from modelsearch.backends import get_search_backend
from wagtail.models import Locale

from cms.publishing.build import build_site
from search.judged import evaluate, load_judgements

from .static_copy import served_static_copy

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
PAGEFIND_QUERY = "child care"
PAGEFIND_NEXT_QUERY = "summer meals"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Pagefind's files that depend on the words searched; the others load once a visit.
PER_QUERY = re.compile(r"/pagefind/(index|fragment)/")
PARTS = {
    None: "once a visit (script, WebAssembly, metadata)",
    "index": "index chunks",
    "fragment": "results shown (their text)",
}


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
    # The static build is of the demo, before the generated programs (each would be a page).
    report_pagefind(report)

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


def report_pagefind(report):
    """What one search costs a phone on a purely static site, in bytes: every response from
    typing the query to the results shown, as served (the static server does not compress) and
    gzip-equivalent (Pagefind's index, fragment and WebAssembly files are gzipped already)."""
    if not Path(CHROMIUM).exists():
        print(f"  Pagefind bytes per query: not measured ({CHROMIUM} is missing)")
        return
    started = time.perf_counter()
    fetched, fetched_next = static_search_responses(PAGEFIND_QUERY, PAGEFIND_NEXT_QUERY)
    report("static build and two searches in Chromium", time.perf_counter() - started, "s")
    pagefind = {address: body for address, body in fetched.items() if "/pagefind/" in address}
    label = f"Pagefind, first query ({PAGEFIND_QUERY!r}, {len(pagefind)} files)"
    report(f"{label}: as served", sum(map(len, pagefind.values())) / 1024, "KB")
    report(f"{label}: gzip", sum(map(gzipped_size, pagefind.values())) / 1024, "KB", "< 100 KB")
    for part, files in pagefind_parts(pagefind).items():
        report(f"  of which {part} ({len(files)})", sum(map(gzipped_size, files)) / 1024, "KB")
    report(
        f"Pagefind, a further query ({PAGEFIND_NEXT_QUERY!r}, {len(fetched_next)} files): gzip",
        sum(map(gzipped_size, fetched_next.values())) / 1024,
        "KB",
        "< 100 KB",
    )
    others = [body for address, body in fetched.items() if address not in pagefind]
    if others:
        # search.js asks the search API first; a static host answers with its 404 page.
        report(
            f"other responses during the search ({len(others)}): gzip",
            sum(map(gzipped_size, others)) / 1024,
            "KB",
        )


def pagefind_parts(pagefind):
    """Pagefind's responses by what they are: {part: [body, ...]}."""
    parts = {}
    for address, body in pagefind.items():
        kind = PER_QUERY.search(address)
        parts.setdefault(PARTS[kind[1] if kind else None], []).append(body)
    return parts


def gzipped_size(body):
    return len(gzip.compress(body, compresslevel=6))


def static_search_responses(query, next_query):
    """{address: body} of every response from typing `query` on the search page of Growing Up
    NYC's static build in English (with its Pagefind index, in a temporary folder, served by
    the plain file server of `manage.py serve_static`) until the results are shown and the
    network is quiet; then the same for `next_query` typed over it."""
    from playwright.sync_api import sync_playwright

    def build(workdir):
        build_site("growingup", workdir, ["en"])
        return {"127.0.0.1": workdir / "growingup"}

    with served_static_copy(build, "bench-pagefind-") as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812})
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"http://127.0.0.1:{port}/search/")
        # Whatever of Pagefind the page fetches before the query counts for the query
        # (its runtime starts loading when the box gets the focus).
        responses[:] = [response for response in responses if "/pagefind/" in response.url]
        fetched, shown = [], None
        for text in (query, next_query):
            page.get_by_role("combobox").fill(text)
            # Wait for this query's results, not the ones already on the page.
            page.wait_for_function(
                "shown => (document.querySelector('#search-results .result-card') || {})"
                ".textContent?.length && document.querySelector('#search-results "
                ".result-card').textContent !== shown",
                arg=shown,
            )
            shown = page.locator("#search-results .result-card").first.text_content()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            fetched.append({response.url: response.body() for response in responses})
            responses.clear()
        browser.close()
    return fetched
