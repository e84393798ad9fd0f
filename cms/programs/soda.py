"""A small client for the Socrata SODA API that serves NYC Open Data's Benefits and Programs
dataset: paged, ordered reads, timeouts, and bounded retries with exponential backoff. Whatever
a server does, a download keeps to its limits: one deadline for all its pages, retries and
waits; a cap on what it may send and on what parsing it may cost; and the app token goes to
the dataset's own host only. `read_file()` reads rows from a file within the same limits."""

import contextlib
import json
import math
import re
import socket
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter

from cms.core import http
from cms.core.sanitise import shown

PAGE_SIZE = 1000
# Socrata answers 202 while it prepares a result, 429 when it throttles, 5xx when unwell.
RETRY_STATUSES = (202, 429, 500, 502, 503, 504)
BACKOFF_MAX = 60
# What one download may cost, whatever the server sends (the whole dataset is about 1,100 rows
# and 5 MB): seconds for all its pages, retries and waits; seconds a Retry-After may ask for; and
# bytes, rows, values (fields and list items) and objects or lists, which bound the memory
# parsing takes (an empty list costs some twenty times its size in the file).
DOWNLOAD_DEADLINE = 120
RETRY_AFTER_MAX = 60
MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024
MAX_ROWS = 10_000
MAX_VALUES = 1_000_000
MAX_CONTAINERS = 2 * MAX_ROWS
MAX_REDIRECTS = 5
TOKEN_HEADER = "X-App-Token"
USER_AGENT = "NYC family and youth sites program sync"
# A JSON string, escapes included: what is left outside them is the structure to count.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_SODA_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z"
)


class SyncError(Exception):
    """A sync cannot go on; nothing it did is kept. The message says why, for editors."""


class FetchError(SyncError):
    pass


class SchemaError(SyncError):
    pass


@dataclass
class Dataset:
    """Rows as the SODA endpoint returns them, and the dataset's columns when the source lists
    them (None for a file, or answers without the list)."""

    rows: list
    columns: frozenset | None = None


def parse_timestamp(value):
    """A SODA system timestamp (`:updated_at`, 2026-08-01T10:00:00.000Z) as an aware datetime;
    None for anything else."""
    if not isinstance(value, str) or not _SODA_TIMESTAMP.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def soql_timestamp(moment):
    """A datetime as SoQL writes a timestamp: formatted here, so no text reaches a query."""
    moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def read_file(path):
    """The rows in a JSON file holding an array of objects, as the SODA endpoint returns them,
    within a download's limits. Raises FetchError."""
    allowance = _Allowance(MAX_DOWNLOAD_BYTES)
    data = bytearray()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1024 * 1024):
                allowance.spend_bytes(len(chunk), path)
                data += chunk
    except OSError as error:
        raise FetchError(f"{path}: {error}") from error
    return Dataset(_load_rows(data, path, allowance))


