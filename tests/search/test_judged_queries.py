"""The judged query set and the command that scores search against it."""

import json
from collections import Counter
from io import StringIO

from django.core.management import call_command

from search.judged import load_judgements


def test_the_set_has_enough_queries_in_english_and_spanish_each_with_answers():
    judgements = load_judgements()

    assert Counter(j.lang for j in judgements) >= Counter({"en": 40, "es": 10})
    assert all(j.relevant and j.site in {"growingup", "generation"} for j in judgements)


def test_the_command_prints_precision_at_3_and_mrr_per_language(searchable, tmp_path):
    queries = tmp_path / "queries.json"
    queries.write_text(
        json.dumps(
            {
                "queries": [
                    {
                        "q": "child care",
                        "site": "growingup",
                        "lang": "en",
                        "relevant": ["Find child care"],
                    },
                    {"q": "camp", "site": "growingup", "lang": "en", "relevant": ["Not a page"]},
                    {
                        "q": "cuidado",
                        "site": "growingup",
                        "lang": "es",
                        "relevant": ["Encuentre cuidado infantil"],
                    },
                ]
            }
        )
    )
    out = StringIO()

    call_command("evaluate_search", queries=str(queries), stdout=out)

    assert out.getvalue().splitlines() == [
        "en: 2 queries, precision@3 0.50, MRR 0.50",
        "es: 1 queries, precision@3 1.00, MRR 1.00",
    ]
