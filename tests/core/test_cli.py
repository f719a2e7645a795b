"""The command line: exit codes, configuration errors, text and JSON output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from helpers import REPO, make_site
from taiyaku import __version__
from taiyaku.cli import main

PAGE = "---\ntitle: t\n---\ntext\n"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_when_only_info_and_warnings(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": PAGE, "en/b.md": PAGE})
    code, out, _ = run_cli(capsys, "check")
    assert code == 0
    assert "content/a.md:1:1: info PR001 [missing-translation] no English translation" in out
    assert "content/en/b.md:1:1: warning PR002 [orphan-translation]" in out
    assert out.rstrip().endswith("Checked 2 files (0 pairs): 0 errors, 1 warning, 1 info.")


def test_exit_1_on_error_findings(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": b"\x00\x01binary", "en/a.md": PAGE})
    code, out, _ = run_cli(capsys, "check")
    assert code == 1
    assert "content/a.md:1:1: error IN001 [unreadable-page] file contains NUL bytes" in out


def test_exit_2_on_usage_errors(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": PAGE})
    assert run_cli(capsys, "check", "--select", "XX999")[0] == 2
    code, _, err = run_cli(capsys, "check", "nowhere.md")
    assert (code, err.strip()) == (2, "taiyaku: error: nowhere.md: no such file or folder")
    assert run_cli(capsys, "check", "--layout", "sideways")[0] == 2
    assert run_cli(capsys, "frobnicate")[0] == 2


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[tool.taiyaku]\nurl_style = "preserve"\n',
            "unknown key 'url_style' (did you mean 'url-style'?)",
        ),
        (
            '[tool.taiyaku]\nurl-style = "sideways"\n',
            "key 'url-style' must be one of preserve, pretty, jekyll; got 'sideways'",
        ),
        ("[tool.taiyaku]\nselect = 3\n", "key 'select' must be a list of strings, got an integer"),
        (
            '[tool.taiyaku]\nmax-page-bytes = "big"\n',
            "key 'max-page-bytes' must be a number, got a string",
        ),
        ('[tool.taiyaku.severity]\nPR001 = "fatal"\n', "unknown severity 'fatal'"),
        ("[tool.taiyaku\n", "invalid TOML"),
    ],
)
def test_config_errors_name_the_key(in_tmp: Path, capsys, toml: str, message: str) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": PAGE})
    (in_tmp / "pyproject.toml").write_text(toml, encoding="utf-8")
    code, out, err = run_cli(capsys, "check")
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_taiyaku_toml_and_flags_override_it(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "site", {"a.md": PAGE})
    (in_tmp / "taiyaku.toml").write_text('root = "site"\nignore = ["PR001"]\n', encoding="utf-8")
    assert "PR001" not in run_cli(capsys, "check")[1]
    assert "PR001" in run_cli(capsys, "check", "--ignore", "PR002")[1]


def test_severity_override(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": PAGE})
    code, out, _ = run_cli(capsys, "check", "--severity", "PR001=error")
    assert code == 1 and "1 error" in out


def test_json_output_follows_the_published_schema(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(in_tmp / "content", {"a.md": PAGE, "en/b.md": PAGE, "c.md": b"\xff\xfe"})
    code, out, _ = run_cli(capsys, "check", "--format", "json")
    data = json.loads(out)
    schema = json.loads((REPO / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert code == 1
    assert data["version"] == __version__
    assert [(d["path"], d["code"], d["severity"]) for d in data["diagnostics"]] == [
        ("content/a.md", "PR001", "info"),
        ("content/c.md", "IN001", "error"),
        ("content/c.md", "PR001", "info"),
        ("content/en/b.md", "PR002", "warning"),
    ]
    assert data["summary"] == {
        "files": 3,
        "pairs": 0,
        "errors": 1,
        "warnings": 1,
        "infos": 2,
        "by_code": {"IN001": 1, "PR001": 2, "PR002": 1},
        "fixable": {"safe": 0, "unsafe": 0},
        "setup": {
            "generator": None,
            "config_file": None,
            "settings": {
                "layout": {"value": "prefix", "source": "default"},
                "url-style": {"value": "preserve", "source": "default"},
                "source-language": {"value": "ja", "source": "default"},
                "root": {"value": "content", "source": "content/ in the working directory"},
            },
        },
    }


def test_paths_are_relative_to_the_working_directory(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path / "site" / "content", {"a.md": PAGE})
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--root", "site/content")
    assert json.loads(out)["diagnostics"][0]["path"] == os.path.join("site", "content", "a.md")


def test_rules_table_and_rule_docs(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and "PR001   missing-translation" in out
    code, out, _ = run_cli(capsys, "rule", "missing-translation")
    assert code == 0
    assert out.startswith("PR001 missing-translation (default severity: info")
    assert "## What it does" in out and "## Why is this bad?" in out and "## Example" in out
    assert run_cli(capsys, "rule", "ZZ001")[0] == 2
