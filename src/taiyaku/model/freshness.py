"""How up to date each translation is: the rows of ``taiyaku status`` and of the
report's freshness section.

The freshness rules (:mod:`taiyaku.rules.freshness`) compute them from the git history;
the output layer only lays them out.  Paths are relative to the content root.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from taiyaku.model.lang import Lang

__all__ = ["FRESHNESS_STATES", "CommitRef", "FreshnessTable", "PairFreshness", "State"]

# up-to-date: no source change the translation lacks; behind: it lacks some;
# unknown-pin: the translation's pinned source commit is no commit of the history;
# missing: a source page without translation; orphan: a translation without source.
State = Literal["behind", "unknown-pin", "up-to-date", "missing", "orphan"]
FRESHNESS_STATES: tuple[State, ...] = ("behind", "unknown-pin", "up-to-date", "missing", "orphan")


@dataclass(frozen=True)
class CommitRef:
    """A commit as messages name it: short hash, date, subject."""

    sha: str
    date: str  # YYYY-MM-DD
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    def describe(self) -> str:
        """``1a2b3c4 (2025-03-01, "Update the weekend hours")``."""
        return f'{self.short} ({self.date}, "{self.subject}")'


@dataclass(frozen=True)
class PairFreshness:
    """One page pair (or a page without its other language) and how far behind the
    translation is."""

    key: str  # language-neutral, shared by the two pages: ``support/chat``
    source: str | None  # root-relative path of the source-language page
    translation: str | None
    state: State
    commits: int = 0  # substantive source commits the translation lacks
    pending: bool = False  # and a substantive source change not committed yet
    days: int = 0  # since the oldest of them, up to the newest commit
    oldest: CommitRef | None = None  # the oldest source commit the translation lacks
    changed_line: int | None = None  # the source's first line changed since
    pin: str | None = None  # the source commit the translation names, if it names one

    @property
    def folder(self) -> str:
        """The top-level folder of the pair (``support``), ``""`` for the top level."""
        head, sep, _rest = self.key.partition("/")
        return head if sep else ""

    @property
    def behind(self) -> bool:
        return self.state == "behind"

    def status(self) -> str:
        """``up to date``, ``3 commits behind``, ``translation missing``…"""
        if self.state == "behind":
            parts = []
            if self.commits:
                parts.append(f"{self.commits} commit{'' if self.commits == 1 else 's'}")
            if self.pending:
                parts.append("an uncommitted change")
            return " and ".join(parts) + " behind"
        if self.state == "unknown-pin":
            return f"pinned to unknown commit {self.pin}"
        if self.state == "missing":
            return "translation missing"
        if self.state == "orphan":
            return "source missing"
        return "up to date"

    def since(self) -> str:
        """Since when a translation is behind: ``2025-03-01, 41 days``, ``uncommitted``;
        ``""`` for one that is not."""
        if self.state != "behind":
            return ""
        if self.oldest is None:
            return "uncommitted"
        days = f", {self.days} day{'' if self.days == 1 else 's'}" if self.days else ""
        return f"{self.oldest.date}{days}"


@dataclass(frozen=True)
class FreshnessTable:
    """Every pair's freshness, or why there is none (``note``: not a git repository, a
    shallow clone)."""

    rows: tuple[PairFreshness, ...] = ()
    note: str | None = None
    head: str | None = None
    source_lang: Lang = "ja"

    def behind(self) -> list[PairFreshness]:
        """The translations that are behind, the longest behind first."""
        rows = [r for r in self.rows if r.state == "behind"]
        return sorted(rows, key=lambda r: (-r.days, -r.commits, r.key))

    def count(self, state: State) -> int:
        return sum(1 for r in self.rows if r.state == state)


def sort_key(field_name: str) -> Callable[[PairFreshness], tuple[object, ...]]:
    """The ordering ``taiyaku status --sort`` names: ``behind`` (longest behind first),
    ``path``, ``state``."""
    if field_name == "path":
        return lambda r: (r.key, r.source or r.translation or "")
    if field_name == "state":
        return lambda r: (FRESHNESS_STATES.index(r.state), -r.days, -r.commits, r.key)
    return lambda r: (
        r.state != "behind",
        -r.days,
        -r.commits,
        FRESHNESS_STATES.index(r.state),
        r.key,
    )


def in_folder(row: PairFreshness, folder: str) -> bool:
    """Whether the pair lies under ``folder`` (language-neutral, root-relative)."""
    folder = folder.strip("/")
    if not folder:
        return True
    key = posixpath.normpath(row.key)
    return key == folder or key.startswith(folder + "/")
