"""Names and text are data: a page's text and its file name reach the text output
spelled out, never as a terminal escape or a GitHub Actions workflow command, and a long
source line is quoted as a window around the column, never whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.cli import main
from taiyaku.output.terminal import printable, window

TITLE = "---\ntitle: t\n---\n"


def text_output(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["check", "--no-config", "--no-cache", "--format", "text", *args])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain 窓口", "plain 窓口"),
        ("a\nb", "a\\nb"),
        ("\x1b[2J", "\\x1b[2J"),
        ("tab\there", "tab here"),
        ("\u202eevil", "\\u202eevil"),
        ("caf\udce9", "caf\\udce9"),  # a Latin-1 file name, as os.fsdecode gives it
    ],
)
def test_printable_spells_out_what_a_terminal_would_obey(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_a_decoded_line_break_in_a_link_prints_no_workflow_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: `[x](./a%0A::add-mask::secret)` printed a line `::add-mask::secret …`, which
    GitHub Actions executes."""
    make_site(tmp_path / "content", {"a.md": TITLE + "[x](./a%0A::add-mask::secret%1B[2J)\n"})
    monkeypatch.chdir(tmp_path)
    out = text_output(capsys, "content")
    assert not [line for line in out if line.startswith("::")]
    assert not [line for line in out if "\x1b" in line]
    assert any("./a\\n::add-mask::secret\\x1b[2J" in line for line in out)


def test_a_file_named_like_a_workflow_command_does_not_start_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_site(tmp_path / "content", {"::error file=x::.md": "[z](./gone)\n"})
    monkeypatch.chdir(tmp_path / "content")
    out = text_output(capsys, ".")
    assert not [line for line in out if line.startswith("::")]
    assert [line for line in out if line.startswith("./::error file=x::.md:1:5: error LK001")]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.name != "posix":
        pytest.skip("byte file names are POSIX")
    (tmp_path / "content").mkdir()
    try:
        fd = os.open(os.fsencode(tmp_path) + b"/content/caf\xe9.md", os.O_CREAT | os.O_WRONLY)
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    os.write(fd, b"[q](./nowhere)\n")
    os.close(fd)
    monkeypatch.chdir(tmp_path)
    out = text_output(capsys, "content")
    assert (
        "content/caf\\udce9.md:1:5: error LK001 [broken-link] broken link ./nowhere"
        in "\n".join(out)
    )


# -- long lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "column", "shown", "caret"),
    [
        ("[x](./gone)", 5, "[x](./gone)", 4),
        ("窓口 [x](./gone)", 8, "窓口 [x](./gone)", 9),  # wide characters take two columns
        ("a" * 300, 150, "…" + "a" * 50 + "a" * 50 + "…", 51),
        ("a" * 300, 1, "a" * 100 + "…", 0),
        ("a" * 300, 300, "…" + "a" * 50 + "a", 51),
        ("あ" * 300, 150, "…" + "あ" * 25 + "あ" * 25 + "…", 51),
    ],
)
def test_a_long_source_line_is_a_window_around_the_column(
    line: str, column: int, shown: str, caret: int
) -> None:
    assert window(line, column) == (shown, caret)


def test_many_findings_on_one_long_line_print_each_a_short_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: a 100 KB line quoted whole for each of its 8,000 findings (3 GiB of output)."""
    links = " ".join(f"[x](./missing-{i}) " + "あ" * 5 for i in range(2000))
    make_site(tmp_path / "content", {"a.md": TITLE + links + "\n"})
    monkeypatch.chdir(tmp_path)
    out = text_output(capsys, "--select", "LK001", "content")
    quoted = [line for line in out if line.startswith("    4 | ")]
    assert len(quoted) == 2000
    assert max(len(line) for line in out) < 300
