"""/healthz answers a load balancer's probe on any host and over plain HTTP: 200 while the
database and search answer, 503 when either does not, and never more than an anonymous visitor
should know."""

import json
import os
from datetime import datetime, timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from cms import health
from search.backend_settings import search_backends

pytestmark = pytest.mark.django_db

UNREACHABLE_ELASTICSEARCH = "http://127.0.0.1:9"  # the discard port: nothing listens


@task()
def tidy_up():
    pass


@pytest.fixture(autouse=True)
def _no_static_builds(settings, tmp_path):
    # A developer's own dist/ must not show up in these answers.
    settings.STATIC_BUILD_DIR = tmp_path


def get_health(client, **headers):
    response = client.get("/healthz", **headers)
    return response, json.loads(response.content)


def test_healthy_with_every_part_reported(client):
    response, body = get_health(client)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    assert body == {
        "status": "ok",
        "database": "ok",
        "search": "ok",
        "tasks": {"queued": 0, "oldest_queued_seconds": None},
        "static_builds": {"growingup": None, "generation": None},
    }


def test_the_time_of_a_live_static_build(client, tmp_path):
    manifest = tmp_path / "growingup" / "build-manifest.json"
    manifest.parent.mkdir()
    manifest.write_text("{}")
    built = timezone.now() - timedelta(minutes=5)
    os.utime(manifest, (built.timestamp(), built.timestamp()))

    _response, body = get_health(client)

    builds = body["static_builds"]
    assert abs(datetime.fromisoformat(builds["growingup"]) - built) < timedelta(seconds=1)
    assert builds["generation"] is None


def test_the_oldest_queued_task(client, settings):
    settings.TASKS = settings.TASKS_BY_BACKEND["database"]
    waiting = tidy_up.enqueue()
    tidy_up.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()  # not due yet
    DBTaskResult.objects.filter(pk=waiting.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=90)
    )

    _response, body = get_health(client)

    assert body["tasks"]["queued"] == 1
    assert 90 <= body["tasks"]["oldest_queued_seconds"] < 120


class BrokenConnection:
    def cursor(self):
        raise OperationalError("connection to server at 10.1.2.3 failed")


def test_unavailable_without_the_database(client, monkeypatch):
    monkeypatch.setattr(health, "connection", BrokenConnection())

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["database"] == "unreachable"
    assert body["search"] == "unreachable"  # the database backend lives in the database
    assert body["tasks"] == {"queued": None, "oldest_queued_seconds": None}
    assert "10.1.2.3" not in response.content.decode()


def test_unavailable_without_elasticsearch(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        UNREACHABLE_ELASTICSEARCH, languages=["en", "es"], timeout=1
    )

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert (body["database"], body["search"]) == ("ok", "unreachable")


def test_healthy_when_elasticsearch_answers(client, settings, httpserver):
    httpserver.expect_request("/", method="HEAD").respond_with_data(
        "", headers={"X-Elastic-Product": "Elasticsearch", "Content-Type": "application/json"}
    )
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        httpserver.url_for("/"), languages=["en"], timeout=1
    )

    response, body = get_health(client)

    assert (response.status_code, body["search"]) == (200, "ok")
    assert len(httpserver.log) == 1  # one ping, however many backends


def test_the_answer_names_no_host_address_or_path(client, settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(UNREACHABLE_ELASTICSEARCH, languages=["en"])
    (tmp_path / "generation").mkdir()
    (tmp_path / "generation" / "build-manifest.json").write_text("{}")

    response, _body = get_health(client)

    text = response.content.decode()
    for secret in ("127.0.0.1", "://", "localhost", str(tmp_path), "build-manifest", "sqlite"):
        assert secret not in text


def test_answers_any_host_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response, body = get_health(client, HTTP_HOST="10.0.0.1")
    other_page = client.get("/admin/login/", HTTP_HOST="10.0.0.1")

    assert (response.status_code, body["status"]) == (200, "ok")
    assert other_page.status_code == 400  # what the probe would get without the middleware


def test_get_only(client):
    assert client.post("/healthz").status_code == 405
