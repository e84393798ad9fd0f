"""The search API and the pages that query the database per request (searches, filtered
listings) are rate-limited per client address, counted in Django's cache. A varying
X-Forwarded-For does not make a new client unless a trusted proxy wrote it."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def forwarded_for(number):
    return {"X-Forwarded-For": f"198.51.100.{number}"}


@override_settings(SEARCH_API_RATE="3/m", TRUSTED_PROXIES=[], NUM_PROXIES=0)
def test_a_varying_forwarded_for_does_not_escape_the_api_limit(client, sites):
    statuses = [
        client.get(
            "/api/search", {"q": "camp"}, HTTP_HOST="growingup.localhost", headers=forwarded_for(n)
        ).status_code
        for n in range(4)
    ]

    assert statuses == [200, 200, 200, 429]


@override_settings(SEARCH_API_RATE="2/m", TRUSTED_PROXIES=["127.0.0.1"], NUM_PROXIES=0)
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, sites):
    def status(header):
        return client.get(
            "/api/search", {"q": "camp"}, HTTP_HOST="growingup.localhost", headers=header
        ).status_code

    # The client's own claim (left) changes each time; the proxy's entry (right) does not.
    first = [status({"X-Forwarded-For": f"1.2.3.{n}, 198.51.100.1"}) for n in range(3)]
    second = status({"X-Forwarded-For": "198.51.100.2"})

    assert first == [200, 200, 429]
    assert second == 200


@override_settings(PAGE_QUERY_RATE="2/m", TRUSTED_PROXIES=[], NUM_PROXIES=0)
def test_too_many_searches_get_a_short_429_page(get, sites):
    responses = [
        get("growingup", f"/search/?q=camp{n}", headers=forwarded_for(n)) for n in range(3)
    ]

    assert [response.status_code for response in responses] == [200, 200, 429]
    refused = responses[-1]
    assert refused["Content-Type"].startswith("text/plain")
    assert int(refused["Retry-After"]) >= 1
    assert "Too many requests" in refused.content.decode()
    # The search page without a query asks nothing of the database, and stays open.
    assert get("growingup", "/search/").status_code == 200


@override_settings(PAGE_QUERY_RATE="2/m", TRUSTED_PROXIES=[], NUM_PROXIES=0)
def test_filtered_pages_and_feeds_are_limited_plain_ones_are_not(get, sites):
    filtered = [get("growingup", f"/?borough=bronx&n={n}").status_code for n in range(3)]
    plain = [get("growingup", "/").status_code for _ in range(3)]
    feed = get("growingup", "/feed.ics?borough=bronx").status_code

    assert filtered == [200, 200, 429]
    assert plain == [200, 200, 200]
    assert feed == 429
