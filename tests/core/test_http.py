"""The one HTTP session factory: a timeout on every request, retries on server errors only."""

import pytest
import requests
from requests.adapters import HTTPAdapter

from cms.core import http, sanitise
from cms.events import reading
from cms.programs import parsing


class Recording(HTTPAdapter):
    timeouts = []

    def send(self, request, **kwargs):
        self.timeouts.append(kwargs["timeout"])
        return super().send(request, **kwargs)


def test_a_request_without_a_timeout_gets_the_sessions(httpserver):
    httpserver.expect_request("/").respond_with_data("ok")
    session = http.session(user_agent="test", timeout=(2, 3), adapter_class=Recording)
    Recording.timeouts.clear()

    session.get(httpserver.url_for("/"))
    session.get(httpserver.url_for("/"), timeout=7)

    assert Recording.timeouts == [(2, 3), 7]


def test_a_503_is_tried_again_and_a_404_is_not(httpserver):
    httpserver.expect_ordered_request("/busy").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/busy").respond_with_data("ok", status=200)
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    session = http.session(user_agent="test", retries=2, backoff=0)

    busy = session.get(httpserver.url_for("/busy"))
    gone = session.get(httpserver.url_for("/gone"))

    assert busy.status_code == 200 and busy.text == "ok"
    assert gone.status_code == 404
    assert [request.path for request, _response in httpserver.log].count("/gone") == 1
    assert httpserver.log[0][0].headers["User-Agent"] == "test"


def test_retries_give_up_after_their_number(httpserver):
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    session = http.session(user_agent="test", retries=1, backoff=0)

    with pytest.raises(requests.exceptions.RetryError):
        session.get(httpserver.url_for("/down"))
    assert len(httpserver.log) == 2


def test_both_importers_clean_text_with_the_one_sanitiser():
    for name in ("clean_html", "clean_text", "safe_url"):
        assert getattr(reading, name) is getattr(sanitise, name)
        assert getattr(parsing, name) is getattr(sanitise, name)
    assert reading.printable is sanitise.printable
