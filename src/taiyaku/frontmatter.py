"""Front matter: split and parse (interim version; replaced by the full parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


@dataclass(frozen=True)
class FrontMatterProblem:
    line: int
    column: int
    message: str
    kind: str


@dataclass
class FrontMatter:
    present: bool = False
    raw: str = ""
    data: dict[str, Any] | None = None
    key_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    start_line: int = 0
    end_line: int = 0
    body_start_line: int = 1
    body_offset: int = 0
    problems: list[FrontMatterProblem] = field(default_factory=list)


def parse_front_matter(source: str) -> FrontMatter:
    lines = source.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            raw = "\n".join(lines[1:index])
            offset = sum(len(line) + 1 for line in lines[: index + 1])
            fm = FrontMatter(True, raw, None, {}, 1, index + 1, index + 2, offset)
            try:
                data = yaml.safe_load(raw) or {}
            except yaml.YAMLError as exc:
                fm.problems.append(FrontMatterProblem(1, 1, str(exc), "syntax"))
                return fm
            if isinstance(data, dict):
                fm.data = data
                for n, line in enumerate(lines[1:index], start=2):
                    if line and not line[0].isspace() and ":" in line:
                        fm.key_lines[(line.split(":", 1)[0].strip(),)] = n
            return fm
    return FrontMatter(
        True, "", None, {}, 1, 0, 1, 0, [FrontMatterProblem(1, 1, "no closing ---", "not-closed")]
    )
