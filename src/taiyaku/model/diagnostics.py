"""Diagnostics: what rules find and what reporters print.

Rules yield :class:`Finding` objects that know only *where* and *what*; the engine stamps
each one with the rule's code, name and configured severity and turns it into a
:class:`Diagnostic`.  Reporters know nothing but Diagnostics, the source lines they quote
and :class:`RuleMeta` (what each code means).
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from taiyaku.model.records import quick_init

__all__ = [
    "Applicability",
    "Diagnostic",
    "Edit",
    "Finding",
    "Fix",
    "Related",
    "RuleMeta",
    "Severity",
    "rule_anchor",
]


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


@quick_init
@dataclass(frozen=True)
class Related:
    """Another place involved in a finding, usually the counterpart page."""

    path: Path
    line: int
    message: str = ""


Applicability = Literal["safe", "unsafe"]


@quick_init
@dataclass(frozen=True)
class Edit:
    """Replace the text of a file between two places (1-based lines and columns counted
    in characters; the end is exclusive) by ``replacement``.  An empty span inserts."""

    path: Path
    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """What a finding's rule knows will mend it: edits, and whether applying them can
    change what the page means (``unsafe``) or cannot (``safe``).  Rules only describe
    a fix; the engine applies it, when the user asks."""

    edits: tuple[Edit, ...]
    applicability: Applicability = "safe"
    description: str = ""  # "replace ../email-form/ by /support/email-form"


@quick_init
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
    # One fact, one message: this finding is dropped where another rule reports the same
    # fact.  Each entry is (code, path): "not when rule ``code`` reports on ``path`` in
    # this run" (it is selected and not ignored for that file).  The engine decides, with
    # the run's rule selection; the rule never asks which rules run.
    deferred_to: tuple[tuple[str, Path], ...] = ()
    fix: Fix | None = None


def rule_anchor(code: str, name: str) -> str:
    """A rule's anchor in docs/rules.md (GitHub's slug of its heading ``TM001
    hours-mismatch``), which the HTML report and SARIF's helpUri use too."""
    return f"{code.lower()}-{name}"


@dataclass(frozen=True)
class RuleMeta:
    """A rule as reports describe it: what the run's diagnostics of that code mean."""

    code: str
    name: str
    severity: Severity  # as configured for this run
    default_severity: Severity
    scope: str  # page | pair | site
    summary: str  # the docstring's first sentence
    what_it_does: str  # its "What it does" section
    doc: str  # the whole docstring (Markdown)

    @property
    def anchor(self) -> str:
        """The rule's anchor, as in docs/rules.md: ``tm001-hours-mismatch``."""
        return f"{self.code.lower()}-{self.name}"

    @property
    def family(self) -> str:
        """``TM`` for ``TM001``."""
        return self.code.rstrip("0123456789") or self.code


@quick_init
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
    fix: Fix | None = None

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
