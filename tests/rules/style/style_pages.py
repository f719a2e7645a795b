"""Helpers for the JA rule tests: a Japanese page from body text, the findings on it, and
the text a finding's fix gives."""

from __future__ import annotations

import csv
import textwrap
from collections.abc import Iterable
from pathlib import Path

from helpers import make_site, run_site
from taiyaku.model.diagnostics import Diagnostic, Edit
from taiyaku.run.result import RunResult


def page(body: str, title: str = "テスト") -> str:
    """A page with front matter and ``body`` (dedented)."""
    return f"---\ntitle: {title}\n---\n\n{textwrap.dedent(body).strip()}\n"


def ja_run(
    root: Path, body: str, *, select: str = "JA", rel: str = "a.md", **options: object
) -> RunResult:
    """Check one Japanese page holding ``body`` (its only page: the site's style is its own)."""
    make_site(root, {rel: page(body)})
    result = run_site(root, select=[select], **options)
    assert not result.internal_errors, result.internal_errors
    return result


def ja(
    root: Path, body: str, *, select: str = "JA", rel: str = "a.md", **options: object
) -> list[str]:
    """Findings on a one-page site as ``"LINE:COL CODE message"``."""
    result = ja_run(root, body, select=select, rel=rel, **options)
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics]


def found(result: RunResult) -> list[str]:
    """What each finding points at: the source text between its start and end."""
    texts = []
    for d in result.diagnostics:
        texts.append(span_text(d))
    return texts


def span_text(d: Diagnostic) -> str:
    lines = d.path.read_text(encoding="utf-8").split("\n")
    assert d.end_line == d.line and d.end_column is not None, d
    return lines[d.line - 1][d.column - 1 : d.end_column - 1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied (1-based lines and columns, end exclusive), as the
    fix machinery will apply them: from the last to the first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    ordered = sorted(edits, key=lambda e: (e.line, e.column), reverse=True)
    for edit in ordered:
        begin, end = offset(edit.line, edit.column), offset(edit.end_line, edit.end_column)
        text = text[:begin] + edit.replacement + text[end:]
    return text


def fixed(d: Diagnostic) -> str:
    """The file ``d`` is on, with ``d``'s fix applied."""
    assert d.fix is not None, d
    return apply_edits(d.path.read_text(encoding="utf-8"), d.fix.edits)


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated table of tests/data (lines starting with # are notes)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(
        csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    )
