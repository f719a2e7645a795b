"""Human-readable text: ``path:line:col: severity CODE [name] message``, the source line, a
summary.  The severity is a word on every line, so a CI log without colour shows it."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Severity

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
        where = f"{result.display(d.path)}:{d.line}:{d.column}"
        lines.append(f"{where}: {label} [{d.name}] {d.message}")
        snippet = result.source(d.path, d.line)
        if snippet:
            gutter = f"{d.line:>5} | "
            lines.append(gutter + snippet.rstrip())
            lines.append(" " * (len(gutter) + _width(snippet[: d.column - 1])) + "^")
        for related in d.related:
            note = f" ({related.message})" if related.message else ""
            lines.append(f"      = see {result.display(related.path)}:{related.line}{note}")
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


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
