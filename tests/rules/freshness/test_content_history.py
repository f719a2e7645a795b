"""The sample site with the history of tests/content_history.py: the English chat page
is behind its Japanese source, and only it; the typo fix (skip marker) and the re-wrap
(white space) do not count."""

from __future__ import annotations

from pathlib import Path

from ci_helpers import taiyaku
from content_history import build


def test_the_english_chat_page_is_behind_and_nothing_else(tmp_path: Path) -> None:
    repo = build(tmp_path / "demo")
    sha = repo.git("log", "--format=%H", "-1", "--skip=1").strip()
    run = taiyaku(repo.path, "check", "--select", "ST", "--no-cache")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        "content/en/support/chat.md:1:1: warning ST001 [translation-outdated] 1 commit, 1 day "
        f'behind content/support/chat.md; the oldest it lacks is {sha[:7]} (2025-04-21, "chat: '
        'the weekend service has ended"); the source changed from line 23'
    )
    assert run.out.splitlines()[-1] == "Checked 15 files (7 pairs): 0 errors, 1 warning, 0 info."


def test_the_status_table_of_the_sample_site(tmp_path: Path) -> None:
    repo = build(tmp_path / "demo")
    run = taiyaku(repo.path, "status", "--no-cache")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[1].startswith("1 commit behind      2025-04-21, 1 day  content/en/support/chat.md")
    assert [line.split()[0] for line in lines[2:-1]] == ["up"] * 5 + ["translation"]
    assert (
        lines[-1]
        == "1 of 6 translations behind, 1 missing, 0 orphaned (source language: Japanese)."
    )


def test_the_full_check_also_shows_what_changed(tmp_path: Path) -> None:
    """TM001 reads the hours the English page still states; ST001 says why."""
    repo = build(tmp_path / "demo")
    run = taiyaku(repo.path, "check", "--select", "ST001,TM001", "--no-cache")
    codes = [line.split()[2] for line in run.out.splitlines() if ": warning " in line]
    assert codes == ["ST001", "TM001"]
