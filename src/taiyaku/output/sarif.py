"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run.  ``tool.driver.rules`` describes every rule that ran (summary, documentation,
default level); each result points at its rule by ``ruleId`` and ``ruleIndex``, carries
its location relative to the working directory (``uriBaseId`` ``%SRCROOT%``), the
counterpart page as a related location, the baseline fingerprint as
``partialFingerprints["taiyaku/v1"]`` so code scanning tracks a finding across line moves,
and the finding's fix, if it has one, as ``fixes`` (§3.55), so a viewer can offer it.
Columns count Unicode code points (``columnKind``), as taiyaku's columns do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from taiyaku import HOMEPAGE, RULES_DOC_URL, __version__
from taiyaku.model.diagnostics import (
    Diagnostic,
    Edit,
    Fix,
    Related,
    RuleMeta,
    Severity,
    rule_anchor,
)

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "taiyaku/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: RunResult) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"


def as_dict(result: RunResult) -> dict[str, Any]:
    rules = list(result.rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "taiyaku",
                "informationUri": HOMEPAGE,
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [_invocation(result)],
        "originalUriBaseIds": {SRCROOT: {"uri": result.cwd.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index.get(d.code), result) for d in result.diagnostics],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: RuleMeta) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "helpUri": f"{RULES_DOC_URL}#{rule_anchor(rule.code, rule.name)}",
        "fullDescription": {"text": rule.what_it_does or rule.summary},
        "help": {
            "text": rule.doc,
            "markdown": f"**{rule.code} {rule.name}**: {rule.doc}",
        },
        "defaultConfiguration": {"level": _LEVELS[rule.default_severity]},
        "properties": {"scope": rule.scope, "family": rule.family},
    }


def _invocation(result: RunResult) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not result.internal_errors}
    notes = [{"level": "error", "message": {"text": e.message}} for e in result.internal_errors]
    notes += [{"level": "warning", "message": {"text": w}} for w in result.warnings]
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _result(d: Diagnostic, rule_index: int | None, result: RunResult) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)}
    if d.end_line is not None:
        region["endLine"] = max(d.end_line, region["startLine"])
    if d.end_column is not None:
        region["endColumn"] = max(d.end_column, 1)
    entry: dict[str, Any] = {"ruleId": d.code}
    if rule_index is not None:
        entry["ruleIndex"] = rule_index
    entry.update(
        {
            "level": _LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": _physical(d.path, result, region)}],
            "partialFingerprints": {
                FINGERPRINT_KEY: d.fingerprint(Path(result.display(d.path)).as_posix())
            },
        }
    )
    if d.related:
        entry["relatedLocations"] = [
            _related(i, related, result) for i, related in enumerate(d.related, start=1)
        ]
    if d.fix is not None and d.fix.edits:
        entry["fixes"] = [_fix(d.fix, result)]
    return entry


def _fix(fix: Fix, result: RunResult) -> dict[str, Any]:
    """SARIF 2.1.0 §3.55: the fix as replacements in each file it changes."""
    by_path: dict[Path, list[Edit]] = {}
    for edit in fix.edits:
        by_path.setdefault(edit.path, []).append(edit)
    changes = [
        {
            "artifactLocation": _artifact(path, result),
            "replacements": [
                {
                    "deletedRegion": {
                        "startLine": e.line,
                        "startColumn": e.column,
                        "endLine": e.end_line,
                        "endColumn": e.end_column,
                    },
                    "insertedContent": {"text": e.replacement},
                }
                for e in edits
            ],
        }
        for path, edits in by_path.items()
    ]
    description = fix.description or "apply taiyaku's fix"
    return {
        "description": {"text": f"{description} ({fix.applicability})"},
        "artifactChanges": changes,
    }


def _related(number: int, related: Related, result: RunResult) -> dict[str, Any]:
    region = {"startLine": related.line} if related.line >= 1 else None
    return {
        "id": number,
        "physicalLocation": _physical(related.path, result, region),
        "message": {"text": related.message or "counterpart page"},
    }


def _physical(path: Path, result: RunResult, region: dict[str, int] | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(path, result)}
    if region is not None:
        physical["region"] = region
    return physical


def _artifact(path: Path, result: RunResult) -> dict[str, str]:
    """A URI relative to the working directory, or an absolute file URI outside it."""
    try:
        rel = Path(os.path.relpath(path, result.cwd))
    except ValueError:  # another drive on Windows
        rel = None
    if rel is None or rel.parts[:1] == ("..",):
        return {"uri": path.resolve().as_uri()}
    return {"uri": quote(rel.as_posix()), "uriBaseId": SRCROOT}