class SodaClient:
    """Reads every row of a dataset, or the rows changed since a `:updated_at` mark."""

    def __init__(
        self,
        *,
        base_url=None,
        dataset_id=None,
        app_token=None,
        page_size=PAGE_SIZE,
        timeout=(5, 60),
        tries=5,
        backoff_factor=1.0,
        deadline=DOWNLOAD_DEADLINE,
        max_bytes=MAX_DOWNLOAD_BYTES,
    ):
        self.base_url = (base_url or settings.SODA_BASE_URL).rstrip("/")
        self.dataset_id = dataset_id or settings.SODA_DATASET_ID
        self.app_token = settings.SODA_APP_TOKEN if app_token is None else app_token
        self.page_size = page_size
        self.timeout = timeout
        self.tries = tries
        self.backoff_factor = backoff_factor
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.home = _origin(self.base_url)
        # Retries are this client's own, to keep to the deadline and to Retry-After.
        self.session = http.session(
            user_agent=USER_AGENT, retries=0, timeout=timeout, adapter_class=_CuttableAdapter
        )
        self.adapter = self.session.get_adapter(self.base_url)
        self.session.headers["Accept"] = "application/json"

    @property
    def url(self):
        return f"{self.base_url}/resource/{self.dataset_id}.json"

    def fetch_rows(self, since=None):
        """A Dataset of every row (with the `:updated_at` system field), or only the rows updated
        after the datetime `since`. Raises FetchError; returns nothing partial."""
        params = {"$select": ":*,*", "$order": ":id", "$limit": self.page_size}
        if since is not None:
            params["$where"] = f":updated_at > '{soql_timestamp(since)}'"
        allowance = _Allowance(self.max_bytes, self.deadline)
        rows, column_lists, offset = [], [], 0
        with _Watchdog(self.adapter, self.deadline):
            while True:
                page, columns = self._get_page({**params, "$offset": offset}, allowance)
                rows.extend(page)
                column_lists.append(columns)
                if len(page) < self.page_size:
                    break
                offset += self.page_size
        # A column counts only if every page's answer lists it.
        known = None if None in column_lists else frozenset.intersection(*column_lists)
        return Dataset(rows, known)

    def _get_page(self, params, allowance):
        where = f"{self.url} (offset {params['$offset']})"
        for attempt in range(1, self.tries + 1):
            allowance.check_time(where)
            try:
                with self._get(self.url, params, allowance, where) as response:
                    if response.status_code not in RETRY_STATUSES:
                        return self._read_page(response, where, allowance)
                    problem, wait = f"HTTP {response.status_code}", _retry_after(response)
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as error:
                problem, wait = str(error), None
            except requests.RequestException as error:
                allowance.check_time(where)
                raise FetchError(f"{where}: {error}") from error
            # A connection cut at the deadline lands here too.
            allowance.check_time(where)
            if attempt == self.tries:
                break
            if wait is None:
                wait = min(self.backoff_factor * 2 ** (attempt - 1), BACKOFF_MAX)
            wait = min(wait, RETRY_AFTER_MAX)
            if wait > allowance.time_left():
                raise FetchError(
                    f"{where}: {problem}; waiting {wait:g} s to try again would go past the "
                    f"download's {self.deadline:g} s deadline"
                )
            time.sleep(wait)
        raise FetchError(f"{where}: gave up after {self.tries} tries ({shown(problem, 200)})")

    def _get(self, url, params, allowance, where):
        """The answer at `url`, following redirects here rather than in requests, so the app
        token goes to the dataset's own host only (requests keeps custom headers on a redirect
        to another host)."""
        for _hop in range(MAX_REDIRECTS + 1):
            token = self.app_token and _origin(url) == self.home
            response = self.session.get(
                url,
                params=params,
                headers={TOKEN_HEADER: self.app_token} if token else {},
                timeout=(self.timeout[0], max(0.1, min(self.timeout[1], allowance.time_left()))),
                stream=True,
                allow_redirects=False,
            )
            if not response.is_redirect:
                return response
            response.close()
            url, params = urljoin(response.url, response.headers["Location"]), None
        raise FetchError(f"{where}: more than {MAX_REDIRECTS} redirects")

    def _read_page(self, response, where, allowance):
        body = bytearray()
        for chunk in response.iter_content(64 * 1024):
            allowance.spend_bytes(len(chunk), where)
            body += chunk
        if response.status_code != 200:
            text = body[:400].decode("utf-8", "replace")
            raise FetchError(f"{where}: HTTP {response.status_code} {shown(text, 200)}")
        return _load_rows(body, where, allowance), _columns(response)


