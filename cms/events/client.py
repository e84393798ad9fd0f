"""Partner calendars as bytes: downloaded over HTTP(S) (webcal:// too) or read from a file,
retried on server errors, time-limited, and never more than 10 MB."""

import time as clock

import requests

from cms.core import http

MAX_BYTES = 10 * 1024 * 1024
TOO_LARGE = "The calendar is larger than 10 MB."
DEADLINE = 120  # seconds for a whole download
USER_AGENT = "NYC family and youth sites calendar import"


class FeedError(Exception):
    """A calendar that could not be downloaded or read. Nothing was changed."""


def download(url):
    """The bytes of a calendar at `url`: retried on server errors, time-limited, at most
    10 MB. Raises FeedError."""
    session = http.session(user_agent=USER_AGENT)
    url = url.replace("webcal://", "https://", 1) if url.startswith("webcal://") else url
    started = clock.monotonic()
    try:
        with session.get(url, stream=True) as response:
            response.raise_for_status()
            if int(response.headers.get("Content-Length") or 0) > MAX_BYTES:
                raise FeedError(TOO_LARGE)
            chunks, size = [], 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FeedError(TOO_LARGE)
                if clock.monotonic() - started > DEADLINE:
                    raise FeedError("The calendar took too long to download.")
                chunks.append(chunk)
    except requests.RequestException as error:
        raise FeedError(f"The calendar could not be downloaded: {error}") from error
    return b"".join(chunks)


def read_file(path):
    """A calendar file's bytes, read no further than what reading.read_calendar refuses."""
    with open(path, "rb") as file:
        return file.read(MAX_BYTES + 1)
