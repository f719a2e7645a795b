"""Where the command line writes: standard output or ``--output-file``, standard error
for notes, colour when it is wanted, and failures to write that are the tool's own.

Standard output is the report itself; standard error carries notes, warnings and
errors, one line each, prefixed ``taiyaku:``.  A write to standard output that fails (a
full disk) is :class:`~taiyaku.errors.OutputError` (exit 2); a closed pipe
(``taiyaku … | head``) is left to :mod:`taiyaku.cli.app`, which ends quietly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from taiyaku.errors import OutputError
from taiyaku.model.atomic import write_atomically

__all__ = ["Console", "emit", "say", "silence_stdout", "wants_color"]

ColorChoice = Literal["auto", "always", "never"]


def emit(text: str) -> None:
    """Write ``text`` to stdout and flush; a failed write is the tool's failure."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def say(line: str) -> None:
    """A line on stderr (never an error of its own: stderr may be gone too)."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr)


def silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's final flush of what is
    still buffered cannot fail again on a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def wants_color(choice: ColorChoice, *, to_terminal: bool) -> bool:
    """``--color``: ``always``, ``never``, or ``auto``: ``FORCE_COLOR`` (non-empty) says
    yes, ``NO_COLOR`` (non-empty) says no, else colour on a terminal that is not dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return to_terminal and os.environ.get("TERM") != "dumb"


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


@dataclass
class Console:
    """One command's output: where it goes, whether in colour, how much is said."""

    output_file: Path | None = None
    color_choice: ColorChoice = "auto"
    quiet: bool = False

    @property
    def color(self) -> bool:
        return wants_color(self.color_choice, to_terminal=self._to_terminal)

    @property
    def _to_terminal(self) -> bool:
        return self.output_file is None and _isatty(sys.stdout)

    @property
    def width(self) -> int:
        """Columns the output may take: the terminal's (or ``COLUMNS``), else 100."""
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) >= 40:
            return int(columns)
        if self._to_terminal:
            with contextlib.suppress(OSError, ValueError):
                return max(os.get_terminal_size(sys.stdout.fileno()).columns, 40)
        return 100

    def write(self, text: str) -> None:
        """The command's output: to ``--output-file`` (atomically), else stdout."""
        if self.output_file is None:
            emit(text)
            return
        try:
            write_atomically(self.output_file, text)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output_file}: {exc.strerror or exc}") from None

    def note(self, line: str) -> None:
        """A note or warning on stderr, unless ``--quiet``."""
        if not self.quiet:
            say(f"taiyaku: {line}")

    def detail(self, line: str) -> None:
        """A line that belongs to the note before it (no prefix), unless ``--quiet``."""
        if not self.quiet:
            say(line)

    def error(self, line: str) -> None:
        """An error on stderr, always."""
        say(f"taiyaku: error: {line}")
