"""Server render time of both home pages in every language, through Wagtail's serving path."""

import statistics
import time

from django.conf import settings
from django.test import Client

ROUNDS = 20


def run(report):
    client = Client()
    for site_key, host in settings.SITE_HOSTS.items():
        timings = []
        for code, _name in settings.LANGUAGES:
            path = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
            client.get(path, HTTP_HOST=host)  # warm the caches
            for _ in range(ROUNDS):
                started = time.perf_counter()
                response = client.get(path, HTTP_HOST=host)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (host, path, response.status_code)
        timings.sort()
        report(f"{site_key} home, 11 languages: median render", statistics.median(timings), "ms")
        report(
            f"{site_key} home, 11 languages: p95 render", timings[int(len(timings) * 0.95)], "ms"
        )
