import re
from dataclasses import asdict

from django.conf import settings
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from cms.core.languages import reader_language
from cms.core.sites import site_key_of
from search import service

FACET_VALUE = re.compile(r"[a-z0-9_-]{1,40}")


def search_page(request):
    """/search/?q=...: results, facets and suggestions, rendered on the server so that the form
    works without JavaScript. search.js updates the same page as the reader types."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    language = reader_language()
    q = request.GET.get("q", "").strip()[: service.MAX_QUERY_LENGTH]
    filters = {
        name: value
        for name in service.FACETS
        if FACET_VALUE.fullmatch(value := request.GET.get(name, ""))
    }
    try:
        page_number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page_number = 1
    outcome = None
    if q:
        outcome = service.run_search(
            service.SearchRequest(
                q=q,
                site_key=site_key_of(site),
                language=language,
                page=page_number,
                **filters,
            ),
            request,
        )
    if outcome is not None:
        for facet in outcome.facets:
            for value in facet.values:
                chosen = {**filters, facet.name: value.value}
                if value.selected:
                    del chosen[facet.name]
                value.url = query_string(q, chosen)
        context_pages = {
            "previous_url": query_string(q, filters, outcome.page - 1) if outcome.page > 1 else "",
            "next_url": query_string(q, filters, outcome.page + 1)
            if outcome.page < outcome.page_count
            else "",
            "clear_url": query_string(q, {}) if filters else "",
        }
    else:
        context_pages = {}
    static_copy = bool(request.headers.get("X-Static-Build"))
    context = {
        **context_pages,
        "q": q,
        "outcome": outcome,
        "filters": filters,
        "topics": service.topics(site, language)
        if outcome is not None and not outcome.count
        else [],
        # A static copy asks the API only where SEARCH_API_URL names one; else it uses Pagefind.
        "api_url": settings.SEARCH_API_URL or ("" if static_copy else reverse("search_api:search")),
        # A static copy cannot answer ?q=: its script reads the query and searches in place.
        "static_copy": static_copy,
        # cms/publishing writes one Pagefind index per site, at its root; Pagefind picks the
        # language from the page's lang attribute.
        "pagefind_url": "/pagefind/pagefind.js",
        "search_language": language,
        # Without the API, search.js applies the editors' rules itself, and picks "did you
        # mean" from the words the build writes beside the page (search_words).
        "search_rules": [asdict(rule) for rule in service.rules(language)] if static_copy else None,
        "words_url": reverse("search_words"),
        "script_strings": {
            "suggestions": gettext("Suggestions"),
            "results": gettext("Results: %s"),
            "none": gettext("We found nothing for “%s”"),
            "unavailable": gettext("Search is not available right now. Press Search to try again."),
        },
    }
    return render(request, "search/search_page.html", context)


def search_words(request):
    """/search/words.json: the words a reader can find on the site in the page's language, for
    the static copy's "did you mean" (the live page asks the API, which has them)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    locale = Locale.objects.get(language_code=reader_language())
    return JsonResponse(
        service.known_words(site, locale),
        safe=False,
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


def query_string(q, filters, page=1):
    params = QueryDict(mutable=True)
    params["q"] = q
    params.update(filters)
    if page > 1:
        params["page"] = page
    return "?" + params.urlencode()
