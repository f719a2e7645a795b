"""The rule registry: every rule module under this package, by code.

Rules live one per module, grouped by family (``taiyaku/rules/<family>/<code>_<name>.py``).
Selection by code, prefix or name happens once per run, in :mod:`taiyaku.config.selection`.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Sequence
from functools import cache

from taiyaku.errors import RuleSelectionError
from taiyaku.rules.base import PageRule, PairRule, Rule, SiteRule

__all__ = ["all_rules", "code_of", "get_rule", "suggest_rule"]


_PACKAGE = "taiyaku.rules"
_NOT_RULES = frozenset(f"{_PACKAGE}.{name}" for name in ("base", "context", "registry"))


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    found: dict[str, type[Rule]] = {}
    package = importlib.import_module(_PACKAGE)
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{_PACKAGE}."):
        if info.ispkg or info.name in _NOT_RULES:
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value not in (Rule, PageRule, PairRule, SiteRule)
                and value.__module__ == module.__name__
            ):
                if value.CODE in found:
                    raise RuntimeError(f"rule code {value.CODE} is defined twice")
                found[value.CODE] = value
    return tuple(found[code] for code in sorted(found))


def get_rule(selector: str) -> type[Rule]:
    """The rule with this code or name (case-insensitive)."""
    wanted = selector.strip()
    for rule in all_rules():
        if rule.CODE.lower() == wanted.lower() or rule.NAME == wanted.lower():
            return rule
    hint = suggest_rule(wanted)
    raise RuleSelectionError(f"unknown rule {selector!r}{hint} (see `taiyaku rules`)")


def suggest_rule(entry: str, known: Sequence[type[Rule]] | None = None) -> str:
    """``; did you mean 'TM001'?`` for a near miss of a rule's code or name, else ""."""
    rules = known if known is not None else all_rules()
    words = [rule.CODE for rule in rules] + [rule.NAME for rule in rules]
    close = difflib.get_close_matches(entry.strip(), words, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(entry.strip().upper(), words, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def code_of(entry: str) -> str | None:
    """The code of the rule ``entry`` names exactly (its code in any case, or its name)."""
    for rule in all_rules():
        if entry.upper() == rule.CODE or entry.lower() == rule.NAME:
            return rule.CODE
    return None
