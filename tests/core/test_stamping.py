"""Stamping: a rule's finding becomes a diagnostic with the rule's code, name and the
severity the run gives it, or is dropped where the rule does not report."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from taiyaku.config.selection import RuleSet
from taiyaku.model.diagnostics import Diagnostic, Edit, Finding, Fix, Related, Severity
from taiyaku.run.stamping import stamp

PAGE = Path("/site/a/page.md")
OTHER = Path("/site/en/a/page.md")

FULL = Finding(
    path=PAGE,
    line=3,
    column=5,
    message="JA says 9:00; EN says 10:00",
    end_line=3,
    end_column=9,
    severity=Severity.WARNING,
    related=(Related(OTHER, 4, "EN"),),
    fingerprint_text="9:00|10:00",
    deferred_to=(("TM004", OTHER),),
    fix=Fix((Edit(PAGE, 3, 5, 3, 9, "10:00"),), "unsafe", "write 10:00"),
)


@pytest.mark.parametrize(
    "finding", [FULL, Finding(PAGE, 1, 1, "m")], ids=["every field", "defaults"]
)
def test_a_stamped_finding_is_the_diagnostic_the_dataclass_would_make(finding: Finding) -> None:
    made = object.__new__(Diagnostic)
    Diagnostic.__dataclass_init__(  # type: ignore[attr-defined]  # (before quick_init)
        made,
        path=finding.path,
        line=finding.line,
        column=finding.column,
        code="TM001",
        name=RuleSet.resolve(["TM001"]).rule("TM001").NAME,
        severity=Severity.ERROR,
        message=finding.message,
        end_line=finding.end_line,
        end_column=finding.end_column,
        related=finding.related,
        fingerprint_text=finding.fingerprint_text,
        fix=finding.fix,
    )
    rules = RuleSet.resolve(["TM001"])
    [stamped] = stamp([("TM001", finding)], rules, {"TM001": Severity.ERROR}, _rel)
    assert stamped == made
    assert set(vars(stamped)) == {field.name for field in dataclasses.fields(Diagnostic)}
    assert hash(stamped) == hash(made)


def _rel(path: Path) -> str:
    return path.relative_to("/site").as_posix()


def test_severity_configured_then_the_findings_then_the_rules() -> None:
    rules = RuleSet.resolve(["TM001"])
    plain = Finding(PAGE, 1, 1, "m")
    rule_default = rules.rule("TM001").SEVERITY
    assert [d.severity for d in stamp([("TM001", plain)], rules, {}, _rel)] == [rule_default]
    assert [d.severity for d in stamp([("TM001", FULL)], rules, {}, _rel)] == [Severity.WARNING]
    configured = {"TM001": Severity.INFO}
    assert [d.severity for d in stamp([("TM001", FULL)], rules, configured, _rel)] == [
        Severity.INFO
    ]


def test_dropped_where_the_rule_does_not_report() -> None:
    finding = Finding(PAGE, 1, 1, "m")
    ignored_here = RuleSet.resolve(["TM001"], per_file_ignores={"a/**": ["TM001"]})
    assert list(stamp([("TM001", finding)], ignored_here, {}, _rel)) == []
    ignored_elsewhere = RuleSet.resolve(["TM001"], per_file_ignores={"b/**": ["TM001"]})
    assert len(list(stamp([("TM001", finding)], ignored_elsewhere, {}, _rel))) == 1
    not_selected = RuleSet.resolve(["TM002"])
    assert list(stamp([("TM001", finding)], not_selected, {}, _rel)) == []


def test_deferred_only_where_the_other_rule_reports() -> None:
    both = RuleSet.resolve(["TM001", "TM004"])
    assert list(stamp([("TM001", FULL)], both, {}, _rel)) == []  # TM004 reports it there
    alone = RuleSet.resolve(["TM001"])
    assert [d.code for d in stamp([("TM001", FULL)], alone, {}, _rel)] == ["TM001"]
    off_there = RuleSet.resolve(["TM001", "TM004"], per_file_ignores={"en/**": ["TM004"]})
    assert [d.code for d in stamp([("TM001", FULL)], off_there, {}, _rel)] == ["TM001"]
