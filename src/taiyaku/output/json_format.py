"""JSON: one object, a public interface (documented in the README, tested)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from taiyaku import __version__
from taiyaku.model.diagnostics import Fix, Severity

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult


def as_dict(result: RunResult) -> dict[str, Any]:
    by_code: dict[str, int] = {}
    for d in result.diagnostics:
        by_code[d.code] = by_code.get(d.code, 0) + 1
    data: dict[str, Any] = {
        "version": __version__,
        "diagnostics": [
            {
                "path": result.display(d.path),
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "code": d.code,
                "name": d.name,
                "severity": d.severity.value,
                "message": d.message,
                "related": [{"path": result.display(r.path), "line": r.line} for r in d.related],
                "fix": _fix(d.fix, result),
            }
            for d in result.diagnostics
        ],
        "summary": {
            "files": result.files,
            "pairs": result.pairs,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "by_code": dict(sorted(by_code.items())),
            "fixable": fixable_counts(result),
        },
    }
    if result.setup is not None:
        data["summary"]["setup"] = result.setup.as_json(result.display)
    if result.baseline is not None:
        data["summary"]["baseline"] = {
            "suppressed": result.baseline.suppressed,
            "fixed": result.baseline.fixed,
        }
    return data


def _fix(fix: Fix | None, result: RunResult) -> dict[str, Any] | None:
    if fix is None or not fix.edits:
        return None
    return {
        "applicability": fix.applicability,
        "description": fix.description,
        "edits": [
            {
                "path": result.display(e.path),
                "line": e.line,
                "column": e.column,
                "end_line": e.end_line,
                "end_column": e.end_column,
                "replacement": e.replacement,
            }
            for e in fix.edits
        ],
    }


def fixable_counts(result: RunResult) -> dict[str, int]:
    """How many diagnostics ``--fix`` fixes (``safe``) and ``--unsafe-fixes`` adds."""
    counts = {"safe": 0, "unsafe": 0}
    for d in result.diagnostics:
        if d.fix is not None and d.fix.edits:
            counts[d.fix.applicability] += 1
    return counts


def render(result: RunResult) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
