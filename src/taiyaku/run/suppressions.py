"""Applying the pages' suppression directives to a run's diagnostics.

The directives are read by :mod:`taiyaku.parse.directives`.  A diagnostic is suppressed
by a directive of the file it is reported in, matched on its first line.  The directive
rules (TY100, unused-suppression) then report the directives that suppressed nothing,
name unknown rules or close nothing, for the rules that ran; their own findings are
silenced only by a directive that names them, never by a blanket one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import taiyaku.rules.registry as registry
from taiyaku.config.selection import RuleSet
from taiyaku.model.diagnostics import Diagnostic, Finding
from taiyaku.parse.directives import FileSuppressions, parse_directives
from taiyaku.rules.base import DirectiveRule
from taiyaku.rules.context import Context

__all__ = ["Suppressor"]


class Suppressor:
    """Applies the pages' directives to a run's diagnostics and reports unused ones."""

    def __init__(
        self, ctx: Context, rules: RuleSet, known: Mapping[Path, FileSuppressions]
    ) -> None:
        self._ctx = ctx
        self._rules = rules
        self._known = known  # directives a worker process read
        self._files: dict[Path, FileSuppressions] = {}
        self._exempt = frozenset(
            r.CODE for r in registry.all_rules() if issubclass(r, DirectiveRule)
        )

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics no directive covers, in their order."""
        listed = list(diagnostics)
        by_path: dict[Path, list[int]] = {}
        for index, diagnostic in enumerate(listed):
            by_path.setdefault(diagnostic.path, []).append(index)
        hidden: set[int] = set()
        for path, indexes in by_path.items():
            answers = self._for_path(path).covered([listed[i] for i in indexes], self._exempt)
            hidden.update(i for i, covered in zip(indexes, answers, strict=True) if covered)
        return [d for i, d in enumerate(listed) if i not in hidden]

    def unused(self) -> Iterator[tuple[str, Finding]]:
        """The directive rules' findings on the checked pages, once :meth:`filter` ran."""
        directive_rules = [r() for r in self._rules.rules if issubclass(r, DirectiveRule)]
        if not directive_rules:
            return
        selected = self._rules.codes
        every_rule = {r.CODE for r in registry.all_rules()} <= selected
        for page in self._ctx.targets:
            directives = self._for_path(page.path).directives
            for rule in directive_rules:
                for finding in rule.check(page.path, directives, selected, every_rule):
                    yield rule.CODE, finding

    def _for_path(self, path: Path) -> FileSuppressions:
        found = self._files.get(path) or self._known.get(path)
        if found is None:
            page = self._ctx.site.page_for_path(path)
            found = (
                parse_directives(self._ctx.document(page), registry.code_of)
                if page is not None
                else FileSuppressions([], [])
            )
        self._files[path] = found
        return found
