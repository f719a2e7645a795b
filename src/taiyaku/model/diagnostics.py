"""Diagnostics: what rules find and what reporters print.

Rules yield :class:`Finding` objects that know only *where* and *what*; the engine stamps
each one with the rule's code, name and configured severity and turns it into a
:class:`Diagnostic`.  Reporters know nothing but Diagnostics.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Diagnostic", "Finding", "Related", "Severity"]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {allowed})") from None


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@dataclass(frozen=True)
class Related:
    """Another place involved in a finding, usually the counterpart page."""

    path: Path
    line: int
    message: str = ""


@dataclass(frozen=True)
class Finding:
    """A problem as a rule reports it, before the engine stamps code and severity.

    ``severity`` overrides the rule's default for this one finding (TM001 reports both
    errors and warnings); the user's configured severity for the rule still wins.
    """

    path: Path
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    severity: Severity | None = None
    related: tuple[Related, ...] = ()
    # Text that identifies the finding independently of its line, for baselines.
    fingerprint_text: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    path: Path  # absolute
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    related: tuple[Related, ...] = field(default=())
    fingerprint_text: str | None = None
    snippet: str | None = None  # the source line, for human-readable output

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.code)

    def fingerprint(self, display_path: str) -> str:
        """A line-independent identity: code + path + message with numbers normalised.

        Line numbers quoted inside messages (``chat.md:21``) are masked so that a
        finding survives lines moving above it.
        """
        text = self.fingerprint_text or _LINE_REF.sub(r"\1:#", self.message)
        digest = hashlib.sha256(f"{self.code}\0{display_path}\0{text}".encode()).hexdigest()
        return digest[:20]


_LINE_REF = re.compile(r"(\.mdx?|\.markdown):\d+")
