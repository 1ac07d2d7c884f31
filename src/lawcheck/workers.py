"""Checking a batch in worker processes: the same reports, messages and order as one process.

A batch of 200 profiles is CPU work in pure Python (parse, evaluate, render), so one process
uses one core. Workers are forked after the checklists are loaded, so they share them and start
in milliseconds; each prints nothing itself but hands back what it would have printed, which the
parent writes in the order of the files. Where fork is not safe (Windows, macOS, a process with
other threads) or the system refuses a pool, the batch runs in this process: slower, never different.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# The work of the current batch. Set before the pool forks, so the workers inherit it as it is:
# a closure over the loaded checklists needs no pickling.
_work: Callable[[str], Any] | None = None


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's total)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Fork is safe and cheap on Linux (macOS and Windows default to spawn for good reasons), but
    only in a process with no other thread: a lock another thread holds at the fork stays held in
    the child for ever. The CLI has none; a program that calls it in-process may (a test runner
    driving a browser does), and then the batch runs here instead."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every OS thread, not only Python's
    except OSError:
        return False


def ordered_map(work: Callable[[str], T], items: Sequence[str], jobs: int) -> Iterator[tuple[T, str]]:
    """``(work(item), what it wrote to stderr)`` for each item, in the order of ``items``.

    With ``jobs`` > 1 (and fork available) the first item runs here and the rest are shared among
    that many forked workers, whose stderr comes back as text. Whatever runs here prints as it
    goes, and its second element is "".
    """
    jobs = min(jobs, len(items) - 1)
    if jobs < 2 or not can_fork():
        for item in items:
            yield work(item), ""
        return
    # The first item is done here: what every item needs once per process (compiled templates,
    # first-use imports, caches) is then made once, and every worker inherits it.
    yield work(items[0]), ""
    items = items[1:]
    # small chunks keep every worker busy to the end; a few items each amortise the round trips
    chunk = max(1, len(items) // (jobs * 32))
    # A Ctrl-C in the middle of forking would land in the fork's own handlers (and be lost there):
    # hold it until the pool exists, when it interrupts the run like any other.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pool = None
    try:
        pool = _pool(work, jobs)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if pool is None:
            for item in items:
                yield work(item), ""
            return
        yield from pool.imap(_run, items, chunksize=chunk)
    except BaseException:  # Ctrl-C, or the caller stopped: stop the workers where they are
        if pool is not None:
            pool.terminate()
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    # done: let the workers exit on their own, never by a signal that could catch one in a lock
    pool.close()
    pool.join()


def _pool(work: Callable[[str], Any], jobs: int) -> Any:
    import multiprocessing

    global _work
    _work = work
    try:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_signals)
    except OSError:  # no semaphores (some sandboxes): one process still does the job
        return None


# In a worker: True while it runs the work (not while it waits on the pool's queue), and True
# once it has been told to stop.
_busy = False
_stop = False


def _quiet_signals() -> None:
    # Ctrl-C reaches the whole process group: only the parent answers it, by terminating the
    # workers (SIGTERM). A worker waiting on the pool exits at once; one in the middle of a
    # profile finishes it first, so that the report it is writing is whole or never written.
    # (An exception raised from the handler instead would land wherever the signal found the
    # work, even inside the call that creates a temporary file, before its name is known.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminate)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # forked while it was held


def _terminate(signum: int, frame: object) -> None:
    global _stop
    if not _busy:
        os._exit(128 + signum)
    _stop = True


def _run(item: str) -> tuple[Any, str]:
    global _busy
    assert _work is not None
    captured = io.StringIO()
    _busy = True
    try:
        with contextlib.redirect_stderr(captured):
            result = _work(item)
    finally:
        _busy = False
        if _stop:  # told to stop while working: exit now, not through the pool's machinery
            os._exit(128 + signal.SIGTERM)
    return result, captured.getvalue()
