"""Rendering a build's URLs on every core: worker processes forked from the build, each with a
database connection of its own, render chunks of the build's URLs through SiteRenderer and send
back what they rendered; the build keeps it in the order of its URLs, so its files and manifest
are the same bytes whatever the number of workers. A build of few URLs (an incremental rebuild
after a publish) renders in its own process: forking would cost more than it saves."""

import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.util import Finalize

from django.conf import settings
from django.db import connections

from cms.publishing.outputs import url_to_path
from cms.publishing.rendering import SiteRenderer

# A build of fewer URLs than this renders in-process.
PARALLEL_FROM = 100
# URLs a worker renders per round trip: enough that the round trips cost little, few enough
# that the build keeps writing while the workers render, and that the URLs spread evenly.
CHUNK = 8


class RenderWorkerDied(Exception):
    """A render worker stopped (killed, out of memory) before sending back its URLs."""


@dataclass(frozen=True)
class RenderJob:
    """One URL of a build: a page's (`page`), a language's 404 page (`not_found`) or search
    page (`search`), and the file it is written to."""

    kind: str
    url: str
    page_id: int | None
    language_code: str

    @property
    def path(self):
        return url_to_path(self.url)

    @classmethod
    def for_page(cls, output):
        return cls("page", output.url, output.page_id, output.language_code)

    @classmethod
    def not_found(cls, code):
        return cls("not_found", f"{language_prefix(code)}/404.html", None, code)

    @classmethod
    def search(cls, code):
        return cls("search", f"{language_prefix(code)}/search/", None, code)

    def as_json(self):
        return [self.kind, self.url, self.page_id, self.language_code]

    @classmethod
    def from_json(cls, data):
        return cls(*data)


def language_prefix(code):
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def render_job(renderer, job):
    if job.kind == "not_found":
        return renderer.render_not_found(job.language_code)
    return renderer.render(job.url)


def default_workers():
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs, workers=None):
    """How many processes render `jobs`: 1 (in-process) for a small build, or when the build
    runs inside a transaction that a worker's own connection could not see."""
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(jobs) < PARALLEL_FROM or not _can_fork():
        return 1
    return min(workers, max(1, len(jobs) // CHUNK))


def render_in_order(renderer, jobs, workers=None):
    """(job, Rendered) for each of `jobs`, in their order, rendered by `workers` processes (by
    default one per core) or in this one. Raises RenderWorkerDied when a worker stops."""
    count = worker_count(jobs, workers)
    if count == 1:
        for job in jobs:
            yield job, render_job(renderer, job)
        return
    yield from _render_in_workers(renderer.site, jobs, count)


def _render_in_workers(site, jobs, count):
    chunks = [jobs[start : start + CHUNK] for start in range(0, len(jobs), CHUNK)]
    # The workers open connections of their own; the build reopens its own when it next asks.
    connections.close_all()
    executor = ProcessPoolExecutor(
        max_workers=count,
        mp_context=get_context("fork"),
        initializer=_start_worker,
        initargs=(site,),
    )
    try:
        pending = {
            executor.submit(_render_chunk, chunk): index for index, chunk in enumerate(chunks)
        }
        done, kept = {}, 0
        while kept < len(chunks):
            finished, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done[pending.pop(future)] = _result(future)
            while kept in done:
                yield from zip(chunks[kept], done.pop(kept), strict=True)
                kept += 1
    except BaseException:
        # A failure, Ctrl-C, or the build that stopped reading: the workers stop at once.
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _result(future):
    try:
        return future.result()
    except BrokenProcessPool as broken:
        raise RenderWorkerDied(
            "A render worker stopped before it sent back its pages (killed, or out of "
            "memory); the build stops, and the live output stays as it was."
        ) from broken


def _can_fork():
    """Whether workers would see what this process sees: not when it is inside a transaction
    (its writes are not visible to other connections), except on an in-memory SQLite database,
    which the forked workers share as it is at the fork. Only the main thread forks: a thread
    of a threaded server (a build that the immediate task backend runs in a request) might
    fork while another thread holds a lock the workers would then wait for forever."""
    if threading.current_thread() is not threading.main_thread():
        return False
    return all(
        not connection.in_atomic_block or _in_memory(connection)
        for connection in connections.all(initialized_only=True)
    )


def _in_memory(connection):
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


# The connections a worker inherited open: kept referenced, so that they are never garbage
# collected, which would close them, and with PostgreSQL end the build's own session. A worker
# ends with os._exit (as multiprocessing ends forked processes), which runs no finalizer.
_inherited = []
_renderer = None


def _start_worker(site):
    global _renderer
    # Ctrl-C reaches the whole process group: the build stops its workers itself, and ends
    # them with SIGTERM, which a task worker's handler (inherited) would only note.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not _in_memory(connection):
            _inherited.append(connection)
            connections[connection.alias] = connections.create_connection(connection.alias)
    # The worker's own connections end with it.
    Finalize(None, connections.close_all, exitpriority=10)
    _renderer = SiteRenderer(site)


def _render_chunk(jobs):
    return [render_job(_renderer, job) for job in jobs]
