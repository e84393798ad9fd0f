"""GET /healthz: can this CMS process do its work? For load balancers, orchestrators and uptime
probes. 200 when the database and the search backend answer, 503 otherwise; the body also says
how the task queue and the static builds are doing, which never make it fail (a stale build is
no reason to take a web process out of service).

It is cheap (one `SELECT 1`, one aggregate over the queued tasks, one ping of Elasticsearch and
a stat per site) and tells an anonymous caller no more than "ok" or "unreachable": no host
names, versions, addresses, paths or error messages; those go to the log."""

import logging
from datetime import UTC, datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from cms.core import sites
from cms.publishing.folders import default_output_root
from cms.publishing.manifest import live_manifest_path

logger = logging.getLogger(__name__)

PATH = "/healthz"
OK = "ok"
UNREACHABLE = "unreachable"
UNKNOWN_QUEUE = {"queued": None, "oldest_queued_seconds": None}
# A probe must answer well within its own timeout, whatever ELASTICSEARCH_TIMEOUT says.
SEARCH_PING_SECONDS = 2


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers /healthz before any other middleware can turn the probe
    away. Load balancers probe by IP address and over plain HTTP, so CommonMiddleware's
    ALLOWED_HOSTS check (request.get_host()) and SecurityMiddleware's HTTPS redirect would
    refuse them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return healthz(request)
        return self.get_response(request)


@require_GET
def healthz(request):
    database = database_status()
    search = search_status(database)
    healthy = database == OK and search == OK
    response = JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": database,
            "search": search,
            # Without a database, asking again would only wait for its timeout a second time.
            "tasks": task_queue() if database == OK else UNKNOWN_QUEUE,
            "static_builds": static_builds(),
        },
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database is unreachable", exc_info=True)
        return UNREACHABLE
    return OK


def search_status(database):
    """Elasticsearch's answer to a ping, when a backend is Elasticsearch (one ping: the
    backends share one cluster); the database backend is as healthy as the database."""
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            return OK if _ping(backend) else UNREACHABLE
    return database


def _ping(backend):
    client = backend.es.options(
        request_timeout=SEARCH_PING_SECONDS, max_retries=0, retry_on_timeout=False
    )
    # ping() turns transport and HTTP errors into False; anything else is a failure too.
    try:
        answered = client.ping()
    except Exception:
        logger.warning("Health check: Elasticsearch ping failed", exc_info=True)
        return False
    if not answered:
        logger.warning("Health check: Elasticsearch did not answer a ping")
    return answered


def task_queue():
    """Tasks waiting for a db_worker, and how long the oldest has waited since it was
    enqueued. Always empty with the immediate backend."""
    try:
        waiting = DBTaskResult.objects.ready().aggregate(
            queued=Count("pk"), oldest=Min("enqueued_at")
        )
    except DatabaseError:
        logger.warning("Health check: the task queue could not be read", exc_info=True)
        return UNKNOWN_QUEUE
    oldest = waiting["oldest"]
    age = None if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
    return {"queued": waiting["queued"], "oldest_queued_seconds": age}


def static_builds():
    """{site key: when its live static build was swapped in (ISO 8601, UTC), or None}. A build
    writes its manifest last and is swapped in only when it succeeded."""
    output_root = default_output_root()
    return {
        site_key: _modified_at(live_manifest_path(output_root, site_key))
        for site_key in sites.site_keys()
    }


def _modified_at(path):
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(modified, tz=UTC).isoformat(timespec="seconds")
