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

__all__ = ["PageAlarm", "PageTimeout", "fewer_collections", "time_limit", "timeout_message"]


class PageAlarm:
    """The per-page time limit over a stretch of checking, with ``SIGALRM``.

    Entering installs the signal handler and leaving restores the one before; in
    between, :meth:`limit` only arms and disarms the timer around each page's work.
    (Installing a handler per page cost two calls of :func:`signal.signal`, each a few
    microseconds, which added up to 1 % of a whole check.)  An alarm outside a
    :meth:`limit` block, which only a race at its end can deliver, is ignored.

    Works in the main thread of a POSIX process (the CLI and its worker processes);
    elsewhere, or with ``seconds <= 0``, it does nothing.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._usable = (
            seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self._installed = False
        self._armed = False
        self._previous: object = None
        self._depth = 0  # entered this many times (only the outermost installs)

    def __enter__(self) -> PageAlarm:
        if self._depth == 0 and self._usable:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            self._installed = True
        self._depth += 1
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._installed:
            self.disarm()
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._installed = False

    @contextmanager
    def limit(self) -> Iterator[None]:
        """Raise :class:`PageTimeout` in this block after ``seconds`` of wall time."""
        if not self._installed:
            yield
            return
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            self.disarm()

    def disarm(self) -> None:
        self._armed = False
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _on_alarm(self, signum: int, frame: object) -> None:
        if not self._armed:
            return
        # If the exception lands somewhere that swallows it (a garbage-collector
        # callback, a __del__), fire again shortly until it reaches the page's code.
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        raise PageTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`PageTimeout` in this block after ``seconds`` of wall time (a
    :class:`PageAlarm` of its own, for a single piece of work)."""
    with PageAlarm(seconds) as alarm, alarm.limit():
        yield


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
