"""Baselines: record today's findings, then report only new ones.

For adopting taiyaku on a site that already has findings::

    taiyaku check --write-baseline taiyaku-baseline.json   # record them (exit 0)
    taiyaku check --baseline taiyaku-baseline.json         # report only new findings
    taiyaku check --baseline taiyaku-baseline.json --prune-baseline   # forget fixed ones

The file is JSON, one entry per distinct finding::

    {"version": 1, "entries": [{"code": "PR001", "path": "content/ucom/remote-support.md",
      "fingerprint": "…", "message": "…", "count": 2}]}

``path`` is relative to the baseline file's folder (POSIX).  ``fingerprint`` is
:meth:`Diagnostic.fingerprint`: code, path and message with line references masked, so
an entry survives lines moving.  ``count`` (absent when 1) makes the baseline a multiset:
with two identical findings and one recorded, one is reported.

An entry counts as *fixed* only when this run could have seen it: its file was checked
and its rule ran, or its file is gone.  So a run over a few files (pre-commit) or a few
rules never calls the other entries fixed, and ``--write-baseline`` on such a run keeps
them.  Paths and messages are as seen from the working directory: write and use the
baseline from the same folder (the repository root).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from taiyaku.errors import BaselineError
from taiyaku.model.atomic import write_atomically
from taiyaku.model.diagnostics import Diagnostic
from taiyaku.model.paths import display_path
from taiyaku.run.result import BaselineCounts, RunResult

__all__ = [
    "Baseline",
    "BaselineError",
    "BaselineOutcome",
    "Entry",
    "apply_baseline",
    "prune_baseline",
    "write_baseline",
]

VERSION = 1


@dataclass(frozen=True)
class Entry:
    code: str
    path: str  # POSIX, relative to the baseline file's folder
    fingerprint: str
    message: str
    count: int = 1

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.code, self.path, self.fingerprint)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "path": self.path,
            "fingerprint": self.fingerprint,
            "message": self.message,
        }
        if self.count != 1:
            data["count"] = self.count
        return data


@dataclass
class Baseline:
    path: Path
    entries: list[Entry]

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(
                f"baseline file {_display(path)} does not exist "
                f"(create it with --write-baseline {_display(path)})"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc.__class__.__name__
            raise BaselineError(f"{_display(path)}: cannot read baseline file: {reason}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"{_display(path)}: baseline file is not valid JSON (line {exc.lineno}: {exc.msg})"
            ) from None
        return cls(path, _entries(data, path))

    def write(self) -> None:
        data = {
            "version": VERSION,
            "comment": "taiyaku baseline: these findings are not reported. "
            "Regenerate with `taiyaku check --write-baseline FILE`.",
            "entries": [e.as_json() for e in sorted(self.entries, key=_entry_order)],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.path, text)


@dataclass(frozen=True)
class BaselineOutcome:
    """What a baseline did in one run: how many findings it hid, which entries are fixed."""

    baseline: Baseline
    suppressed: int
    fixed: tuple[Entry, ...]  # count = how many of the entry's findings are gone

    @property
    def fixed_count(self) -> int:
        return sum(e.count for e in self.fixed)

    def summary(self, *, hint: bool = True) -> str:
        line = (
            f"baseline {_display(self.baseline.path)}: "
            f"{_plural(self.suppressed, 'finding')} suppressed, {self.fixed_count} fixed"
        )
        if self.fixed and hint:
            line += " (--prune-baseline drops them from the file)"
        return line


def _entries(data: Any, path: Path) -> list[Entry]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f'{_display(path)}: not a taiyaku baseline (no "entries" list)')
    if data.get("version") != VERSION:
        version = data.get("version")
        raise BaselineError(
            f"{_display(path)}: unsupported baseline version {version!r} (expected {VERSION})"
        )
    entries = []
    for number, item in enumerate(data["entries"], start=1):
        fields = ("code", "path", "fingerprint")
        if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
            raise BaselineError(
                f"{_display(path)}: baseline entry {number} needs string code, path and fingerprint"
            )
        count = item.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise BaselineError(
                f"{_display(path)}: baseline entry {number}: count must be 1 or more"
            )
        message = item.get("message", "")
        entries.append(Entry(item["code"], item["path"], item["fingerprint"], str(message), count))
    return entries


def _entry_order(entry: Entry) -> tuple[str, str, str, str]:
    return (entry.path, entry.code, entry.message, entry.fingerprint)


def _relative(path: Path, folder: Path) -> str:
    return Path(display_path(path, folder)).as_posix()


def _key(d: Diagnostic, folder: Path) -> tuple[str, str, str]:
    rel = _relative(d.path, folder)
    return (d.code, rel, d.fingerprint(rel))


def record(diagnostics: Iterable[Diagnostic], folder: Path) -> list[Entry]:
    """Entries for ``diagnostics``, identical findings folded into one with a count."""
    counts: Counter[tuple[str, str, str]] = Counter()
    messages: dict[tuple[str, str, str], str] = {}
    for d in diagnostics:
        key = _key(d, folder)
        counts[key] += 1
        messages.setdefault(key, d.message)
    return [Entry(*key, messages[key], count) for key, count in counts.items()]


def _evaluated(result: RunResult, folder: Path) -> Callable[[Entry], bool]:
    """A predicate: could this run have reported ``entry``?  (See the module docs.)"""
    checked = {_relative(p, folder) for p in result.checked}
    codes = {r.code for r in result.rules}

    def evaluated(entry: Entry) -> bool:
        if entry.code not in codes:
            return False
        return entry.path in checked or not (folder / entry.path).exists()

    return evaluated


def apply_baseline(result: RunResult, baseline: Baseline) -> tuple[RunResult, BaselineOutcome]:
    """``result`` without the baselined findings, and what the baseline did."""
    folder = baseline.folder
    remaining: Counter[tuple[str, str, str]] = Counter()
    for e in baseline.entries:  # (a hand-edited file may hold a key twice: add up)
        remaining[e.key] += e.count
    kept: list[Diagnostic] = []
    suppressed = 0
    for d in result.diagnostics:
        key = _key(d, folder)
        if remaining[key] > 0:
            remaining[key] -= 1
            suppressed += 1
        else:
            kept.append(d)
    evaluated = _evaluated(result, folder)
    fixed: dict[tuple[str, str, str], Entry] = {}
    for e in baseline.entries:
        if remaining[e.key] > 0 and e.key not in fixed and evaluated(e):
            fixed[e.key] = replace(e, count=remaining[e.key])
    outcome = BaselineOutcome(baseline, suppressed, tuple(fixed.values()))
    counts = BaselineCounts(outcome.suppressed, outcome.fixed_count)
    return result.with_diagnostics(tuple(kept), baseline=counts), outcome


def write_baseline(result: RunResult, path: Path) -> str:
    """Record ``result``'s findings in ``path``; entries this run could not see are kept."""
    folder = path.resolve().parent
    entries = record(result.diagnostics, folder)
    kept: list[Entry] = []
    if path.is_file():
        try:
            previous = Baseline.load(path)
        except BaselineError:
            previous = None  # a corrupt file is replaced
        if previous is not None:
            evaluated = _evaluated(result, folder)
            kept = [e for e in previous.entries if not evaluated(e)]
    baseline = Baseline(path, entries + kept)
    baseline.write()
    note = f" (kept {_plural(len(kept), 'entry')} for files or rules not checked)" if kept else ""
    return (
        f"recorded {_plural(sum(e.count for e in entries), 'finding')} "
        f"({_plural(len(entries), 'entry')}) in {_display(path)}{note}"
    )


def prune_baseline(outcome: BaselineOutcome) -> str:
    """Rewrite the baseline without its fixed entries."""
    gone = Counter({e.key: e.count for e in outcome.fixed})
    entries: list[Entry] = []
    for e in outcome.baseline.entries:
        left = e.count - gone[e.key]
        gone[e.key] = max(0, -left)
        if left > 0:
            entries.append(replace(e, count=left))
    Baseline(outcome.baseline.path, entries).write()
    path = _display(outcome.baseline.path)
    return f"pruned {_plural(outcome.fixed_count, 'fixed finding')} from {path}"


def _display(path: Path) -> str:
    return display_path(path, climb=False)


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"
