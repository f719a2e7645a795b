"""``--statistics``: how many findings each rule has, errors first, most first."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

__all__ = ["Row", "render", "rows"]

_RANK = {"error": 0, "warning": 1, "info": 2}


class Row(NamedTuple):
    code: str
    name: str
    severity: str
    count: int
    fixable: int  # how many `--fix` fixes


def rows(result: RunResult) -> list[Row]:
    """One row per rule with findings, errors first, then the most frequent."""
    counts: Counter[str] = Counter(d.code for d in result.diagnostics)
    fixable: Counter[str] = Counter(
        d.code
        for d in result.diagnostics
        if d.fix is not None and d.fix.edits and d.fix.applicability == "safe"
    )
    first = {}
    for d in result.diagnostics:
        first.setdefault(d.code, d)
    table = [
        Row(code, first[code].name, first[code].severity.value, count, fixable[code])
        for code, count in counts.items()
    ]
    return sorted(table, key=lambda r: (_RANK[r.severity], -r.count, r.code))


def render(result: RunResult, *, as_json: bool = False) -> str:
    table = rows(result)
    if as_json:
        return json.dumps([r._asdict() for r in table], ensure_ascii=False, indent=2) + "\n"
    if not table:
        return ""
    width = max(len(str(r.count)) for r in table)
    name_width = max(len(r.name) for r in table)
    lines = [
        f"{r.count:>{width}}  {r.code}  {'[*]' if r.fixable else '   '} "
        f"{r.name:<{name_width}}  {r.severity}" + (f" ({r.fixable} fixable)" if r.fixable else "")
        for r in table
    ]
    return "\n".join(lines) + "\n"
