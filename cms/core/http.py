"""The one way the project calls other servers: a requests session with a timeout on every
request and bounded retries on server errors. Every outside call (partner calendars, the city's
program dataset, link checks) gets its session here."""

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

TIMEOUT = (5, 30)  # seconds to connect, seconds between bytes
RETRY_STATUSES = (429, 500, 502, 503, 504)


class _Session(requests.Session):
    """A session whose requests wait no longer than its timeout unless the caller says how long."""

    def __init__(self, timeout):
        super().__init__()
        self.timeout = timeout

    def request(self, method, url, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, url, **kwargs)


def session(
    *,
    user_agent,
    retries=2,
    backoff=1.0,
    status_forcelist=RETRY_STATUSES,
    timeout=TIMEOUT,
    adapter_class=HTTPAdapter,
):
    """A requests session for outside calls: `timeout` on every request that names none,
    `retries` more tries on connection errors and on `status_forcelist` answers (with
    exponential `backoff`), and `user_agent` on every request. One `adapter_class` instance
    serves http and https (reach it with `session.get_adapter(url)`)."""
    http = _Session(timeout)
    # No retries at all is requests' own default: an answer or an error, as it comes.
    retry = (
        Retry(total=retries, backoff_factor=backoff, status_forcelist=status_forcelist)
        if retries
        else Retry(0, read=False)
    )
    adapter = adapter_class(max_retries=retry)
    http.mount("https://", adapter)
    http.mount("http://", adapter)
    http.headers["User-Agent"] = user_agent
    return http
