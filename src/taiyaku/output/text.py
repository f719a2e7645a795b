"""Human-readable text: ``path:line:col: severity CODE [name] message``, the source line, a
summary.  The severity is a word on every line, so a CI log without colour shows it.
Page text and file names are printed as data (:mod:`taiyaku.output.terminal`): control
characters spelled out, no line starting with ``::``, a long source line as a window
around the column."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from taiyaku.model.diagnostics import Diagnostic, Severity
from taiyaku.output.json_format import fixable_counts
from taiyaku.output.terminal import printable, safe_line_start, window

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}

Style = Literal["full", "concise", "grouped"]


def render(
    result: RunResult,
    *,
    color: bool = False,
    width: int = 100,
    quiet: bool = False,
    style: Style = "full",
) -> str:
    """The findings for a person.  ``full``: each finding, the source line it points at
    (cut to ``width`` columns around the column) and its related places; ``concise``:
    one line per finding; ``grouped``: the findings under their file's name.  Then the
    summary, unless ``quiet``."""
    lines: list[str] = []
    current: Path | None = None
    for d in result.diagnostics:
        label = _label(d, color)
        message = f"{label} [{d.name}] {printable(d.message)}"
        if style == "grouped":
            if d.path != current:
                if current is not None:
                    lines.append("")
                lines.append(f"{_shown_path(result, d.path)}:")
                current = d.path
            lines.append(f"  {d.line}:{d.column} {message}")
            continue
        lines.append(f"{_shown_path(result, d.path)}:{d.line}:{d.column}: {message}")
        if style == "full":
            lines += _context(result, d, width)
    if not quiet:
        if style == "grouped" and result.diagnostics:
            lines.append("")
        lines.append(summary_line(result))
        fixable = fixable_line(result)
        if fixable:
            lines.append(fixable)
    return "\n".join(lines) + "\n" if lines else ""


def _label(d: Diagnostic, color: bool) -> str:
    label = f"{d.severity.value} {d.code}"
    if color:
        label = f"\x1b[1;{_COLORS[d.severity]}m{label}\x1b[0m"
    if d.fix is not None and d.fix.edits and d.fix.applicability == "safe":
        label += " [*]"  # as ruff marks what --fix fixes
    return label


def _shown_path(result: RunResult, path: Path) -> str:
    return safe_line_start(printable(result.display(path)))


def _context(result: RunResult, d: Diagnostic, width: int) -> list[str]:
    """The source line (a window of it) with a caret, and the related places."""
    lines = []
    snippet = result.source(d.path, d.line)
    if snippet:
        gutter = f"{d.line:>5} | "
        shown, caret = window(snippet, d.column, max(width - len(gutter), 20))
        lines.append(gutter + shown)
        lines.append(" " * (len(gutter) + caret) + "^")
    for related in d.related:
        note = f" ({printable(related.message)})" if related.message else ""
        seen = printable(result.display(related.path))
        lines.append(f"      = see {seen}:{related.line}{note}")
    return lines


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
