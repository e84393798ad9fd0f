"""Static search against live search on the judged query set (search/judged_queries.json, demo
content): precision@3 and MRR of each, in English and Spanish. The static figures come from
static builds of both sites, searched by the search page's own script (search.js, with
Pagefind, the editors' rules and "did you mean") in Chromium; they are scored as the live ones
are (search.judged), by the titles the results show (the pages give Pagefind their live
cards' titles). Fails when static precision@3 is more than MARGIN below live."""

import time
from pathlib import Path
from urllib.parse import urlencode

from cms.publishing.build import build_site
from search.judged import evaluate, load_judgements

from .bench_search import CHROMIUM, CHROMIUM_ARGS
from .static_copy import served_static_copy

LANGUAGES = ["en", "es"]
MARGIN = 0.05
SHOWN = "#search-results .search-results__heading"


def run(report):
    if not Path(CHROMIUM).exists():
        print(f"  static search precision: not measured ({CHROMIUM} is missing)")
        return
    judgements = [j for j in load_judgements() if j.lang in LANGUAGES]
    live = evaluate(judgements)
    started = time.perf_counter()
    static = evaluate_static(judgements)
    report("static builds and judged queries in Chromium", time.perf_counter() - started, "s")
    for lang in LANGUAGES:
        count = len(live[lang][2])
        report(f"judged set ({lang}, {count} queries): live precision@3", live[lang][0], "")
        report(
            f"judged set ({lang}): static precision@3",
            static[lang][0],
            "",
            f">= {live[lang][0] - MARGIN:.2f}",
        )
        report(f"judged set ({lang}): live MRR", live[lang][1], "")
        report(f"judged set ({lang}): static MRR", static[lang][1], "")
        for score in static[lang][2]:
            if score.precision < 1:
                print(f"    static {score.judgement.site} {score.judgement.q!r}: {score.titles}")
    behind = {
        lang: (static[lang][0], live[lang][0])
        for lang in LANGUAGES
        if static[lang][0] < live[lang][0] - MARGIN
    }
    assert not behind, f"static precision@3 more than {MARGIN} below live: {behind}"


def evaluate_static(judgements):
    """evaluate() with each query typed into the address of a static copy's search page."""
    from playwright.sync_api import sync_playwright

    def build(workdir):
        return {
            f"{key}.localhost": build_site(key, workdir, LANGUAGES).output_dir
            for key in sorted({j.site for j in judgements})
        }

    with served_static_copy(build, "bench-static-search-") as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812})

        def titles(judgement):
            prefix = "" if judgement.lang == "en" else f"/{judgement.lang}"
            query = urlencode({"q": judgement.q})
            page.goto(f"http://{judgement.site}.localhost:{port}{prefix}/search/?{query}")
            page.wait_for_selector(SHOWN)
            return page.locator("#search-results .result-card__title a").all_inner_texts()

        scores = evaluate(judgements, titles)
        browser.close()
    return scores
