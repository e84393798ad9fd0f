"""Work on outside data that must not take the worker down: a function run in a child process
with a ceiling on its memory and a limit on its time. When either runs out the child is
stopped and the caller gets OverBudget; the worker itself never grows. Inside the work, a
smaller time limit can bound one part of it (one event of a calendar)."""

import multiprocessing
import os
import resource
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

MEGABYTE = 1024 * 1024


class OverBudget(Exception):
    """The work needed more time or memory than it was given. `resource` says which."""

    def __init__(self, resource_name, limit):
        super().__init__(f"{resource_name} over {limit}")
        self.resource = resource_name
        self.limit = limit


@dataclass(frozen=True)
class Spent:
    """What the work used: wall-clock seconds, and the child's peak resident memory."""

    seconds: float
    peak_megabytes: float


def call_within(function, *args, seconds, megabytes, **kwargs):
    """`function(*args, **kwargs)` in a child process that may allocate `megabytes` beyond what
    it starts with and must answer within `seconds`. Returns (result, Spent). Raises
    OverBudget, or what the function raised (it must be picklable, as must the result)."""
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_run_child, args=(sender, seconds, megabytes, function, args, kwargs)
    )
    started = time.monotonic()
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise OverBudget("time", seconds)
        try:
            outcome, value, peak = receiver.recv()
        except EOFError:
            # The child died without answering: the kernel stopped it for its memory.
            raise OverBudget("memory", megabytes) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    spent = Spent(seconds=time.monotonic() - started, peak_megabytes=peak / 1024)
    if outcome == "memory":
        raise OverBudget("memory", megabytes)
    if outcome == "error":
        raise value
    return value, spent


def _run_child(sender, seconds, megabytes, function, args, kwargs):
    _limit_memory(megabytes)
    # Should the parent die before it can stop the child, the processor time limit does.
    _set_limit(resource.RLIMIT_CPU, int(seconds) + 5)
    try:
        answer = ("done", function(*args, **kwargs))
    except MemoryError:
        answer = ("memory", None)
    except Exception as error:
        answer = ("error", error)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        sender.send((*answer, peak))
    except MemoryError:
        sender.send(("memory", None, peak))
    except Exception as error:  # an answer that cannot be sent back
        sender.send(("error", RuntimeError(f"The answer could not be sent back: {error}"), peak))
    sender.close()


def _limit_memory(megabytes):
    """Cap the child's address space at what it has now (its share of the parent) plus
    `megabytes`. Linux counts it; elsewhere only the time limit applies."""
    try:
        with open("/proc/self/statm") as statm:
            in_use = int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return
    _set_limit(resource.RLIMIT_AS, in_use + megabytes * MEGABYTE)


def _set_limit(kind, limit):
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(kind, (limit, hard))


@contextmanager
def time_limit(seconds):
    """Raise TimeoutError inside the block once it has run `seconds`. It takes the process's
    alarm, so it only acts on the main thread of a Unix process (as in `call_within`'s child);
    elsewhere the block runs unbounded and the caller's own budget is what bounds it."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(_signal, _frame):
        raise TimeoutError(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
