"""``taiyaku status`` (text, Markdown, JSON; folders; order) and the report's freshness
section."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from freshness_pages import EN, EN_V1, JA, JA_V1, JA_V2, JA_V3

from ci_helpers import taiyaku
from git_repo import GitRepo

OLD = "notice/old.md"


@pytest.fixture
def site(tmp_path: Path) -> GitRepo:
    """Four states: chat behind by 2 (since 03-10), notice behind by 1 (since 02-01, the
    longest), index up to date, a Japanese page without translation, an orphan."""
    repo = GitRepo.init(tmp_path)
    repo.commit(
        "Add pages",
        "2025-01-10",
        {
            JA: JA_V1,
            EN: EN_V1,
            OLD: JA_V1,
            "en/" + OLD: EN_V1,
            "index.md": JA_V1,
            "en/index.md": EN_V1,
            "ucom/terms.md": JA_V1,
            "en/gone.md": EN_V1,
        },
    )
    repo.commit("Notice: new text | typo", "2025-02-01", {OLD: JA_V2})
    repo.commit("Chat: new hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Chat: weekends | closed", "2025-04-20", {JA: JA_V3})
    return repo


def status(repo: GitRepo, *args: str) -> tuple[int, str, str]:
    run = taiyaku(repo.path, "status", "--no-config", "--root", ".", *args)
    return run.code, run.out, run.err


def test_the_text_table_lists_the_longest_behind_first(site: GitRepo) -> None:
    code, out, err = status(site)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == [
        "STATUS",
        "SINCE",
        "TRANSLATION",
        "SOURCE",
        "OLDEST",
        "MISSING",
        "COMMIT",
    ]
    rows = [re.split(r"\s{2,}", line) for line in lines[1:-1]]
    assert [row[:4] for row in rows] == [
        ["1 commit behind", "2025-02-01, 78 days", "en/notice/old.md", "notice/old.md"],
        ["2 commits behind", "2025-03-10, 41 days", "en/support/chat.md", "support/chat.md"],
        ["up to date", "en/index.md", "index.md"],
        ["translation missing", "—", "ucom/terms.md"],
        ["source missing", "en/gone.md", "—"],
    ]
    assert rows[0][4].endswith(" Notice: new text | typo")
    assert lines[-1] == (
        "2 of 3 translations behind, 1 missing, 1 orphaned (source language: Japanese)."
    )


def test_sorted_by_path_and_filtered_by_folder(site: GitRepo) -> None:
    _, out, _ = status(site, "--sort", "path", "--format", "json")
    assert [p["key"] for p in json.loads(out)["pairs"]] == [
        "gone", "index", "notice/old", "support/chat", "ucom/terms",
    ]  # fmt: skip
    _, out, _ = status(site, "--folder", "support", "--folder", "en/notice", "--format", "json")
    assert [p["key"] for p in json.loads(out)["pairs"]] == ["notice/old", "support/chat"]


def test_the_json_rows(site: GitRepo) -> None:
    _, out, _ = status(site, "--format", "json", "--folder", "support")
    data = json.loads(out)
    [chat] = data["pairs"]
    sha = site.git("log", "--format=%H", "-1", "--skip=1").strip()
    assert chat == {
        "key": "support/chat",
        "state": "behind",
        "translation": "en/support/chat.md",
        "source": "support/chat.md",
        "commits": 2,
        "pending": False,
        "days": 41,
        "oldest": {"sha": sha, "date": "2025-03-10", "subject": "Chat: new hours"},
        "changed_line": 8,
        "pin": None,
    }
    assert data["source_language"] == "ja" and data["head"] == site.git("rev-parse", "HEAD").strip()
    assert data["summary"] == {
        "behind": 1,
        "unknown-pin": 0,
        "up-to-date": 0,
        "missing": 0,
        "orphan": 0,
    }


def test_the_markdown_comment(site: GitRepo) -> None:
    _, out, _ = status(site, "--format", "markdown")
    assert out.startswith(
        "### Translation status\n\n**2 of 3 translations behind, 1 missing, 1 orphaned**\n"
    )
    assert "| `en/notice/old.md` | 1 commit behind | 2025-02-01, 78 days |" in out
    assert "| `support/chat.md` (from line 8) |" in out
    assert "Chat: new hours" in out
    assert "<details><summary>1 up to date</summary>\n\n- `en/index.md`\n\n</details>" in out
    assert "Notice: new text \\| typo" in out  # a pipe does not break the table


def test_without_a_git_repository_status_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    run = taiyaku(tmp_path, "status", "--no-config", "--root", ".")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "taiyaku: error: not a git repository: freshness needs the git history of the "
        "content root\n"
    )


def test_the_report_has_a_freshness_section_longest_behind_first(site: GitRepo) -> None:
    out = site.path / "report.html"
    run = taiyaku(
        site.path, "report", "--no-config", "--root", ".", "--no-progress", "-o", str(out)
    )
    assert run.code == 0, run.err
    html = out.read_text(encoding="utf-8")
    section = re.search(r'<section id="freshness">.*?</section>', html, re.S)
    assert section is not None and '<a href="#freshness">Freshness</a>' in html
    rows = re.findall(
        r'<tr data-state="([a-z-]+)" data-folder="[^"]*"><td class=code>([^<]+)', section.group(0)
    )
    assert rows == [
        ("behind", "en/notice/old.md"),
        ("behind", "en/support/chat.md"),
        ("missing", "—"),
        ("orphan", "en/gone.md"),
    ]
    assert "2 of 3 translations behind their source" in section.group(0)
    assert "<summary>1 up to date</summary>" in section.group(0)


def test_the_report_without_st001_has_no_freshness_section(site: GitRepo) -> None:
    out = site.path / "report.html"
    run = taiyaku(
        site.path, "report", "--no-config", "--root", ".", "--no-progress", "--select", "PR",
        "-o", str(out),
    )  # fmt: skip
    assert run.code == 0
    assert 'id="freshness"' not in out.read_text(encoding="utf-8")
