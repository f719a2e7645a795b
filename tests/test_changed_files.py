"""Changed-files mode: ``taiyaku check FILE…``, as pre-commit runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ci_helpers import check, taiyaku
from helpers import make_site
from marker_rules import install


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install(monkeypatch)
    return make_site(
        tmp_path / "content",
        {
            "support/chat.md": "本文です。FIXME\n",
            "en/support/chat.md": "Text.\nMISMATCH\n",
            "support/email.md": "本文です。\n",
            "en/support/email.md": "Text.\nMISMATCH\n",
            "support/unrelated.md": "本文です。FIXME\n",  # PR001 + ZZ001
            "support/desk.png": b"\x89PNG\r\n\x1a\n",
        },
    )


def test_a_full_run_sees_every_page(site: Path) -> None:
    run = check(site)
    assert run.findings == [
        "en/support/chat.md:2 ZZ002",
        "en/support/email.md:2 ZZ002",
        "support/chat.md:1 ZZ001",
        "support/unrelated.md:1 PR001",
        "support/unrelated.md:1 ZZ001",
    ]
    assert run.json["summary"]["files"] == 5


def test_a_japanese_file_is_checked_with_its_translation(site: Path) -> None:
    run = check(site, "support/chat.md")
    assert run.findings == ["en/support/chat.md:2 ZZ002", "support/chat.md:1 ZZ001"]
    assert (run.json["summary"]["files"], run.json["summary"]["pairs"]) == (2, 1)


def test_an_english_file_brings_its_pair_too(site: Path) -> None:
    run = check(site, "en/support/email.md")
    assert run.findings == ["en/support/email.md:2 ZZ002"]
    assert (run.json["summary"]["files"], run.json["summary"]["pairs"]) == (2, 1)


def test_several_files(site: Path) -> None:
    run = check(site, "support/chat.md", "en/support/email.md")
    assert run.json["summary"]["files"] == 4
    assert "support/unrelated.md:1 PR001" not in run.findings


def test_a_file_that_is_not_a_page_is_skipped_with_a_note(site: Path) -> None:
    run = check(site, "support/desk.png", "support/email.md")
    assert run.code == 0
    assert run.findings == ["en/support/email.md:2 ZZ002"]
    assert "taiyaku: warning: support/desk.png: not a .md or .mdx page" in run.err


def test_a_markdown_file_outside_the_root_is_skipped_with_a_note(site: Path) -> None:
    (site.parent / "README.md").write_text("# Read me\nFIXME\n", encoding="utf-8")
    run = taiyaku(
        site.parent,
        "check",
        "--no-config",
        "--root",
        "content",
        "--format",
        "json",
        "README.md",
        "content/support/email.md",
    )
    assert run.code == 0
    assert run.findings == ["content/en/support/email.md:2 ZZ002"]
    assert "taiyaku: warning: README.md: outside the content root" in run.err


def test_only_files_outside_the_root_check_nothing(site: Path) -> None:
    (site.parent / "README.md").write_text("FIXME\n", encoding="utf-8")
    run = taiyaku(site.parent, "check", "--no-config", "--root", "content", "README.md")
    assert run.code == 0
    assert run.out == "Checked 0 files (0 pairs): 0 errors, 0 warnings, 0 info.\n"


def test_a_folder_outside_the_root_is_an_error(site: Path) -> None:
    (site.parent / "docs").mkdir()
    run = taiyaku(site.parent, "check", "--no-config", "--root", "content", "docs")
    assert run.code == 2
    assert "docs is outside the content root" in run.err


def test_a_deleted_file_is_a_one_line_error(site: Path) -> None:
    (site / "support" / "email.md").unlink()
    run = check(site, "support/chat.md", "support/email.md")
    assert run.code == 2
    assert run.out == ""
    assert run.err == "taiyaku: error: support/email.md: no such file or folder\n"


def test_a_finding_reported_in_changed_files_mode_fails_the_run(site: Path) -> None:
    assert check(site, "support/chat.md").code == 1
    assert check(site, "support/email.md").code == 0  # ZZ002 is a warning
