"""TY100 unused-suppression."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Edit, Finding, Fix, Severity
from taiyaku.rules.base import DirectiveRule

if TYPE_CHECKING:
    from taiyaku.parse.directives import Directive

_EXPECTED = "taiyaku-disable-next-line, taiyaku-disable, taiyaku-enable or taiyaku-disable-file"


class UnusedSuppression(DirectiveRule):
    """A suppression comment suppresses nothing, names an unknown rule or is mistyped.

    ## What it does
    Checks every ``taiyaku-disable…``/``taiyaku-enable`` comment of the checked pages once
    all other rules have run, and reports one that suppressed no finding, one that names
    a rule code or name that does not exist, a ``taiyaku-enable`` that closes no open
    ``taiyaku-disable``, and a mistyped directive. A code is only reported unused when
    its rule ran (``--select``/``--ignore``); a comment that names no rule (every rule)
    only when all rules ran. Like ruff's RUF100.

    ## Why is this bad?
    A suppression outlives the finding it was written for: once the page is fixed it
    silently hides the next, real problem on that line. A mistyped code or directive
    suppresses nothing while looking as if it did.

    ## Example

        <!-- taiyaku-disable-next-line TM001 -->
        平日8時30分から18時30分まで受け付けています．

    when the English page agrees again:

        content/support/chat.md:30:1: warning TY100 [*] [unused-suppression] unused
        `taiyaku-disable-next-line` directive (unused: TM001)

    Remove the comment, or fix the code it names.

    ## Fix
    Safe: a comment that certainly does nothing in this run (it suppressed nothing and
    every rule it names ran, or it is a ``taiyaku-enable`` that closes nothing) is
    removed, with its line when it stands alone. A mistyped directive or rule name is
    left for you to correct.
    """

    CODE = "TY100"
    NAME = "unused-suppression"
    SEVERITY = Severity.WARNING

    def check(
        self,
        path: Path,
        directives: Sequence[Directive],
        selected: Collection[str],
        every_rule: bool,
    ) -> Iterator[Finding]:
        """Findings for ``directives`` once the run's diagnostics were matched against them
        (see :mod:`taiyaku.run.suppressions`)."""
        for d in directives:
            message = _message(d, selected, every_rule, self.CODE)
            if message:
                fix = _removal(path, d) if _does_nothing(d, selected, every_rule) else None
                yield Finding(path, d.line, d.column, message, end_line=d.end_line, fix=fix)


def _does_nothing(d: Directive, selected: Collection[str], every_rule: bool) -> bool:
    """Whether the comment certainly has no effect in this run: removing it cannot
    change what any run reports.  (A code whose rule did not run may still be needed;
    a mistyped directive or rule name shows an intent to fix, not a comment to drop.)"""
    if not d.valid or d.unknown or d.used or not d.end_column:
        return False
    if d.keyword == "enable":
        return len(d.unmatched) == max(len(d.codes), 1)
    if d.blanket:
        return every_rule
    return all(code in selected for code in d.codes)


def _removal(path: Path, d: Directive) -> Fix:
    """Remove the comment: its whole lines when it stands alone on them."""
    if d.alone:
        edit = Edit(path, d.line, 1, d.end_line + 1, 1, "")
    else:
        start = d.column - 1 if d.space_before else d.column
        edit = Edit(path, d.line, start, d.end_line, d.end_column, "")
    return Fix((edit,), "safe", f"remove the unused `{d.label}` comment")


def _message(d: Directive, selected: Collection[str], every_rule: bool, own: str) -> str | None:
    if not d.valid:
        return f"unknown directive `{d.label}` (expected {_EXPECTED})"
    parts: list[str] = []
    if d.keyword == "enable":
        for code in d.unmatched:
            parts.append(f"no open `taiyaku-disable{' ' + code if code else ''}`")
    elif d.blanket:
        if every_rule and not d.used:
            return f"unused blanket `{d.label}` directive: it suppresses nothing"
    else:
        unused = [c for c in d.codes if c in selected and c != own and c not in d.used]
        if unused:
            parts.append(f"unused: {', '.join(unused)}")
    if d.unknown:
        parts.append(f"unknown: {', '.join(d.unknown)}")
    return f"unused `{d.label}` directive ({'; '.join(parts)})" if parts else None
