"""Applying the fixes findings carry: ``check --fix``, ``--unsafe-fixes``, ``--diff``.

Rules only describe a fix (:class:`~taiyaku.model.diagnostics.Fix`: edits by line and
column of the page as it was read); this module turns fixes into new file contents and
writes them, and never loses anything of the user's:

* a fix is taken only when it is safe, or unsafe and ``--unsafe-fixes`` was given;
* edits are applied to the file's bytes as they are: the byte-order mark, each line's
  ending (LF, CRLF or CR) and a missing final newline stay exactly as they were; a line
  break in a replacement takes the ending of the line it is written into;
* fixes whose edits overlap an edit already taken in this round wait for the next round
  (first come, in the order of the diagnostics);
* a file is not written when it could not be read or parsed cleanly (an IN001–IN003 or
  front-matter problem), when it is a symbolic link to a file outside the content root,
  or when its bytes are not those the findings describe (it changed since the check; a
  warning says so); a file that cannot be written (read-only) stops everything before
  any file is written;
* each file is written atomically (:func:`~taiyaku.model.atomic.write_atomically`), after
  checking once more, just before, that it has not changed.

:func:`fix_until_stable` runs the check, applies fixes and checks again, for a bounded
number of rounds, since one fix can make another possible.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from taiyaku.errors import OutputError
from taiyaku.model.atomic import write_atomically
from taiyaku.model.diagnostics import Diagnostic, Edit
from taiyaku.model.paths import display_path
from taiyaku.parse.document import read_document
from taiyaku.run.result import RunResult

__all__ = [
    "MAX_ROUNDS",
    "FixPlan",
    "FixReport",
    "fix_until_stable",
    "plan_fixes",
    "unified_diff",
    "write_fixes",
]

#: Rounds of check-and-fix at most (a fix that keeps enabling others stops here).
MAX_ROUNDS = 10

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class FileFix:
    """One file's new content and the diagnostics whose fixes made it."""

    path: Path
    old: bytes
    new: bytes
    applied: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class FixPlan:
    """What one round of fixing would write."""

    files: tuple[FileFix, ...] = ()
    deferred: int = 0  # fixes left for the next round (they overlap one taken)
    warnings: tuple[str, ...] = ()

    @property
    def applied(self) -> tuple[Diagnostic, ...]:
        return tuple(d for f in self.files for d in f.applied)


@dataclass
class FixReport:
    """What ``--fix`` did over all its rounds."""

    applied: list[Diagnostic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rounds: int = 0
    files: set[Path] = field(default_factory=set)


def wanted(diagnostic: Diagnostic, unsafe: bool) -> bool:
    """Whether ``diagnostic`` has a fix this run applies."""
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.applicability == "safe" or unsafe)


# -- planning ------------------------------------------------------------------------------


def plan_fixes(result: RunResult, *, unsafe: bool) -> FixPlan:
    """The new content of every file the result's fixes change (nothing is written)."""
    chosen = [d for d in result.diagnostics if wanted(d, unsafe)]
    files: dict[Path, _Editing] = {}
    warnings: list[str] = []
    refused: set[Path] = set()
    deferred = 0
    for diagnostic in chosen:
        assert diagnostic.fix is not None
        paths = {edit.path for edit in diagnostic.fix.edits}
        if refused & paths:
            continue
        editing = []
        for path in sorted(paths):
            if path not in files:
                problem = _why_not_fixable(path, result)
                if problem is not None:
                    refused.add(path)
                    warnings.append(f"{result.display(path)}: not fixed: {problem}")
                    break
                files[path] = _Editing.read(path)
            editing.append(files[path])
        else:
            if not _take(diagnostic, editing):
                deferred += 1
    planned = tuple(
        FileFix(path, e.data, e.result(), tuple(e.applied))
        for path, e in sorted(files.items())
        if e.applied
    )
    return FixPlan(planned, deferred, tuple(warnings))


def _why_not_fixable(path: Path, result: RunResult) -> str | None:
    """Why ``path`` must not be written, or None."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "it cannot be read"
    if not real.is_relative_to(result.root.resolve()):
        return "it is a symbolic link to a file outside the content root"
    expected = result.file_hashes.get(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if not expected or hashlib.sha256(data).hexdigest() != expected:
        return "it changed since it was checked (run the check again)"
    doc = read_document(path, path.name)
    if not doc.readable or doc.problems:
        return "it could not be read or parsed cleanly"
    return None


def _take(diagnostic: Diagnostic, files: Sequence[_Editing]) -> bool:
    """Take the diagnostic's fix if none of its edits conflicts with one taken already
    (or with another of its own); a fix whose place is not in the file is not taken."""
    assert diagnostic.fix is not None
    by_path = {f.path: f for f in files}
    spans: list[tuple[_Editing, tuple[int, int], str]] = []
    for edit in diagnostic.fix.edits:
        editing = by_path[edit.path]
        span = editing.span(edit)
        if span is None or editing.conflicts(span):
            return False
        if any(e is editing and _conflict(span, s) for e, s, _r in spans):
            return False
        spans.append((editing, span, edit.replacement))
    for editing, span, replacement in spans:
        editing.add(span, replacement)
    files[0].applied.append(diagnostic)
    return True


def _conflict(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two edits cannot both be made: their spans share text, or one inserts at
    or inside the other (which would go first is not known)."""
    (a1, b1), (a2, b2) = one, other
    if a1 < b2 and a2 < b1:
        return True
    return (a1 == b1 and a2 <= a1 <= b2) or (a2 == b2 and a1 <= a2 <= b1)


