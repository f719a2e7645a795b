"""Which rules report on which files: one :class:`RuleSet`, resolved once per run.

``select`` and ``ignore`` name rules by full code (``TM001``), by prefix (``TM``), by
name (``hours-mismatch``) or ``ALL``; the more specific entry wins, as in ruff:
``--select TM --ignore TM004`` runs TM001–TM003, and ``--ignore TM --select TM001``
runs TM001.  ``per-file-ignores`` maps a path pattern (:mod:`taiyaku.model.globs`) to
the rules that do not report on the files it matches.

Everything that asks "does rule X report on file Y?" asks :meth:`RuleSet.enabled`: the
engine when it stamps findings, and when a finding defers to another rule's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import taiyaku.rules.registry as registry_module
from taiyaku.errors import RuleSelectionError
from taiyaku.model.globs import PathPatterns
from taiyaku.model.records import cached_property
from taiyaku.rules.base import Rule

__all__ = ["RuleSet", "resolve_selector"]


@dataclass(frozen=True)
class RuleSet:
    """The selected rules, and the files each one is ignored for."""

    rules: tuple[type[Rule], ...]  # selected, in code order
    ignored_for: tuple[tuple[PathPatterns, frozenset[str]], ...] = ()

    @classmethod
    def resolve(
        cls,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        per_file_ignores: Mapping[str, Sequence[str]] | None = None,
        registry: Sequence[type[Rule]] | None = None,
    ) -> RuleSet:
        """Resolve the user's selectors against ``registry`` (default: every rule).

        Raises :class:`RuleSelectionError` for an entry that names no rule, and when
        the selection leaves no rule at all.
        """
        known = tuple(registry if registry is not None else registry_module.all_rules())
        chosen = _select(known, list(select) or ["ALL"], list(ignore))
        if not chosen:  # a run that checks nothing must not look like a clean one
            raise RuleSelectionError(
                f"no rule selected: select = {_listed(select, 'ALL')} with "
                f"ignore = {_listed(ignore, 'nothing')} leaves no rule to run"
            )
        ignored = tuple(
            (
                PathPatterns([pattern]),
                frozenset(code for entry in entries for code in resolve_selector(entry, known)),
            )
            for pattern, entries in (per_file_ignores or {}).items()
        )
        return cls(tuple(chosen), ignored)

    @cached_property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.CODE for rule in self.rules)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def rule(self, code: str) -> type[Rule]:
        return self._by_code[code]  # KeyError for a code not selected

    @cached_property
    def _by_code(self) -> dict[str, type[Rule]]:
        return {rule.CODE: rule for rule in self.rules}

    def enabled(self, code: str, rel_path: str) -> bool:
        """Whether rule ``code`` reports on the file at ``rel_path`` (root-relative) in
        this run: it is selected, and no ``per-file-ignores`` pattern turns it off there."""
        if code not in self.codes:
            return False
        if not self.ignored_for:  # (asked once per finding: most runs ignore nothing)
            return True
        return not any(
            code in codes and patterns.match(rel_path) for patterns, codes in self.ignored_for
        )


def _listed(entries: Iterable[str], empty: str) -> str:
    names = list(entries)
    return ", ".join(names) if names else empty


def _matches(rule: type[Rule], selector: str) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    return rule.CODE.upper().startswith(s.upper()) or rule.NAME == s.lower()


def _specificity(selector: str, known: Sequence[type[Rule]]) -> int:
    """``ALL`` < a prefix < a longer prefix < a full code or a name."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if any(rule.NAME == s.lower() for rule in known):
        return 100
    return len(s)


def resolve_selector(selector: str, known: Sequence[type[Rule]]) -> list[str]:
    """The codes ``selector`` names; an error (with a suggestion) when it names none."""
    codes = [rule.CODE for rule in known if _matches(rule, selector)]
    if not codes:
        raise RuleSelectionError(
            f"{selector!r} matches no rule code, prefix or name"
            f"{registry_module.suggest_rule(selector, known)} "
            "(see `taiyaku rules`)"
        )
    return codes


def _select(
    known: Sequence[type[Rule]], select: Sequence[str], ignore: Sequence[str]
) -> list[type[Rule]]:
    for selector in (*select, *ignore):
        resolve_selector(selector, known)
    chosen = []
    for rule in known:
        sel = max((_specificity(s, known) for s in select if _matches(rule, s)), default=-1)
        ign = max((_specificity(s, known) for s in ignore if _matches(rule, s)), default=-1)
        if sel >= 0 and sel > ign:
            chosen.append(rule)
    return chosen
