"""Bounds on a run: the time one page can cost (a diagnostic, not a hang), and the
garbage collector's work while checking."""

from __future__ import annotations

import contextlib
import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from taiyaku.errors import PageTimeout

__all__ = ["PageTimeout", "fewer_collections", "time_limit", "timeout_message"]


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`PageTimeout` in this block after ``seconds`` of wall time.

    Uses ``SIGALRM``, so it works in the main thread of a POSIX process (the CLI and
    its worker processes); elsewhere, or with ``seconds <= 0``, it does nothing.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        # If the exception lands somewhere that swallows it (a garbage-collector
        # callback, a __del__), fire again shortly until it reaches the page's code.
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_message(seconds: float) -> str:
    """What a page that ran past the limit records (IN003 reports it)."""
    return (
        f"checking this page took longer than {seconds:g} s and was stopped; its findings "
        "are incomplete (raise `max-page-seconds`)"
    )


# The checking phase allocates hundreds of thousands of small, short-lived objects (tokens,
# markdown-it tokens, sentences) and few reference cycles; larger generations spare most
# of the collections that would walk them (full ones walk every token of the site).
_GC_THRESHOLDS = (20_000, 50, 100)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the garbage collector's thresholds for the duration of the block."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(b, t) for b, t in zip(before, _GC_THRESHOLDS, strict=False)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
