"""Turning the rules' findings into the run's diagnostics.

The engine, not the rule, decides a finding's code, name and severity, as in yamllint:
each finding is stamped with its rule's code and name and the severity the user
configured (else the finding's own, else the rule's default).  A finding is dropped
where its rule does not report (``per-file-ignores``), and where it defers to another
rule that reports the same fact there (``Finding.deferred_to``).  Both questions are
asked of the run's one :class:`~taiyaku.config.selection.RuleSet`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from taiyaku.config.selection import RuleSet
from taiyaku.model.diagnostics import Diagnostic, Finding, Severity

__all__ = ["stamp"]


def stamp(
    findings: Iterable[tuple[str, Finding]],
    rules: RuleSet,
    overrides: Mapping[str, Severity],
    rel_of: Callable[[Path], str],
) -> Iterator[Diagnostic]:
    """Diagnostics for ``findings`` (by rule code); ``rel_of`` gives a file's path as
    the user's path patterns see it (root-relative)."""
    enabled = rules.enabled
    for code, f in findings:
        if not enabled(code, rel_of(f.path)):
            continue
        if f.deferred_to and any(enabled(other, rel_of(path)) for other, path in f.deferred_to):
            continue
        rule = rules.rule(code)
        yield Diagnostic(
            path=f.path,
            line=f.line,
            column=f.column,
            code=code,
            name=rule.NAME,
            severity=overrides.get(code) or f.severity or rule.SEVERITY,
            message=f.message,
            end_line=f.end_line,
            end_column=f.end_column,
            related=f.related,
            fingerprint_text=f.fingerprint_text,
            fix=f.fix,
        )
