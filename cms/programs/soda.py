"""A small client for the Socrata SODA API that serves NYC Open Data's Benefits and Programs
dataset: paged, ordered reads, timeouts, and bounded retries with exponential backoff."""

import json

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PAGE_SIZE = 1000
# Socrata answers 202 while it prepares a result, 429 when it throttles, 5xx when unwell.
RETRY_STATUSES = (202, 429, 500, 502, 503, 504)


class SyncError(Exception):
    """A sync cannot go on; nothing it did is kept. The message says why, for editors."""


class FetchError(SyncError):
    pass


class SchemaError(SyncError):
    pass


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
        required_columns=(),
    ):
        self.base_url = (base_url or settings.SODA_BASE_URL).rstrip("/")
        self.dataset_id = dataset_id or settings.SODA_DATASET_ID
        self.app_token = settings.SODA_APP_TOKEN if app_token is None else app_token
        self.page_size = page_size
        self.timeout = timeout
        self.tries = tries
        self.required_columns = set(required_columns)
        self.session = requests.Session()
        retry = Retry(
            total=tries - 1,
            backoff_factor=backoff_factor,
            backoff_max=60,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=["GET"],
            respect_retry_after_header=True,
            raise_on_status=True,
        )
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.headers["Accept"] = "application/json"
        if self.app_token:
            self.session.headers["X-App-Token"] = self.app_token

    @property
    def url(self):
        return f"{self.base_url}/resource/{self.dataset_id}.json"

    def fetch_rows(self, since=""):
        """Every row (with the `:updated_at` system field), or only those updated after
        `since`. Raises FetchError or SchemaError; returns nothing partial."""
        params = {"$select": ":*,*", "$order": ":id", "$limit": self.page_size}
        if since:
            params["$where"] = f":updated_at > '{since}'"
        rows = []
        offset = 0
        while True:
            page = self._get_page({**params, "$offset": offset})
            rows.extend(page)
            if len(page) < self.page_size:
                return rows
            offset += self.page_size

    def _get_page(self, params):
        where = f"{self.url} (offset {params['$offset']})"
        try:
            response = self.session.get(self.url, params=params, timeout=self.timeout)
        except requests.exceptions.RetryError as error:
            raise FetchError(f"{where}: gave up after {self.tries} tries ({error})") from error
        except requests.RequestException as error:
            raise FetchError(f"{where}: {error}") from error
        if response.status_code != 200:
            raise FetchError(f"{where}: HTTP {response.status_code} {response.text[:200]}")
        self._check_columns(response, where)
        try:
            page = response.json()
        except ValueError as error:
            raise FetchError(f"{where}: the answer is not valid JSON ({error})") from error
        if not isinstance(page, list):
            raise FetchError(f"{where}: expected a list of rows, got {type(page).__name__}")
        return page

    def _check_columns(self, response, where):
        header = response.headers.get("X-SODA2-Fields")
        if not header or not self.required_columns:
            return
        try:
            columns = set(json.loads(header))
        except (ValueError, TypeError):
            return
        missing = self.required_columns - columns
        if missing:
            raise SchemaError(f"{where}: the dataset has no column {', '.join(sorted(missing))}")
