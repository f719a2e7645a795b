"""Where something is in a file: one type for every rule family."""

from __future__ import annotations

from dataclasses import dataclass

from taiyaku.model.records import quick_init

__all__ = ["Spot"]


@quick_init
@dataclass(frozen=True)
class Spot:
    """A place in a file (1-based line and column), and where its span ends when known
    (the end column is exclusive)."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
