"""Grouped text: each file's name, then its findings (``line:col severity CODE [name]
message``), as ruff's ``--output-format grouped``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taiyaku.output import text

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult


def render(result: RunResult, *, color: bool = False, width: int = 100, quiet: bool = False) -> str:
    return text.render(result, color=color, width=width, quiet=quiet, style="grouped")
