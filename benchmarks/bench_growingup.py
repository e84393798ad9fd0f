"""Server render time of Growing Up NYC's age guide, tips list and activity guide, with the
queries each takes, in English, Spanish and Arabic."""

import statistics
import time

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

ROUNDS = 20
PATHS = [
    "/age-guides/toddler/",
    "/brain-building-tips/",
    "/brain-building-tips/tips.json",
    "/summer/?borough=bronx&free=1",
    "/summer/activities.json",
]


def run(report):
    client = Client()
    host = f"{settings.SITE_HOSTS['growingup']}:{settings.SITE_PORT}"
    for path in PATHS:
        timings = []
        for prefix in ("", "/es", "/ar"):
            url = prefix + path
            client.get(url, HTTP_HOST=host)  # warm the caches
            for _ in range(ROUNDS):
                started = time.perf_counter()
                response = client.get(url, HTTP_HOST=host)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(path, HTTP_HOST=host)
        report(f"{path}: median render (en, es, ar)", statistics.median(timings), "ms", "< 150")
        report(f"{path}: queries", len(queries), "queries")
