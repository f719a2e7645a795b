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
from taiyaku.output.json_format import fixable_counts
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
        if d.fix is not None and d.fix.edits and d.fix.applicability == "safe":
            label += " [*]"  # as ruff marks what --fix fixes
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
    fixable = fixable_line(result)
    if fixable:
        lines.append(fixable)
    return "\n".join(lines) + "\n"


def fixable_line(result: RunResult) -> str:
    """``[*] 3 fixable with --fix (1 more with --unsafe-fixes).``, or "" if none."""
    counts = fixable_counts(result)
    if not counts["safe"] and not counts["unsafe"]:
        return ""
    more = f" ({counts['unsafe']} more with --unsafe-fixes)" if counts["unsafe"] else ""
    return f"[*] {counts['safe']} fixable with `taiyaku check --fix`{more}."


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

