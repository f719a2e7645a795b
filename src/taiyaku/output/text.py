"""Human-readable text: ``path:line:col: severity CODE [name] message``, the source line, a
summary.  The severity is a word on every line, so a CI log without colour shows it.
Page text and file names are printed as data (:mod:`taiyaku.output.terminal`): control
characters spelled out, no line starting with ``::``, a long source line as a window
around the column."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Severity
from taiyaku.output.terminal import printable, safe_line_start, window

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def render(result: RunResult, *, color: bool | None = None) -> str:
    color = use_color() if color is None else color
    lines: list[str] = []
    for d in result.diagnostics:
        label = f"{d.severity.value} {d.code}"
        if color:
            label = f"\x1b[1;{_COLORS[d.severity]}m{label}\x1b[0m"
        where = f"{safe_line_start(printable(result.display(d.path)))}:{d.line}:{d.column}"
        lines.append(f"{where}: {label} [{d.name}] {printable(d.message)}")
        snippet = result.source(d.path, d.line)
        if snippet:
            gutter = f"{d.line:>5} | "
            shown, caret = window(snippet, d.column)
            lines.append(gutter + shown)
            lines.append(" " * (len(gutter) + caret) + "^")
        for related in d.related:
            note = f" ({printable(related.message)})" if related.message else ""
            seen = printable(result.display(related.path))
            lines.append(f"      = see {seen}:{related.line}{note}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def summary_line(result: RunResult) -> str:
    counts = [
        _plural(result.count(Severity.ERROR), "error"),
        _plural(result.count(Severity.WARNING), "warning"),
        _plural(result.count(Severity.INFO), "info"),
    ]
    files = _plural(result.files, "file")
    pairs = _plural(result.pairs, "pair")
    return f"Checked {files} ({pairs}): {', '.join(counts)}."


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}" + ("" if n == 1 else "s")

