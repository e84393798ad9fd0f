"""How far a build has got: URLs rendered out of the URLs to render, URLs per second and the
time left, across the sites of one build. What follows it (the progress bar of
`build_static`, the StaticRebuild record the admin's build panel shows) is told of each
change, and takes what it needs."""

import time
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn


class BuildProgress:
    def __init__(self, *listeners, clock=time.monotonic):
        self.listeners = list(listeners)
        self.clock = clock
        self.site_key = None
        self.done = 0
        self.total = 0
        self.started = None

    def start(self, site_key, total):
        """A site of the build starts rendering its `total` URLs."""
        if self.started is None:
            self.started = self.clock()
        self.site_key = site_key
        self.total += total
        self._tell()

    def advance(self, count=1):
        self.done += count
        self._tell()

    @property
    def finished(self):
        return self.done >= self.total

    @property
    def rate(self):
        """URLs rendered per second since the build started rendering, or None."""
        if self.started is None or not self.done:
            return None
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else None

    @property
    def seconds_left(self):
        rate = self.rate
        return None if rate is None else (self.total - self.done) / rate

    def _tell(self):
        for listener in self.listeners:
            listener(self)


class AtMostEvery:
    """A listener told at most once every `seconds`, and whenever a site has rendered all its
    URLs (so that what it shows ends right)."""

    def __init__(self, listener, seconds=1.0, clock=time.monotonic):
        self.listener = listener
        self.seconds = seconds
        self.clock = clock
        self.last = None

    def __call__(self, progress):
        now = self.clock()
        if progress.finished or self.last is None or now - self.last >= self.seconds:
            self.last = now
            self.listener(progress)


def describe_rate(rate):
    return "" if rate is None else f"{rate:.1f} URL/s"


def minutes_and_seconds(seconds):
    """125.4 -> "2:05"."""
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}:{seconds:02d}"


def describe_time_left(seconds):
    return "" if seconds is None else f"{minutes_and_seconds(seconds)} left"


class _Bar:
    """A BuildProgress listener drawing a progress bar; print() writes a line above it."""

    def __init__(self, bar, task):
        self.bar = bar
        self.task = task

    def __call__(self, progress):
        self.bar.update(
            self.task,
            description=progress.site_key or "",
            completed=progress.done,
            total=progress.total,
            rate=describe_rate(progress.rate),
            left=describe_time_left(progress.seconds_left),
        )

    def print(self, line):
        self.bar.console.print(line, highlight=False, markup=False)


@contextmanager
def progress_bar(file):
    """A progress bar on `file` while the block runs: a BuildProgress listener."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.fields[left]}"),
        console=Console(file=file),
        transient=False,
    )
    task = bar.add_task("", total=None, rate="", left="")
    with bar:
        yield _Bar(bar, task)
