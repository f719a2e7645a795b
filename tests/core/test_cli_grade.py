"""The command line as a ruff user expects it: failures never look like success, one-line
errors with suggestions, the daily flags, three text formats, completion."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import make_site, run_site
from taiyaku.cli import main

PAGE = "---\ntitle: t\n---\n"
SITE = {
    "a.md": PAGE + "本文です。[x](./missing)\n",
    "en/a.md": PAGE + "Text.\n",
    "b.md": PAGE + "<!-- taiyaku-disable-next-line LK001 -->\n本文です。\n",
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("FORCE_COLOR", "NO_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return make_site(tmp_path / "content", SITE)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return cli(capsys, "check", "--no-config", "--no-cache", *args)


# -- failures are exit 2, one line ---------------------------------------------------------


def _explode(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("injected")


@pytest.mark.parametrize(
    "target",
    [
        "taiyaku.output.text.render",
        "taiyaku.run.cache.ResultCache.get",
        "taiyaku.run.engine.collect_sources",
    ],
)
def test_an_unexpected_exception_is_one_line_and_exit_2(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    monkeypatch.setattr(target, _explode)
    code, _out, err = cli(capsys, "check", "--no-config", "content")
    assert code == 2
    assert err.strip().splitlines() == [
        "taiyaku: internal error: RuntimeError: injected (please report it, with the output "
        "of the same command with --debug)"
    ]
    code, _out, err = cli(capsys, "check", "--no-config", "--debug", "content")
    assert code == 2 and "Traceback (most recent call last)" in err


def test_an_exception_in_a_rule_is_exit_2_and_the_other_findings_stay(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiyaku.rules.links.lk003_wrong_language_link import WrongLanguageLink

    monkeypatch.setattr(WrongLanguageLink, "check", _explode)
    code, out, err = check(capsys, "content")
    assert code == 2
    assert "internal error in LK003" in err and "error LK001" in out


def test_a_rule_that_fails_halfway_keeps_what_it_found_before(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiyaku.rules.links.lk001_broken_link import BrokenLink

    found_before = BrokenLink.check

    def fails_after_the_first(self: BrokenLink, *args: object) -> object:
        for finding in found_before(self, *args):  # type: ignore[arg-type]
            yield finding
            raise RuntimeError("injected")

    monkeypatch.setattr(BrokenLink, "check", fails_after_the_first)
    code, out, err = check(capsys, "--select", "LK001", "content")
    assert code == 2
    assert "internal error in LK001" in err and "RuntimeError: injected" in err
    assert "error LK001" in out


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers need fork()")
def test_a_worker_that_dies_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import taiyaku.run.workers as workers

    make_site(tmp_path / "content", {f"p{i}.md": PAGE + "本文。\n" for i in range(60)})
    monkeypatch.chdir(tmp_path)
    parent = os.getpid()
    original = workers._worker

    def dies_in_a_child(index: int) -> object:
        if os.getpid() != parent:
            os._exit(9)
        return original(index)

    monkeypatch.setattr(workers, "_worker", dies_in_a_child)
    code, out, err = check(capsys, "--jobs", "2", "content")
    assert code == 2
    assert "worker 1 ended without a result" in err
    assert "Checked 60 files" in out  # checked again in one process


# -- one-line errors with suggestions -------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--selct", "LK"], "unknown option --selct; did you mean --select?"),
        (["check", "--format", "jsn"], "did you mean json?"),
        (["check", "--url-style", "pretyy"], "did you mean pretty?"),
        (["chek"], "unknown command 'chek'; did you mean check?"),
        (["rule", "TM01"], "unknown rule 'TM01'; did you mean 'TM001'?"),
        (["rule", "hours-mismach"], "did you mean 'hours-mismatch'?"),
        (["check", "--severity", "PV01=warning"], "'PV01' names no rule; did you mean 'PV001'?"),
        (["check", "--per-file-ignores", "a/**=TM01"], "did you mean 'TM001'?"),
        (["check", "--max-page-bytes", "-1"], "--max-page-bytes must be at least 1, got -1"),
        (["check", "--jobs", "-3"], "--jobs must be at least 0, got -3"),
        (["check", "--max-page-seconds", "-2"], "must be at least 0, got -2"),
    ],
)
def test_a_mistake_is_one_line_with_a_suggestion_and_exit_2(
    site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = cli(
        capsys, *args[:1], *(["--no-config"] if args[0] == "check" else []), *args[1:]
    )
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("taiyaku: error: ")
    assert message in lines[0]


def test_a_list_setting_written_as_a_string_is_an_error(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("taiyaku.toml").write_text('root = "content"\nselect = "LK"\n', encoding="utf-8")
    code, _out, err = cli(capsys, "check")
    assert code == 2
    assert "key 'select' must be a list of strings, got a string (write select = [\"LK\"])" in err


def test_two_config_files_that_differ_are_an_error_unless_one_is_chosen(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("taiyaku.toml").write_text('root = "content"\n', encoding="utf-8")
    Path("pyproject.toml").write_text(
        '[tool.taiyaku]\nroot = "content"\nselect = ["LK"]\n', encoding="utf-8"
    )
    code, _out, err = cli(capsys, "check", "--no-cache")
    assert code == 2 and "they differ: keep one, or choose with --config" in err
    code, out, _err = cli(capsys, "check", "--no-cache", "--config", "pyproject.toml", "-v")
    assert code == 1 and "PR001" not in out
    Path("pyproject.toml").write_text('[tool.taiyaku]\nroot = "content"\n', encoding="utf-8")
    code, _out, err = cli(capsys, "check", "--no-cache", "-v")
    assert code == 1
    assert (
        "taiyaku: config taiyaku.toml; root content (taiyaku.toml); layout prefix (default); "
        "url-style preserve (default); source-language ja (default)"
    ) in err


# -- flags -------------------------------------------------------------------------------------


def test_exit_zero_keeps_findings_but_not_failures(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, "content")[0] == 1
    code, out, _err = check(capsys, "--exit-zero", "content")
    assert code == 0 and "error LK001" in out
    assert check(capsys, "--exit-zero", "--select", "XX", "content")[0] == 2


def test_statistics_counts_per_rule_errors_first(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = check(capsys, "--statistics", "content")
    assert code == 1
    assert out.splitlines() == [
        "1  LK001      broken-link          error",
        "1  TY100  [*] unused-suppression   warning (1 fixable)",
        "1  PR001      missing-translation  info",
    ]
    code, out, _err = check(capsys, "--statistics", "--format", "json", "content")
    rows = json.loads(out)
    assert [(r["code"], r["count"], r["fixable"]) for r in rows] == [
        ("LK001", 1, 0),
        ("TY100", 1, 1),
        ("PR001", 1, 0),
    ]


def test_output_file_quiet_and_color(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, "--output-file", "out.txt", "content")
    assert code == 1 and out == ""
    written = Path("out.txt").read_text(encoding="utf-8")
    assert "error LK001" in written and "\x1b[" not in written

    code, out, err = check(capsys, "-q", "content")
    assert "Checked" not in out and "error LK001" in out and err == ""

    assert "\x1b[1;31merror LK001" in check(capsys, "--color", "always", "content")[1]
    assert "\x1b[" not in check(capsys, "--color", "never", "content")[1]


def test_force_color_and_no_color(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in check(capsys, "content")[1]
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in check(capsys, "--color", "auto", "content")[1]


def test_concise_grouped_and_full(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = check(capsys, "--select", "LK001", "content")[1].splitlines()
    assert full[:3] == [
        "content/a.md:4:10: error LK001 [broken-link] broken link ./missing (→ /missing): no "
        "page, file or redirect there",
        "    4 | 本文です。[x](./missing)",
        " " * 22 + "^",  # 8 for the gutter, 2 for each of the five wide characters, 4
    ]
    concise = check(capsys, "--select", "LK001", "--output-format", "concise", "content")[1]
    assert concise.splitlines() == [full[0], full[-1]]
    grouped = check(capsys, "--select", "LK001", "--format", "grouped", "content")[1]
    assert grouped.splitlines()[:3] == [
        "content/a.md:",
        "  4:10 error LK001 [broken-link] broken link ./missing (→ /missing): no page, file or "
        "redirect there",
        "",
    ]
    assert check(capsys, "--select", "LK001", "--format", "full", "content")[1].splitlines() == full


def test_a_source_line_is_cut_to_the_terminal_width(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "a.md").write_text(PAGE + "あ" * 200 + "[x](./missing)" + "い" * 200 + "\n")
    monkeypatch.setenv("COLUMNS", "60")
    out = check(capsys, "--select", "LK001", "content")[1].splitlines()
    source, caret = out[1], out[2]
    from rich.cells import cell_len

    assert cell_len(source) <= 62
    assert source[len("    4 | ") :].startswith("…") and source.endswith("…")
    assert "[x](./missing)" in source
    # LK001 points at the link's target: the caret is under its first character
    assert cell_len(source[: source.index("./missing")]) == len(caret) - 1


# -- progress, completion, speed ------------------------------------------------------------------


def test_progress_counts_pages_checked_by_the_workers(tmp_path: Path) -> None:
    root = make_site(tmp_path, {f"p{i}.md": PAGE + "本文です。\n" * 50 for i in range(80)})
    seen: list[int] = []
    from taiyaku.config.loading import load_config
    from taiyaku.run.engine import run

    config = load_config(
        None, {"root": str(root), "jobs": 2, "cache": False}, cwd=root, discover=False
    )
    run(config, [], cwd=root, progress=lambda _phase, done, _total: seen.append(done))
    assert seen and seen[-1] == 80 and seen == sorted(seen)


def test_version_and_help_import_no_rule() -> None:
    script = (
        "import sys, io, contextlib\n"
        "from taiyaku.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version']); main(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('taiyaku.rules')))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_parse_and_know_the_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shell: str
) -> None:
    code, out, _err = cli(capsys, "completion", shell)
    assert code == 0
    assert "TM001" in out and "hours-mismatch" in out
    assert ("-l select" if shell == "fish" else "--select") in out
    assert "concise" in out and "check" in out
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    script = tmp_path / f"taiyaku.{shell}"
    script.write_text(out, encoding="utf-8")
    flag = "--no-execute" if shell == "fish" else "-n"
    parsed = subprocess.run([shell, flag, str(script)], capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stderr


def test_the_helpers_still_take_a_string_list(tmp_path: Path) -> None:
    """Flags and the test helpers give lists; only a config file's string is refused."""
    root = make_site(tmp_path, {"a.md": PAGE})
    assert [d.code for d in run_site(root, select=["PR"]).diagnostics] == ["PR001"]
