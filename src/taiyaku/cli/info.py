"""``taiyaku rules``, ``taiyaku rule CODE`` and ``taiyaku completion SHELL``."""

from __future__ import annotations

import argparse
import json

from taiyaku.cli.console import emit
from taiyaku.cli.exits import EXIT_OK

__all__ = ["run"]


def run(name: str, args: argparse.Namespace) -> int:
    if name == "rules":
        return _rules(args.format)
    if name == "rule":
        return _rule(args.code)
    from taiyaku.cli.completion import script

    emit(script(args.shell))
    return EXIT_OK


def _rules(fmt: str) -> int:
    from taiyaku.rules.registry import all_rules

    rules = all_rules()
    if fmt == "json":
        data = [
            {
                "code": r.CODE,
                "name": r.NAME,
                "severity": r.SEVERITY.value,
                "scope": r.SCOPE,
                "summary": r.doc().summary,
            }
            for r in rules
        ]
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max(len(r.NAME) for r in rules)
    lines = [f"{'CODE':<6}  {'NAME':<{width}}  {'SEVERITY':<8}  {'SCOPE':<5}  SUMMARY"]
    lines += [
        f"{r.CODE:<6}  {r.NAME:<{width}}  {r.SEVERITY.value:<8}  {r.SCOPE:<5}  {r.doc().summary}"
        for r in rules
    ]
    emit("\n".join(lines) + "\n")
    return EXIT_OK


def _rule(selector: str) -> int:
    from taiyaku.rules.registry import get_rule

    rule = get_rule(selector)
    head = f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY.value}; scope: {rule.SCOPE})"
    options = rule.options_doc()
    emit(f"{head}\n\n{rule.doc().text}\n" + (f"\n{options}\n" if options else ""))
    return EXIT_OK