class _Editing:
    """One file's text as it is on disk, and the edits taken for it."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        text = data.decode("utf-8")
        self.bom = "\ufeff" if text.startswith("\ufeff") else ""
        self.text = text[len(self.bom) :]
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
        self.ends = [m.start() for m in _LINE_END.finditer(self.text)] + [len(self.text)]
        self.endings = [m.group() for m in _LINE_END.finditer(self.text)]
        self.taken: list[tuple[int, int, str]] = []
        self.applied: list[Diagnostic] = []

    @classmethod
    def read(cls, path: Path) -> _Editing:
        return cls(path, path.read_bytes())

    def offset(self, line: int, column: int) -> int | None:
        """The offset of (line, column) in the text, or None when it is not in it; the
        start of the line after the last is the end of the text."""
        if line == len(self.starts) + 1 and column == 1:
            return len(self.text)
        if not 1 <= line <= len(self.starts):
            return None
        offset = self.starts[line - 1] + column - 1
        if column < 1 or offset > self.ends[line - 1]:
            return None
        return offset

    def span(self, edit: Edit) -> tuple[int, int] | None:
        start = self.offset(edit.line, edit.column)
        end = self.offset(edit.end_line, edit.end_column)
        if start is None or end is None or end < start:
            return None
        return start, end

    def conflicts(self, span: tuple[int, int]) -> bool:
        return any(_conflict(span, (a, b)) for a, b, _text in self.taken)

    def add(self, span: tuple[int, int], replacement: str) -> None:
        start, end = span
        if "\n" in replacement:
            replacement = replacement.replace("\n", self._ending_at(start))
        self.taken.append((start, end, replacement))

    def _ending_at(self, offset: int) -> str:
        for index, end in enumerate(self.ends[:-1]):
            if offset <= end:
                return self.endings[index]
        return self.endings[-1] if self.endings else "\n"

    def result(self) -> bytes:
        text = self.text
        for start, end, replacement in sorted(self.taken, reverse=True):
            text = text[:start] + replacement + text[end:]
        return (self.bom + text).encode("utf-8")


# -- writing ---------------------------------------------------------------------------------


def write_fixes(plan: FixPlan, cwd: Path) -> tuple[list[FileFix], list[str]]:
    """Write the plan's files: those written, and warnings for those skipped because
    they changed meanwhile.

    Raises :class:`OutputError` before writing anything when a file is read-only or its
    folder cannot be written.
    """
    for fixed in plan.files:
        if _read_only(Path(os.path.realpath(fixed.path))):
            raise OutputError(
                f"cannot fix {display_path(fixed.path, cwd)}: the file is read-only "
                "(nothing was written)"
            )
    written, warnings = [], []
    for fixed in plan.files:
        shown = display_path(fixed.path, cwd)
        try:
            if fixed.path.read_bytes() != fixed.old:
                warnings.append(f"{shown}: not fixed: it changed while it was being fixed")
                continue
            write_atomically(fixed.path, fixed.new)
        except OSError as exc:
            raise OutputError(f"cannot fix {shown}: {exc.strerror or exc}") from None
        written.append(fixed)
    return written, warnings


def _read_only(target: Path) -> bool:
    """A file marked read-only (no write permission bit, which even root respects
    here), or one this user may not write, or in a folder it may not write."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return True
    if not mode & 0o222:
        return True
    return not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK)


def unified_diff(plan: FixPlan, cwd: Path) -> str:
    """What the plan would change, as a unified diff of each file."""
    chunks = []
    for fixed in plan.files:
        shown = display_path(fixed.path, cwd)
        old = fixed.old.decode("utf-8").splitlines(keepends=True)
        new = fixed.new.decode("utf-8").splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}")
        chunks.append("".join(_terminated(lines)))
    return "".join(chunks)


def _terminated(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        yield line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"


# -- rounds -------------------------------------------------------------------------------------


def fix_until_stable(
    check: Callable[[], RunResult],
    *,
    unsafe: bool,
    cwd: Path,
    visible: Callable[[RunResult], RunResult] = lambda result: result,
) -> tuple[RunResult, FixReport]:
    """Check, fix, check again… until nothing more is fixed (at most :data:`MAX_ROUNDS`
    rounds); the last check's result (what remains) and what was done.  Only the
    findings ``visible`` keeps (those a baseline does not hide) are fixed."""
    report = FixReport()
    result = check()
    for _round in range(MAX_ROUNDS):
        if result.internal_errors:
            break
        plan = plan_fixes(visible(result), unsafe=unsafe)
        report.warnings += [w for w in plan.warnings if w not in report.warnings]
        if not plan.files:
            break
        written, skipped = write_fixes(plan, cwd)
        report.warnings += skipped
        report.applied += [d for f in written for d in f.applied]
        report.files.update(f.path for f in written)
        report.rounds += 1
        result = check()
        if not written:
            break
    return result, report
