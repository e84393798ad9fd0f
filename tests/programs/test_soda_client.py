"""The SODA client against a local HTTP server: paging, incremental reads, retries, bad answers."""

import json

import pytest
from werkzeug import Response

from cms.programs.parsing import REQUIRED_COLUMNS
from cms.programs.soda import FetchError, SchemaError, SodaClient
from tests.programs.factories import dataset_row

PATH = "/resource/kvhd-5fmu.json"


def client_for(httpserver, **options):
    options = {"tries": 3, "backoff_factor": 0, "app_token": "", **options}
    return SodaClient(
        base_url=httpserver.url_for("/"),
        dataset_id="kvhd-5fmu",
        required_columns=REQUIRED_COLUMNS,
        **options,
    )


def query(offset, limit, **extra):
    return {
        "$select": ":*,*",
        "$order": ":id",
        "$limit": str(limit),
        "$offset": str(offset),
        **extra,
    }


def test_pages_through_every_row_in_a_stable_order(httpserver):
    rows = [dataset_row(n) for n in range(5)]
    for offset in (0, 2, 4):
        httpserver.expect_ordered_request(PATH, query_string=query(offset, 2)).respond_with_json(
            rows[offset : offset + 2]
        )

    assert client_for(httpserver, page_size=2).fetch_rows() == rows
    httpserver.check_assertions()


def test_an_incremental_read_asks_only_for_rows_updated_since_the_mark(httpserver):
    mark = "2026-08-01T10:00:00.000Z"
    httpserver.expect_request(
        PATH, query_string=query(0, 1000, **{"$where": f":updated_at > '{mark}'"})
    ).respond_with_json([dataset_row(1)])

    assert client_for(httpserver).fetch_rows(since=mark) == [dataset_row(1)]
    httpserver.check_assertions()


@pytest.mark.parametrize("status", [429, 202])
def test_retries_a_throttled_or_pending_answer(httpserver, status):
    httpserver.expect_ordered_request(PATH).respond_with_data("", status=status)
    httpserver.expect_ordered_request(PATH).respond_with_json([dataset_row(1)])

    assert client_for(httpserver).fetch_rows() == [dataset_row(1)]
    assert len(httpserver.log) == 2


def test_stops_after_a_bounded_number_of_tries_on_server_errors(httpserver):
    httpserver.expect_request(PATH).respond_with_data("down", status=503)

    with pytest.raises(FetchError, match="gave up after 3 tries"):
        client_for(httpserver, tries=3).fetch_rows()
    assert len(httpserver.log) == 3


def test_a_bad_query_is_not_retried(httpserver):
    httpserver.expect_request(PATH).respond_with_data("no such column", status=400)

    with pytest.raises(FetchError, match="HTTP 400"):
        client_for(httpserver).fetch_rows()
    assert len(httpserver.log) == 1


def test_truncated_json_is_an_error(httpserver):
    body = json.dumps([dataset_row(1), dataset_row(2)])[:-40]
    httpserver.expect_request(PATH).respond_with_data(body, content_type="application/json")

    with pytest.raises(FetchError, match="not valid JSON"):
        client_for(httpserver).fetch_rows()


def test_a_missing_column_is_a_schema_change(httpserver):
    columns = sorted(REQUIRED_COLUMNS - {"program_name"})
    httpserver.expect_request(PATH).respond_with_response(
        Response(
            json.dumps([dataset_row(1)]),
            headers={"X-SODA2-Fields": json.dumps(columns)},
            content_type="application/json",
        )
    )

    with pytest.raises(SchemaError, match="no column program_name"):
        client_for(httpserver).fetch_rows()


def test_sends_the_app_token_as_a_header(httpserver):
    httpserver.expect_request(PATH, headers={"X-App-Token": "city-token"}).respond_with_json([])

    assert client_for(httpserver, app_token="city-token").fetch_rows() == []
    httpserver.check_assertions()


def test_reads_the_dataset_address_and_token_from_settings(settings):
    settings.SODA_BASE_URL = "https://data.example.org/"
    settings.SODA_DATASET_ID = "abcd-1234"
    settings.SODA_APP_TOKEN = "from-env"

    client = SodaClient()

    assert client.url == "https://data.example.org/resource/abcd-1234.json"
    assert client.session.headers["X-App-Token"] == "from-env"
