"""The rule registry: every rule module under this package, by code.

Rules live one per module, grouped by family (``taiyaku/rules/<family>/<code>_<name>.py``).
Selection by code (``TM001``), prefix (``TM``) or name (``hours-mismatch``) happens once,
here, when the configuration is read.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache

from taiyaku.errors import RuleSelectionError
from taiyaku.rules.base import PageRule, PairRule, Rule, SiteRule

__all__ = ["RuleSelectionError", "all_rules", "get_rule", "select_rules"]


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
    raise RuleSelectionError(f"unknown rule {selector!r} (see `taiyaku rules`)")


def _matches(rule: type[Rule], selector: str) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    return rule.CODE.upper().startswith(s.upper()) or rule.NAME == s.lower()


def _specificity(selector: str) -> int:
    """``ALL`` < a prefix < a longer prefix < a full code or a name."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if any(rule.NAME == s.lower() for rule in all_rules()):
        return 100
    return len(s)


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[type[Rule]]:
    """The rules left after ``select`` (default: all) and ``ignore``.

    The longer (more specific) selector wins, as in ruff: ``--select TM --ignore TM004``
    runs TM001–TM003; ``--ignore TM --select TM001`` runs TM001.
    """
    select = list(select) or ["ALL"]
    ignore = list(ignore)
    for selector in (*select, *ignore):
        if not any(_matches(rule, selector) for rule in all_rules()):
            raise RuleSelectionError(
                f"{selector!r} matches no rule code, prefix or name (see `taiyaku rules`)"
            )
    chosen = []
    for rule in all_rules():
        sel = max((_specificity(s) for s in select if _matches(rule, s)), default=-1)
        ign = max((_specificity(s) for s in ignore if _matches(rule, s)), default=-1)
        if sel >= 0 and sel > ign:
            chosen.append(rule)
    return chosen
