"""Every rule documents itself, and the generated docs are current."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from taiyaku import docgen
from taiyaku.config.selection import RuleSet
from taiyaku.errors import RuleSelectionError
from taiyaku.rules.base import DirectiveRule, PageRule, PairRule, SiteRule
from taiyaku.rules.registry import all_rules


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.CODE)
def test_rule_is_self_describing(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"[A-Z]{2,3}\d{3}", rule.CODE)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.NAME)
    assert issubclass(rule, PageRule | PairRule | SiteRule | DirectiveRule)
    doc = rule.doc()
    assert doc.summary and doc.what_it_does and doc.why_bad and doc.example, rule.CODE
    module = rule.__module__.rsplit(".", 1)[-1]
    assert module.startswith(rule.CODE.lower()), "one module per rule, named after its code"


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.CODE for r in rules}) == len({r.NAME for r in rules}) == len(rules)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["PR"], [], ["PR001", "PR002", "PR003", "PR004"]),
        (["PR001"], [], ["PR001"]),
        (["orphan-translation"], [], ["PR002"]),
        (["PR"], ["PR002", "PR003", "PR004"], ["PR001"]),
        (["PR001"], ["PR"], ["PR001"]),  # the more specific selector wins
        (["ALL"], ["PR", "IN"], []),
    ],
)
def test_selection(select: list[str], ignore: list[str], expected: list[str]) -> None:
    chosen = [r.CODE for r in RuleSet.resolve(select, ignore).rules if r.CODE[:2] in ("PR", "IN")]
    assert chosen == expected


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(RuleSelectionError, match="'XY' matches no rule"):
        RuleSet.resolve(["XY"], [])


def test_readme_rule_table_is_current() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert docgen.replace_table(readme) == readme, "run: python -m taiyaku.docgen"


def test_docs_rules_md_is_current() -> None:
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == docgen.rules_document(), "run: python -m taiyaku.docgen"


def test_a_rules_settings_are_documented_with_the_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from taiyaku.cli import main

    assert main(["rule", "TM002"]) == 0
    out = capsys.readouterr().out
    assert "## Options" in out
    assert "- `date-order` (default `auto`; one of `auto`, `mdy`, `dmy`):" in out
    assert "- `date-keys` (default `date`, `pubDate`, `published`, `lastmod`):" in out
    assert main(["rule", "TM001"]) == 0
    assert "## Options" not in capsys.readouterr().out  # TM001 has none
    assert "#### Options\n\n- `nm-one-sided` (default `false`)" in docgen.rules_document()
