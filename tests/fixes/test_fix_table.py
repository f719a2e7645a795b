"""Every fix, from the table in tests/data/fixes.yaml: the page with the defect beside the
text `--fix` leaves and the diff `--diff` prints; a second `--fix` changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import REPO, make_site
from taiyaku.cli import main

CASES: list[dict[str, Any]] = yaml.safe_load(
    (REPO / "tests" / "data" / "fixes.yaml").read_text(encoding="utf-8")
)
SCHEMA = """\
version: 1
schemas:
  - files: ['**/*.md', '**/*.mdx']
    schema:
      type: object
      additionalProperties: false
      properties: {title: {type: string}}
"""


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def case_site(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], list[str]]:
    case: dict[str, Any] = request.param
    make_site(tmp_path / "content", case["files"])
    checks = tmp_path / "checks"
    checks.mkdir()
    if case.get("schema"):
        (checks / "frontmatter.schema.yaml").write_text(SCHEMA, encoding="utf-8")
    if case.get("terms"):
        (checks / "terms.yml").write_text(case["terms"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [
        "--no-config",
        "--no-cache",
        "--checks-dir",
        "checks",
        "--select",
        case.get("select", case["rule"]),
    ]
    if case.get("unsafe"):
        args.append("--unsafe-fixes")
    args += case.get("args", [])
    return case, args


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case_site", CASES, ids=[c["name"] for c in CASES], indirect=True)
def test_fix(
    case_site: tuple[dict[str, Any], list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    case, args = case_site
    before = snapshot(Path("content"))
    page = Path("content") / case["page"]

    code, diff, _err = cli(capsys, *args, "--diff", "content")
    assert code == 1, "--diff exits 1 when there is something to fix"
    assert diff.startswith(f"--- a/content/{case['page']}\n")
    if "diff" in case:
        assert diff == case["diff"]
    assert snapshot(Path("content")) == before, "--diff writes nothing"

    code, _out, err = cli(capsys, *args, "--fix", "content")
    assert page.read_text(encoding="utf-8") == case["fixed"]
    changed = {k for k, v in snapshot(Path("content")).items() if before.get(k) != v}
    assert changed == {case["page"]}, "only the page with the defect changes"
    assert "taiyaku: fixed " in err

    after = snapshot(Path("content"))
    code, out, err = cli(capsys, *args, "--fix", "content")
    assert snapshot(Path("content")) == after, "a second --fix changes nothing"
    assert "taiyaku: fixed 0 findings in 0 files" in err
    assert "[*]" not in out

    code, diff, _err = cli(capsys, *args, "--diff", "content")
    assert (code, diff) == (0, "")
