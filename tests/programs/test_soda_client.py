"""The SODA client against a local HTTP server: paging, incremental reads, retries, bad answers."""

import gzip
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from cms.programs.soda import FetchError, SodaClient
from tests.programs.factories import dataset_row

PATH = "/resource/kvhd-5fmu.json"


def client_for(httpserver, **options):
    options = {"tries": 3, "backoff_factor": 0, "app_token": "", **options}
    return SodaClient(base_url=httpserver.url_for("/"), dataset_id="kvhd-5fmu", **options)


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

    assert client_for(httpserver, page_size=2).fetch_rows().rows == rows
    httpserver.check_assertions()


def test_an_incremental_read_asks_only_for_rows_updated_since_the_mark(httpserver):
    mark = datetime(2026, 8, 1, 10, tzinfo=UTC)
    httpserver.expect_request(
        PATH, query_string=query(0, 1000, **{"$where": ":updated_at > '2026-08-01T10:00:00.000Z'"})
    ).respond_with_json([dataset_row(1)])

    assert client_for(httpserver).fetch_rows(since=mark).rows == [dataset_row(1)]
    httpserver.check_assertions()


@pytest.mark.parametrize("status", [429, 202])
def test_retries_a_throttled_or_pending_answer(httpserver, status):
    httpserver.expect_ordered_request(PATH).respond_with_data("", status=status)
    httpserver.expect_ordered_request(PATH).respond_with_json([dataset_row(1)])

    assert client_for(httpserver).fetch_rows().rows == [dataset_row(1)]
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


def test_reports_the_columns_every_answer_lists(httpserver):
    for offset, columns in [(0, ["a", "b", "c"]), (1, ["a", "b"])]:
        httpserver.expect_request(PATH, query_string=query(offset, 1)).respond_with_response(
            Response(
                json.dumps([dataset_row(offset)] if offset == 0 else []),
                headers={"X-SODA2-Fields": json.dumps(columns)},
                content_type="application/json",
            )
        )

    assert client_for(httpserver, page_size=1).fetch_rows().columns == {"a", "b"}


def test_without_the_list_of_columns_they_are_unknown(httpserver):
    httpserver.expect_request(PATH).respond_with_json([dataset_row(1)])

    assert client_for(httpserver).fetch_rows().columns is None


def test_sends_the_app_token_as_a_header(httpserver):
    httpserver.expect_request(PATH, headers={"X-App-Token": "city-token"}).respond_with_json([])

    assert client_for(httpserver, app_token="city-token").fetch_rows().rows == []
    httpserver.check_assertions()


def test_reads_the_dataset_address_and_token_from_settings(settings):
    settings.SODA_BASE_URL = "https://data.example.org/"
    settings.SODA_DATASET_ID = "abcd-1234"
    settings.SODA_APP_TOKEN = "from-env"

    client = SodaClient()

    assert client.url == "https://data.example.org/resource/abcd-1234.json"
    assert client.app_token == "from-env"


# Budgets: a deadline for the whole download, capped waits, a size limit.


@pytest.fixture
def drip_server():
    """A server that answers one byte at a time, `server.drip` seconds apart: the whole
    answer (`server.headers_too = True`) or only its body."""
    stop = threading.Event()

    class Drip(BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps([{"unique_id_number": "P001en"}]).encode()
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            try:
                if not self.server.headers_too:
                    self.wfile.write(head)
                    self.wfile.flush()
                for byte in head + body if self.server.headers_too else body:
                    if stop.wait(self.server.drip):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except OSError:
                return

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    server.drip, server.headers_too = 0.05, False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    stop.set()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers and body"])
def test_a_server_that_sends_one_byte_at_a_time_meets_the_deadline(drip_server, headers_too):
    drip_server.headers_too = headers_too
    client = SodaClient(
        base_url=f"http://127.0.0.1:{drip_server.server_port}/",
        dataset_id="kvhd-5fmu",
        app_token="",
        backoff_factor=0,
        deadline=0.5,
    )

    with pytest.raises(FetchError, match="longer than its 0.5 s deadline"):
        client.fetch_rows()


def test_a_long_retry_after_is_cut_to_a_minute(httpserver, monkeypatch):
    waits = []
    monkeypatch.setattr(time, "sleep", waits.append)
    httpserver.expect_ordered_request(PATH).respond_with_data(
        "", status=429, headers={"Retry-After": "21600"}
    )
    httpserver.expect_ordered_request(PATH).respond_with_json([dataset_row(1)])

    client_for(httpserver).fetch_rows()

    assert waits == [60]


def test_a_retry_after_past_the_deadline_gives_up_at_once(httpserver, monkeypatch):
    waits = []
    monkeypatch.setattr(time, "sleep", waits.append)
    httpserver.expect_request(PATH).respond_with_data(
        "", status=503, headers={"Retry-After": "3600"}
    )

    with pytest.raises(FetchError, match="past the download's 30 s deadline"):
        client_for(httpserver, deadline=30).fetch_rows()

    assert waits == [] and len(httpserver.log) == 1


def test_an_answer_bigger_than_the_limit_is_refused(httpserver):
    httpserver.expect_request(PATH).respond_with_json([dataset_row(n) for n in range(50)])

    with pytest.raises(FetchError, match="larger than the 10,000 bytes"):
        client_for(httpserver, max_bytes=10_000).fetch_rows()


def test_a_compressed_answer_is_measured_as_it_unpacks(httpserver):
    bomb = gzip.compress(b"[" + b" " * 20_000_000 + b"]")
    httpserver.expect_request(PATH).respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="application/json"
    )

    with pytest.raises(FetchError, match="larger than the 1,000,000 bytes"):
        client_for(httpserver, max_bytes=1_000_000).fetch_rows()


# The app token stays with the dataset's host.


def test_the_app_token_never_follows_a_redirect_to_another_host(httpserver):
    other = HTTPServer(host="127.0.0.1")
    other.start()
    try:
        other.expect_request(PATH).respond_with_json([dataset_row(1)])
        httpserver.expect_request(PATH).respond_with_data(
            "", status=302, headers={"Location": other.url_for(PATH)}
        )

        result = client_for(httpserver, app_token="city-token").fetch_rows()

        [(elsewhere, _answer)] = other.log
        assert "X-App-Token" not in elsewhere.headers
        assert httpserver.log[0][0].headers["X-App-Token"] == "city-token"
        assert result.rows == [dataset_row(1)]
    finally:
        other.clear()
        other.stop()


def test_the_app_token_follows_a_redirect_on_the_same_host(httpserver):
    httpserver.expect_request(f"/old{PATH}").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for(PATH)}
    )
    httpserver.expect_request(PATH, headers={"X-App-Token": "city-token"}).respond_with_json([])
    client = SodaClient(
        base_url=httpserver.url_for("/old"), dataset_id="kvhd-5fmu", app_token="city-token"
    )

    assert client.fetch_rows().rows == []
    httpserver.check_assertions()
