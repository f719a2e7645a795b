"""Bound the time one page can cost: a per-page limit becomes a diagnostic, not a hang."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from taiyaku.errors import PageTimeout

__all__ = ["PageTimeout", "time_limit"]


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
