"""Baselines, end to end through the CLI: write, apply, count fixed entries, prune."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ci_helpers import check, taiyaku
from helpers import make_site
from marker_rules import install
from taiyaku.model.diagnostics import Diagnostic, Severity


@pytest.fixture(autouse=True)
def _marker_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)


def legacy_site(tmp_path: Path) -> Path:
    return make_site(
        tmp_path,
        {
            "_a.md": "FIXME one\nFIXME one\n",  # two identical findings
            "_b.md": "text\nFIXME two\n",
            "support/orphan.md": "本文です。\n",  # PR001
        },
    )


def entries(path: Path) -> list[dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def test_write_baseline_records_the_findings_and_exits_0(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    run = check(site, "--write-baseline", "baseline.json")
    assert run.code == 0
    assert run.out == ""
    assert "recorded 4 findings (3 entries) in baseline.json" in run.err
    recorded = entries(site / "baseline.json")
    assert [(e["code"], e["path"], e.get("count", 1)) for e in recorded] == [
        ("ZZ001", "_a.md", 2),
        ("ZZ001", "_b.md", 1),
        ("PR001", "support/orphan.md", 1),
    ]
    assert recorded[2]["message"] == "no English translation (expected en/support/orphan.md)"
    assert all(isinstance(e["fingerprint"], str) and e["fingerprint"] for e in recorded)


def test_the_fingerprint_is_the_diagnostics(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    finding = check(site).json["diagnostics"][-1]
    diagnostic = Diagnostic(
        path=site / finding["path"],
        line=finding["line"],
        column=finding["column"],
        code=finding["code"],
        name=finding["name"],
        severity=Severity.parse(finding["severity"]),
        message=finding["message"],
    )
    assert entries(site / "baseline.json")[-1]["fingerprint"] == diagnostic.fingerprint(
        "support/orphan.md"
    )


def test_paths_are_relative_to_the_baseline_folder(tmp_path: Path) -> None:
    site = legacy_site(tmp_path / "site")
    (tmp_path / "ci").mkdir()
    run = taiyaku(
        tmp_path, "check", "--no-config", "--root", "site", "--write-baseline", "ci/base.json"
    )
    assert run.code == 0
    paths = [e["path"] for e in entries(tmp_path / "ci" / "base.json")]
    assert paths == ["../site/_a.md", "../site/_b.md", "../site/support/orphan.md"]
    again = taiyaku(
        tmp_path, "check", "--no-config", "--root", "site", "--baseline", "ci/base.json"
    )
    assert (again.code, again.err.strip()) == (
        0,
        "taiyaku: baseline ci/base.json: 4 findings suppressed, 0 fixed",
    )
    assert site.is_dir()


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    (site / "_b.md").write_text("FIXME new\ntext\nFIXME two\n", encoding="utf-8")
    run = check(site, "--baseline", "baseline.json")
    assert run.findings == ["_b.md:1 ZZ001"]
    assert run.code == 1
    assert run.json["summary"]["baseline"] == {"suppressed": 4, "fixed": 0}


def test_baselined_findings_survive_lines_moving(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    (site / "_b.md").write_text("new\nlines\nabove\ntext\nFIXME two\n", encoding="utf-8")
    run = check(site, "--baseline", "baseline.json")
    assert (run.code, run.findings) == (0, [])


def test_baseline_is_a_multiset(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    (site / "_a.md").write_text("FIXME one\nFIXME one\nFIXME one\n", encoding="utf-8")
    run = check(site, "--baseline", "baseline.json")
    assert run.findings == ["_a.md:3 ZZ001"]  # two of three were recorded


def test_fixed_entries_are_counted_and_kept_without_prune(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    before = (site / "baseline.json").read_text(encoding="utf-8")
    (site / "_a.md").write_text("FIXME one\n", encoding="utf-8")
    run = check(site, "--baseline", "baseline.json")
    assert (run.code, run.findings) == (0, [])
    assert run.json["summary"]["baseline"] == {"suppressed": 3, "fixed": 1}
    assert "3 findings suppressed, 1 fixed (--prune-baseline drops them" in run.err
    assert (site / "baseline.json").read_text(encoding="utf-8") == before


def test_prune_baseline_drops_the_fixed_entries(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    (site / "_a.md").write_text("FIXME one\n", encoding="utf-8")
    (site / "_b.md").unlink()
    run = check(site, "--baseline", "baseline.json", "--prune-baseline")
    assert run.code == 0
    assert "pruned 2 fixed findings from baseline.json" in run.err
    assert [(e["path"], e.get("count", 1)) for e in entries(site / "baseline.json")] == [
        ("_a.md", 1),
        ("support/orphan.md", 1),
    ]
    again = check(site, "--baseline", "baseline.json")
    assert again.json["summary"]["baseline"] == {"suppressed": 2, "fixed": 0}


def test_entries_this_run_could_not_see_are_not_fixed(tmp_path: Path) -> None:
    """Changed-files mode and --select see part of the site: the rest is not "fixed"."""
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    before = (site / "baseline.json").read_text(encoding="utf-8")
    one_file = check(site, "_b.md", "--baseline", "baseline.json", "--prune-baseline")
    assert one_file.json["summary"]["baseline"] == {"suppressed": 1, "fixed": 0}
    one_rule = check(site, "--select", "PR", "--baseline", "baseline.json", "--prune-baseline")
    assert one_rule.json["summary"]["baseline"] == {"suppressed": 1, "fixed": 0}
    assert (site / "baseline.json").read_text(encoding="utf-8") == before


def test_write_baseline_on_part_of_the_site_keeps_the_rest(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    (site / "_b.md").write_text("FIXME two\nFIXME three\n", encoding="utf-8")
    run = check(site, "_b.md", "--write-baseline", "baseline.json")
    assert "recorded 2 findings (2 entries) in baseline.json (kept 2 entries" in run.err
    assert [(e["path"], e["message"]) for e in entries(site / "baseline.json")] == [
        ("_a.md", "FIXME: one"),
        ("_b.md", "FIXME: three"),
        ("_b.md", "FIXME: two"),
        ("support/orphan.md", "no English translation (expected en/support/orphan.md)"),
    ]
    assert check(site, "--baseline", "baseline.json").findings == []


def test_write_baseline_ignores_the_configured_baseline(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    check(site, "--write-baseline", "baseline.json")
    run = check(site, "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    assert "recorded 4 findings" in run.err


def test_baseline_from_the_config_file_is_relative_to_it(tmp_path: Path) -> None:
    site = legacy_site(tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.taiyaku]\nroot = "content"\nbaseline = "content-baseline.json"\n',
        encoding="utf-8",
    )
    assert taiyaku(tmp_path, "check", "--write-baseline", "content-baseline.json").code == 0
    run = taiyaku(site, "check", "--format", "json", "_b.md")  # from inside content/
    assert run.code == 0, run.err
    assert run.json["summary"]["baseline"] == {"suppressed": 1, "fixed": 0}


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, "baseline file missing.json does not exist (create it with --write-baseline"),
        ("{", "baseline file is not valid JSON (line 1"),
        ('{"version": 1}', 'not a taiyaku baseline (no "entries" list)'),
        ('{"version": 7, "entries": []}', "unsupported baseline version 7"),
        ('{"version": 1, "entries": [{"code": "X"}]}', "entry 1 needs string code, path"),
    ],
)
def test_missing_or_corrupt_baseline_is_a_one_line_error(
    tmp_path: Path, content: str | None, error: str
) -> None:
    site = legacy_site(tmp_path)
    if content is not None:
        (site / "missing.json").write_text(content, encoding="utf-8")
    run = check(site, "--baseline", "missing.json")
    assert run.code == 2
    assert run.out == ""
    assert len(run.err.splitlines()) == 1
    assert run.err.startswith("taiyaku: error: ") and error in run.err


def test_prune_without_a_baseline_is_a_usage_error(tmp_path: Path) -> None:
    run = check(legacy_site(tmp_path), "--prune-baseline")
    assert run.code == 2
    assert run.err == "taiyaku: error: --prune-baseline needs a baseline (--baseline FILE)\n"


def test_sarif_fingerprints_are_the_baseline_fingerprints(tmp_path: Path) -> None:
    site = legacy_site(tmp_path)
    assert check(site, "--write-baseline", "baseline.json").code == 0
    baseline = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    results = check(site, "--format", "sarif").json["runs"][0]["results"]
    assert sorted(r["partialFingerprints"]["taiyaku/v1"] for r in results) == sorted(
        e["fingerprint"] for e in baseline["entries"] for _ in range(e.get("count", 1))
    )
