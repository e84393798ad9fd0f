"""GET /api/search: the JSON the static sites and the search box read."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

API = "/api/search"


def api_get(client, path=API, headers=None, **params):
    return client.get(path, params, HTTP_HOST="growingup.localhost", headers=headers)


def test_results_facets_and_pages_as_json(client, searchable):
    response = api_get(client, q="free", lang="en")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert data["page"] == 1
    assert {result["title"] for result in data["results"]} == {
        "Find child care",
        "When your toddler is not talking yet",
        "Free summer camp",
    }
    assert data["results"][0].keys() >= {"title", "url", "type", "summary"}
    assert data["facets"]["type"] == [
        {"value": "standardpage", "label": "Page", "count": 3, "selected": False}
    ]


def test_the_site_parameter_wins_over_the_host(client, searchable):
    data = api_get(client, q="summer", site="generation").json()

    assert [result["title"] for result in data["results"]] == ["Summer jobs for teens"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "q: String should have at most 200 characters"),
        ({"q": ""}, "q: String should have at least 1 character"),
        ({}, "q: Field required"),
        ({"q": "camp", "lang": "xx"}, "lang: Input should be 'en', 'es'"),
        ({"q": "camp", "page": "0"}, "page: Input should be greater than or equal to 1"),
        ({"q": "camp", "age": "<script>"}, "age: String should match pattern"),
    ],
)
def test_bad_parameters_get_400_and_say_what_is_wrong(client, sites, params, message):
    response = api_get(client, **params)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_without_a_site_on_an_unknown_host_the_api_asks_for_one(client, sites):
    response = client.get(API, {"q": "camp"}, HTTP_HOST="127.0.0.1")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("site:")


@override_settings(SEARCH_CORS_ORIGINS=["https://growingup.nyc.gov"])
def test_only_the_static_sites_may_read_it_from_another_origin(client, sites):
    allowed = api_get(client, q="camp", headers={"Origin": "https://growingup.nyc.gov"})
    other = api_get(client, q="camp", headers={"Origin": "https://example.com"})

    assert allowed["Access-Control-Allow-Origin"] == "https://growingup.nyc.gov"
    assert "Access-Control-Allow-Origin" not in other
    assert "Origin" in other["Vary"]


@override_settings(SEARCH_API_RATE="3/m")
def test_too_many_requests_from_one_address_are_refused(client, sites):
    statuses = [api_get(client, q="camp").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_autocomplete_lists_titles_with_their_addresses(client, searchable):
    response = api_get(client, f"{API}/autocomplete", q="chi")

    assert response.json() == [
        {"title": "Find child care", "url": "/find-child-care/", "type_label": "Page"}
    ]


def test_the_openapi_schema_documents_the_parameters(client):
    schema = client.get(f"{API}/openapi.json").json()

    operation = schema["paths"]["/api/search"]["get"]
    assert {param["name"] for param in operation["parameters"]} == {
        "q",
        "site",
        "lang",
        "type",
        "age",
        "category",
        "borough",
        "page",
    }
    assert set(operation["responses"]) == {"200", "400", "429"}
