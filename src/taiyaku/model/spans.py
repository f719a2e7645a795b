"""Where something is in a file: one type for every rule family."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Spot"]


@dataclass(frozen=True)
class Spot:
    """A place in a file (1-based line and column), and where its span ends when known
    (the end column is exclusive)."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
