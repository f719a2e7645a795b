"""`--fix` loses nothing: bytes outside the edits stay as they were (BOM, CRLF, a missing
final newline), a page that cannot be written stops the run before anything is written,
a page that changed since the check, failed to parse, or links out of the root is left
alone with a warning, and overlapping edits wait for the next round."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

import taiyaku.run.engine
from helpers import REPO, make_site
from taiyaku.cli import main
from taiyaku.model.diagnostics import Diagnostic, Edit, Fix, Severity
from taiyaku.run.fixes import plan_fixes
from taiyaku.run.result import RunResult

UNUSED = "<!-- taiyaku-disable-next-line LK001 -->\n"
SELECT = ["--select", "TY100,LK001"]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-config", "--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_site(
        tmp_path / "content",
        {
            "a.md": "---\ntitle: a\n---\n\n" + UNUSED + "本文。\n",
            "b.md": "---\ntitle: b\n---\n\n" + UNUSED + "本文。\n",
        },
    )


def test_crlf_bom_and_no_final_newline_are_kept_byte_for_byte(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site / "a.md"
    page.write_bytes(
        "\ufeff---\r\ntitle: a\r\n---\r\n\r\n<!-- taiyaku-disable-next-line LK001 -->\r\n本文。".encode()
    )
    code, _out, _err = cli(capsys, *SELECT, "--fix", "content")
    assert page.read_bytes() == "\ufeff---\r\ntitle: a\r\n---\r\n\r\n本文。".encode()
    assert code == 0


def test_a_read_only_page_stops_the_fix_before_anything_is_written(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    (site / "b.md").chmod(0o444)
    code, out, err = cli(capsys, *SELECT, "--fix", "content")
    assert code == 2
    assert err.strip().splitlines() == [
        "taiyaku: error: cannot fix content/b.md: the file is read-only (nothing was written)"
    ]
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before
    assert out == ""


def test_a_page_changed_after_the_check_is_not_written(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_run = taiyaku.run.engine.run
    page = site / "a.md"

    def run_then_edit(*args: object, **kwargs: object) -> RunResult:
        result = real_run(*args, **kwargs)  # type: ignore[arg-type]
        if "edited" not in page.read_text(encoding="utf-8"):
            with page.open("a", encoding="utf-8") as handle:
                handle.write("edited meanwhile\n")
        return result

    monkeypatch.setattr(taiyaku.run.engine, "run", run_then_edit)
    _code, _out, err = cli(capsys, *SELECT, "--fix", "content")
    assert "taiyaku: warning: content/a.md: not fixed: it changed since it was checked" in err
    # the edit made meanwhile is kept; the next round checked and fixed the new text
    assert page.read_text(encoding="utf-8").endswith("\n本文。\nedited meanwhile\n")
    assert UNUSED not in page.read_text(encoding="utf-8")
    assert UNUSED not in (site / "b.md").read_text(encoding="utf-8")


def test_a_page_that_failed_to_parse_is_never_written(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site / "a.md"
    page.write_text("---\ntitle: [unclosed\n---\n\n" + UNUSED + "本文。\n", encoding="utf-8")
    before = page.read_bytes()
    _code, _out, err = cli(capsys, *SELECT, "--fix", "content")
    assert page.read_bytes() == before
    assert "content/a.md: not fixed: it could not be read or parsed cleanly" in err


def test_a_symbolic_link_to_a_file_outside_the_root_is_not_written(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\ntitle: x\n---\n\n" + UNUSED + "本文。\n", encoding="utf-8")
    (site / "a.md").unlink()
    (site / "a.md").symlink_to(outside)
    before = outside.read_bytes()
    _code, _out, err = cli(capsys, *SELECT, "--fix", "content")
    assert outside.read_bytes() == before
    assert "content/a.md: skipped: symbolic link to a file outside the root" in err


def test_a_symbolic_link_inside_the_root_is_fixed_through_and_kept(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "real").mkdir()
    (site / "b.md").rename(site / "real" / "b.md")
    (site / "b.md").symlink_to(site / "real" / "b.md")
    cli(capsys, *SELECT, "--fix", "content/b.md")
    assert (site / "b.md").is_symlink()
    assert UNUSED not in (site / "real" / "b.md").read_text(encoding="utf-8")


def test_fix_only_reports_nothing_and_show_fixes_lists_what_was_fixed(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "a.md").write_text(
        "---\ntitle: a\n---\n\n" + UNUSED + "本文 [x](./missing)\n", encoding="utf-8"
    )
    code, out, err = cli(capsys, *SELECT, "--fix-only", "--show-fixes", "content")
    assert (code, out) == (0, "")
    assert "taiyaku: fixed 1 finding in 1 file" in err
    assert "  content/b.md: 1 × TY100" in err


@pytest.mark.parametrize(
    "flags",
    [["--diff", "--fix"], ["--unsafe-fixes"], ["--show-fixes"], ["--fix", "--write-baseline", "b"]],
)
def test_flags_that_do_not_go_together_are_an_error(
    site: Path, capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    code, out, err = cli(capsys, *flags, "content")
    assert code == 2 and out == "" and err.startswith("taiyaku: error: ")


def test_fixes_appear_in_json_and_sarif_and_text_marks_them(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _err = cli(capsys, *SELECT, "--format", "json", "content")
    data = json.loads(out)
    jsonschema.validate(data, json.loads((REPO / "docs/output.schema.json").read_text()))
    fix = data["diagnostics"][0]["fix"]
    assert fix["applicability"] == "safe"
    assert fix["edits"] == [
        {
            "path": "content/a.md",
            "line": 5,
            "column": 1,
            "end_line": 6,
            "end_column": 1,
            "replacement": "",
        }
    ]
    assert data["summary"]["fixable"] == {"safe": 2, "unsafe": 0}

    _code, out, _err = cli(capsys, *SELECT, "--format", "sarif", "content")
    sarif = json.loads(out)
    jsonschema.validate(sarif, json.loads((REPO / "tests/sarif-schema-2.1.0.json").read_text()))
    change = sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"] == {"uri": "content/a.md", "uriBaseId": "%SRCROOT%"}
    assert change["replacements"][0]["deletedRegion"] == {
        "startLine": 5,
        "startColumn": 1,
        "endLine": 6,
        "endColumn": 1,
    }

    _code, out, _err = cli(capsys, *SELECT, "content")
    assert "content/a.md:5:1: warning TY100 [*] [unused-suppression]" in out
    assert out.rstrip().endswith("[*] 2 fixable with `taiyaku check --fix`.")


# -- overlapping edits ---------------------------------------------------------------------


def _diagnostic(path: Path, column: int, end_column: int, text: str) -> Diagnostic:
    fix = Fix((Edit(path, 1, column, 1, end_column, text),), "safe", "")
    return Diagnostic(path, 1, column, "JA003", "x", Severity.WARNING, "m", fix=fix)


def test_overlapping_edits_are_first_come_and_the_rest_wait(tmp_path: Path) -> None:
    import hashlib

    page = tmp_path / "a.md"
    page.write_text("abcdef\n", encoding="utf-8")
    diagnostics = (
        _diagnostic(page, 2, 4, "X"),  # bc → X
        _diagnostic(page, 3, 5, "Y"),  # cd: overlaps the first, waits
        _diagnostic(page, 5, 5, "+"),  # an insertion before e: no overlap with bc
        _diagnostic(page, 5, 5, "-"),  # a second insertion at the same place: waits
    )
    result = RunResult(
        diagnostics,
        files=1,
        pairs=0,
        cwd=tmp_path,
        root=tmp_path,
        file_hashes={page: hashlib.sha256(page.read_bytes()).hexdigest()},
    )
    plan = plan_fixes(result, unsafe=False)
    assert plan.files[0].new == b"aXd+ef\n"
    assert plan.deferred == 2
    assert [d.column for d in plan.applied] == [2, 5]


def test_a_fix_is_never_planned_without_the_hash_the_findings_describe(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("abc\n", encoding="utf-8")
    result = RunResult((_diagnostic(page, 1, 2, "Z"),), 1, 0, tmp_path, tmp_path)
    plan = plan_fixes(result, unsafe=False)
    assert plan.files == () and plan.warnings


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permissions_are_kept(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "a.md").chmod(0o640)
    cli(capsys, *SELECT, "--fix", "content")
    assert (site / "a.md").stat().st_mode & 0o777 == 0o640
