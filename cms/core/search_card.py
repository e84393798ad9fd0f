"""What a page or a program says on a site search's result card besides its address and its
type. Each model says it in one explicit method, `search_card()`; the search service
(search/service.py) names the age stages and boroughs in the reader's language and renders it."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchCard:
    title: str
    summary: str = ""
    age_stages: tuple[str, ...] = ()  # AgeStage slugs
    category: str = ""  # a program category's slug, with its label (lazily translated)
    category_label: str = ""
    borough: str = ""  # a slug of cms.core.models.BOROUGHS
    date: datetime.date | datetime.datetime | None = None
