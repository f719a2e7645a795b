"""A progress bar on the terminal for long runs (``check`` and ``report``).

The engine reports progress through an optional callback (``progress(phase, done,
total)``, see :data:`taiyaku.run.engine.Progress`); this module turns it into a `rich`
progress bar on stderr.  It stays silent when stderr is not a terminal, and callers pass
``enabled=False`` when their output is machine-readable.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from taiyaku.run.result import Progress

__all__ = ["progress_bar", "wants_progress"]

_LABELS = {"pages": "Checking pages", "pairs": "Comparing pairs"}


def wants_progress(stream: IO[str] | None = None) -> bool:
    """A bar only on a real terminal (``TERM=dumb`` and ``CI`` count as not one)."""
    stream = stream if stream is not None else sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and os.environ.get("TERM") != "dumb" and not os.environ.get("CI")


@contextmanager
def progress_bar(
    enabled: bool, *, file: IO[str] | None = None, delay: float = 0.0
) -> Iterator[Progress | None]:
    """Yield a progress callback that draws a bar, or None when disabled.

    The bar appears only once the run has taken ``delay`` seconds (a quick run shows
    none), and it is transient: it disappears when the run ends.
    """
    if not enabled:
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )
    except ImportError:  # rich is a dependency, but a bar is never worth a crash
        yield None
        return
    console = Console(file=file if file is not None else sys.stderr)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    bar = Progress(*columns, console=console, transient=True)
    tasks: dict[str, object] = {}
    started_at = time.monotonic()
    shown = False

    def update(phase: str, done: int, total: int) -> None:
        nonlocal shown
        if not shown:
            if time.monotonic() - started_at < delay:
                return
            bar.start()
            shown = True
        task = tasks.get(phase)
        if task is None:
            task = tasks[phase] = bar.add_task(_LABELS.get(phase, phase), total=total)
        bar.update(task, completed=done, total=total)  # type: ignore[arg-type]

    try:
        yield update
    finally:
        if shown:
            bar.stop()
