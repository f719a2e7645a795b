"""``taiyaku report``: output files, exit codes, flags, the progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.cli import main
from taiyaku.output.progress import progress_bar, wants_progress

PAGE = "---\ntitle: t\n---\ntext\n"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path / "content", {"a.md": PAGE, "en/b.md": PAGE, "c.md": PAGE, "en/c.md": PAGE})
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_writes_only_the_named_file_and_exits_0_with_findings(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (in_tmp / "content" / "bad.md").write_bytes(b"\x00binary")  # an error-level finding
    before = files(in_tmp)
    code, out, err = run_cli(capsys, "report", "-o", "out.html")
    assert code == 0
    assert out == ""
    assert err == "taiyaku: wrote out.html (5 pages, 1 pair, 4 findings)\n"
    written = {f for f in files(in_tmp) - before if not f.startswith(".taiyaku_cache/")}
    assert written == {"out.html"}  # besides the documented result cache
    html = (in_tmp / "out.html").read_text(encoding="utf-8")
    assert 'data-code="IN001"' in html and 'data-code="PR002"' in html


def test_default_output_path(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run_cli(capsys, "report")[0] == 0
    assert (in_tmp / "taiyaku-report.html").is_file()


def test_markdown_to_stdout_or_a_file(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_cli(capsys, "report", "--format", "markdown")
    assert (code, err) == (0, "")
    assert out.startswith("## taiyaku report\n")
    assert "| `PR001` | `missing-translation` | info | 0 | 0 | 1 | **1** |" in out
    assert run_cli(capsys, "report", "--format", "markdown", "-o", "s.md", "--top", "1")[0] == 0
    assert "### Top 1 of 2" in (in_tmp / "s.md").read_text(encoding="utf-8")
    code, out, _ = run_cli(capsys, "report", "-o", "-")
    assert code == 0 and out.startswith("<!doctype html>")


def test_accepts_the_check_flags(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(
        capsys, "report", "--format", "markdown", "--select", "PR002", "--no-config", "content"
    )
    assert code == 0
    assert "`PR002`" in out and "`PR001`" not in out


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "XX999"),
        ("--layout", "sideways"),
        ("--format", "sarif"),
        ("--config", "missing.toml"),
        ("nowhere.md",),
        ("-o", "no/such/folder/r.html"),
    ],
)
def test_exit_2_on_usage_config_and_output_errors(in_tmp: Path, capsys, args) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run_cli(capsys, "report", *args)
    assert code == 2
    assert "error" in err
    assert not (in_tmp / "taiyaku-report.html").exists()


def test_config_errors_name_the_key(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (in_tmp / "taiyaku.toml").write_text('url_style = "preserve"\n', encoding="utf-8")
    code, _out, err = run_cli(capsys, "report")
    assert code == 2 and "unknown key 'url_style'" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(in_tmp: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert not wants_progress(io.StringIO())
    code, _out, err = run_cli(capsys, "report", "-o", "r.html")
    assert code == 0 and err.count("\n") == 1 and err.startswith("taiyaku: wrote r.html")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    assert wants_progress(terminal)
    monkeypatch.setenv("CI", "true")
    assert not wants_progress(terminal)
    with progress_bar(True, file=terminal) as progress:
        assert progress is not None
        for done in range(1, 4):
            progress("pages", done, 3)
        progress("pairs", 1, 1)
    assert "Checking pages" in terminal.getvalue()
    with progress_bar(False) as progress:
        assert progress is None


def test_internal_errors_exit_2_with_the_report(in_tmp: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from taiyaku.rules.pairing.pr001_missing_translation import MissingTranslation

    def broken(self, doc, ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(MissingTranslation, "check", broken)
    code, _out, err = run_cli(capsys, "report", "-o", "r.html")
    assert code == 2
    assert "taiyaku: error: internal error in PR001" in err
    html = (in_tmp / "r.html").read_text(encoding="utf-8")
    assert 'id="internal-errors"' in html and "RuntimeError: boom" in html
