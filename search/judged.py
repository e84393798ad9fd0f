"""The judged query set (search/judged_queries.json): what parents and teenagers type, and the
results that should come first. `manage.py evaluate_search` prints how well search does."""

import json
from dataclasses import dataclass
from pathlib import Path

from search import service
from search.text import fold

JUDGED_QUERIES = Path(__file__).with_name("judged_queries.json")
K = 3


@dataclass
class Judgement:
    q: str
    site: str
    lang: str
    relevant: list  # titles that should come first, in the query's language

    def ranks(self, titles):
        wanted = {fold(title) for title in self.relevant}
        return [rank for rank, title in enumerate(titles, 1) if fold(title) in wanted]


@dataclass
class Score:
    judgement: Judgement
    titles: list
    precision: float  # relevant results in the top 3, over the most there could be
    reciprocal_rank: float


def load_judgements(path=JUDGED_QUERIES):
    return [Judgement(**item) for item in json.loads(Path(path).read_text())["queries"]]


def live_titles(judgement):
    """The titles of the results of a judged query on the live search, in order."""
    outcome = service.run_search(
        service.SearchRequest(q=judgement.q, site_key=judgement.site, language=judgement.lang)
    )
    return [result.title for result in outcome.results]


def score(judgement, titles):
    """How good `titles`, the results of the judged query in order, are."""
    ranks = judgement.ranks(titles)
    top = sum(1 for rank in ranks if rank <= K)
    return Score(
        judgement=judgement,
        titles=titles[:K],
        precision=top / min(K, len(judgement.relevant)),
        reciprocal_rank=1 / ranks[0] if ranks else 0.0,
    )


def evaluate(judgements, search=live_titles):
    """{language: (precision@3, MRR, [scores])} over the judged queries; `search` gives the
    titles found for a judgement (by default, the live search's)."""
    by_language = {}
    for judgement in judgements:
        by_language.setdefault(judgement.lang, []).append(score(judgement, search(judgement)))
    return {
        lang: (
            sum(s.precision for s in scores) / len(scores),
            sum(s.reciprocal_rank for s in scores) / len(scores),
            scores,
        )
        for lang, scores in by_language.items()
    }