class _Allowance:
    """What one download may still spend: bytes, rows, values and containers, and time."""

    def __init__(self, max_bytes, seconds=None):
        self.max_bytes, self.bytes = max_bytes, max_bytes
        self.rows, self.values, self.containers = MAX_ROWS, MAX_VALUES, MAX_CONTAINERS
        self.seconds = seconds
        self.ends_at = None if seconds is None else time.monotonic() + seconds

    def time_left(self):
        return math.inf if self.ends_at is None else self.ends_at - time.monotonic()

    def check_time(self, where):
        if self.time_left() <= 0:
            raise FetchError(
                f"{where}: the download took longer than its {self.seconds:g} s deadline"
            )

    def spend_bytes(self, count, where):
        self.bytes -= count
        if self.bytes < 0:
            raise FetchError(
                f"{where}: the answer is larger than the {self.max_bytes:,} bytes a download "
                "may take"
            )


def _load_rows(data, where, allowance):
    """The list of rows in JSON bytes, refused before parsing when its structure alone would
    cost more memory than a download may take."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FetchError(f"{where}: the answer is not UTF-8 text ({error})") from error
    structure = _JSON_STRING.sub("", text)
    allowance.values -= structure.count(",")
    allowance.containers -= structure.count("{") + structure.count("[")
    del structure
    if allowance.values < 0 or allowance.containers < 0:
        raise FetchError(
            f"{where}: holds more values than the sync reads ({MAX_VALUES:,} fields, "
            f"{MAX_CONTAINERS:,} objects or lists)"
        )
    try:
        # Every value of a row is text; a number is read as a float, so even one too long for an
        # int (Python refuses 4,300 digits) only skips its row.
        rows = json.loads(text, parse_int=float)
    except RecursionError as error:
        raise FetchError(f"{where}: its values are nested too deeply to read") from error
    except ValueError as error:
        raise FetchError(f"{where}: the answer is not valid JSON ({error})") from error
    if not isinstance(rows, list):
        raise FetchError(f"{where}: expected a list of rows, got {type(rows).__name__}")
    allowance.rows -= len(rows)
    if allowance.rows < 0:
        raise FetchError(f"{where}: more than {MAX_ROWS:,} rows")
    return rows


def _columns(response):
    """The dataset's columns as the answer lists them (X-SODA2-Fields), None when it does not."""
    try:
        columns = json.loads(response.headers.get("X-SODA2-Fields", ""))
    except ValueError:
        return None
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        return None
    return frozenset(columns)


def _retry_after(response):
    """The seconds a Retry-After header asks for (a number or an HTTP date), None without one."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _origin(url):
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme)


class _CuttableAdapter(HTTPAdapter):
    """An adapter that can cut its open connections mid-read. A socket timeout bounds each wait
    for a byte, not the whole answer: a server sending one byte every few seconds would hold a
    download for ever, so a deadline needs a way to cut it."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.sockets = weakref.WeakSet()
        self._watch(self.poolmanager)

    def proxy_manager_for(self, proxy, **kwargs):
        manager = super().proxy_manager_for(proxy, **kwargs)
        self._watch(manager)
        return manager

    def _watch(self, manager):
        """Make `manager`'s pools note the socket of every connection they open."""
        sockets = self.sockets

        def watched(pool_class):
            if getattr(pool_class, "watched", False):
                return pool_class

            class Watched(pool_class):
                watched = True

                class ConnectionCls(pool_class.ConnectionCls):
                    def connect(self):
                        super().connect()
                        sockets.add(self.sock)

            return Watched

        manager.pool_classes_by_scheme = {
            scheme: watched(pool_class)
            for scheme, pool_class in manager.pool_classes_by_scheme.items()
        }

    def cut(self):
        for sock in list(self.sockets):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """Cuts an adapter's connections once `seconds` have passed, and again every half second
    until the download ends (so one opened meanwhile is cut too)."""

    def __init__(self, adapter, seconds):
        self.adapter, self.seconds = adapter, seconds
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.done.set()
        self.thread.join()

    def _watch(self):
        if self.done.wait(self.seconds):
            return
        while not self.done.is_set():
            self.adapter.cut()
            self.done.wait(0.5)
