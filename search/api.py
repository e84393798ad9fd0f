"""The public search API: GET /api/search and /api/search/autocomplete, with an OpenAPI schema
at /api/search/openapi.json. The static sites call it from other origins (SEARCH_CORS_ORIGINS)."""

from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from wagtail.models import Site

from cms.core.sites import site_key_of, site_keys
from cms.security import ClientRateThrottle
from search import service

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]
SiteKey = Literal[site_keys()]


class SearchRateThrottle(ClientRateThrottle):
    """Requests per client address, counted in Django's cache (SEARCH_API_RATE, e.g. "120/m")."""

    scope = "search"
    rate_setting = "SEARCH_API_RATE"
    default_rate = "120/m"


api = NinjaAPI(
    title="Growing Up NYC and Generation NYC search",
    version="1",
    description="Programs, guides, events and pages of both sites, in eleven languages.",
    urls_namespace="search_api",
    docs_url=None,
    openapi_url="/search/openapi.json",
    throttle=[SearchRateThrottle()],
)


class SearchParams(Schema):
    q: str = Field(min_length=1, max_length=service.MAX_QUERY_LENGTH, description="What to find")
    site: SiteKey | None = Field(None, description="Which site; the request's host otherwise")
    lang: LanguageCode = Field(settings.LANGUAGE_CODE, description="Language code")
    type: str = Field("", max_length=40, pattern=r"^[a-z0-9_-]*$", description="Content type")
    age: str = Field("", max_length=40, pattern=r"^[a-z0-9-]*$", description="Age stage slug")
    category: str = Field("", max_length=40, pattern=r"^[a-z0-9_-]*$", description="Category")
    borough: str = Field("", max_length=40, pattern=r"^[a-z0-9-]*$", description="Borough slug")
    page: int = Field(1, ge=1, le=100, description="Page of results, from 1")


class AutocompleteParams(Schema):
    q: str = Field(min_length=1, max_length=service.MAX_QUERY_LENGTH)
    site: SiteKey | None = None
    lang: LanguageCode = settings.LANGUAGE_CODE


class ResultOut(Schema):
    title: str
    url: str
    type: str
    type_label: str
    summary: str
    age_stages: list[str]
    category: str | None
    borough: str | None
    dates: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchOut(Schema):
    count: int
    page: int
    page_count: int
    results: list[ResultOut]
    facets: dict[str, list[FacetValueOut]]
    suggestion: str | None
    searched_for: str | None


class SuggestionOut(Schema):
    title: str
    url: str
    type_label: str


class ErrorOut(Schema):
    detail: str


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """400, saying in words which parameter is wrong and why."""
    problems = []
    for error in exc.errors:
        name = ".".join(str(part) for part in error.get("loc", [])[1:]) or "request"
        problems.append(f"{name}: {error.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


def site_key(request, requested):
    if requested:
        return requested
    found = site_key_of(Site.find_for_request(request))
    if found:
        return found
    raise HttpError(400, f"site: give one of {', '.join(site_keys())}")


def allow_origin(request, response):
    """CORS for the static sites: a simple GET needs only the allow-origin header."""
    origin = request.headers.get("Origin")
    response["Vary"] = "Origin"
    if origin and origin in settings.SEARCH_CORS_ORIGINS:
        response["Access-Control-Allow-Origin"] = origin


def card(result):
    return {
        "title": result.title,
        "url": result.url,
        "type": result.type,
        "type_label": result.type_label,
        "summary": result.summary,
        "age_stages": [name for _slug, name in result.age_stages],
        "category": result.category[1] if result.category else None,
        "borough": result.borough[1] if result.borough else None,
        "dates": result.dates,
    }


@api.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 429: ErrorOut},
    summary="Search one site in one language",
    url_name="search",
)
def search(request: HttpRequest, response: HttpResponse, params: Query[SearchParams]):
    allow_origin(request, response)
    outcome = service.run_search(
        service.SearchRequest(
            q=params.q,
            site_key=site_key(request, params.site),
            language=params.lang,
            type=params.type,
            age=params.age,
            category=params.category,
            borough=params.borough,
            page=params.page,
        ),
        request,
    )
    return {
        "count": outcome.count,
        "page": outcome.page,
        "page_count": outcome.page_count,
        "results": [card(result) for result in outcome.results],
        "facets": {facet.name: facet.values for facet in outcome.facets},
        "suggestion": outcome.suggestion or None,
        "searched_for": outcome.searched_for or None,
    }


@api.get(
    "/search/autocomplete",
    response={200: list[SuggestionOut], 400: ErrorOut, 429: ErrorOut},
    summary="Titles that complete what is being typed",
    url_name="autocomplete",
)
def autocomplete(request: HttpRequest, response: HttpResponse, params: Query[AutocompleteParams]):
    allow_origin(request, response)
    found = service.suggestions(params.q, site_key(request, params.site), params.lang, request)
    return [{"title": r.title, "url": r.url, "type_label": r.type_label} for r in found]
