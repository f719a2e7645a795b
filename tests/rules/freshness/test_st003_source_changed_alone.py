"""ST003 source-changed-alone: a change to a source page without its translation, in
changed-files mode (pre-commit) and at the commit-msg stage."""

from __future__ import annotations

from pathlib import Path

import yaml
from freshness_pages import (
    EN,
    EN_FIRST_EN,
    EN_V2,
    JA,
    JA_V1_TRIVIAL,
    JA_V2,
    JA_V3,
    st,
    synced_en_first,
    synced_pair,
)

from ci_helpers import taiyaku
from git_repo import GitRepo
from helpers import REPO

CHANGED_ALONE = (
    "support/chat.md:8 warning ST003 support/chat.md changed; en/support/chat.md was not "
    "updated in this change"
)


HINT = " (or mark the commit [skip translation])"


def changed(repo: GitRepo, *paths: str, **options: object) -> list[str]:
    return st(repo.path, select="ST003", paths=[repo.path / p for p in paths], **options)


def test_a_named_source_change_without_its_translation(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    repo.stage(JA)
    assert changed(repo, JA) == [CHANGED_ALONE]


UNCOMMITTED_LAG = (
    "en/support/chat.md:1 warning ST001 an uncommitted change behind support/chat.md; the "
    "source changed from line 8"
)


def test_one_fact_one_message_st001_leaves_the_uncommitted_change_to_st003(
    tmp_path: Path,
) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    named = [tmp_path / JA]
    assert st(tmp_path, select="ST", paths=named) == [CHANGED_ALONE]
    # ST003 not selected, or ignored on that page: ST001 says it
    assert st(tmp_path, select="ST001", paths=named) == [UNCOMMITTED_LAG]
    ignored = {"per_file_ignores": ["support/chat.md=ST003"]}
    assert st(tmp_path, select="ST", paths=named, **ignored) == [UNCOMMITTED_LAG]
    # a full run has no change for ST003 to look at: ST001 says it
    assert st(tmp_path, select="ST") == [UNCOMMITTED_LAG]
    # a lag of committed changes too is ST001's, whatever ST003 says
    repo.commit("Weekend closed", "2025-03-05", {JA: JA_V2})
    repo.write({JA: JA_V3})
    both = st(tmp_path, select="ST", paths=named)
    assert [line.split(" ", 3)[2] for line in both] == ["ST001", "ST003"]


def test_quiet_when_the_translation_changes_too(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2, EN: EN_V2})
    assert changed(repo, JA, EN) == []
    assert changed(repo, JA) == []  # changed in the working tree, though not named


def test_quiet_when_the_change_is_not_substantive(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V1_TRIVIAL})
    assert changed(repo, JA) == []


def test_quiet_for_an_unchanged_page_and_for_a_full_run(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    assert changed(repo, JA) == []
    repo.write({JA: JA_V2})
    assert st(tmp_path, select="ST003") == []  # no pages named: no change to look at


def test_a_translation_changed_alone_is_no_finding(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({EN: EN_V2})
    assert changed(repo, EN) == []


def test_english_first_the_english_page_is_the_source(tmp_path: Path) -> None:
    """English at the root, Japanese under ja/: the English page is the source."""
    repo = GitRepo.init(tmp_path)
    synced_en_first(repo)
    repo.write({EN_FIRST_EN: EN_V2})
    assert changed(repo, EN_FIRST_EN, source_language="en") == [
        "support/chat.md:8 warning ST003 support/chat.md changed; ja/support/chat.md was "
        "not updated in this change"
    ]


def test_at_the_commit_msg_stage_the_staged_pages_are_the_change(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    message = tmp_path / ".git" / "COMMIT_EDITMSG"
    message.write_text("New weekday hours\n", encoding="utf-8")
    assert changed(repo, commit_msg_file=str(message)) == []  # nothing staged yet
    repo.stage(JA)
    assert changed(repo, commit_msg_file=str(message)) == [CHANGED_ALONE + HINT]


def test_a_skip_marker_in_the_message_keeps_it_quiet(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    repo.stage(JA)
    message = tmp_path / ".git" / "COMMIT_EDITMSG"
    message.write_text("Fix a typo\n\n[skip translation]\n# [i18n skip] in a comment\n")
    assert changed(repo, commit_msg_file=str(message)) == []
    message.write_text("Fix a typo\n# [i18n skip] in a comment does not count\n")
    assert changed(repo, commit_msg_file=str(message)) == [CHANGED_ALONE + HINT]


def test_at_the_commit_msg_stage_a_staged_translation_keeps_it_quiet(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2, EN: EN_V2})
    repo.stage(JA, EN)
    message = tmp_path / "msg"
    message.write_text("New hours\n")
    assert changed(repo, commit_msg_file=str(message)) == []


def test_an_unreadable_message_file_is_a_usage_error(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    run = taiyaku(
        tmp_path, "check", "--no-config", "--root", ".", "--select", "ST003",
        "--commit-msg-file", "missing-message",
    )  # fmt: skip
    assert run.code == 2
    assert run.err.startswith("taiyaku: error: cannot read the commit message missing-message")


def test_outside_a_git_repository_it_is_quiet(tmp_path: Path) -> None:
    (tmp_path / "support").mkdir()
    (tmp_path / "en" / "support").mkdir(parents=True)
    (tmp_path / JA).write_text(JA_V2, encoding="utf-8")
    (tmp_path / EN).write_text(EN_V2, encoding="utf-8")
    assert st(tmp_path, select="ST003", paths=[tmp_path / JA]) == []


def test_the_published_commit_msg_hook_passes_the_message_file_to_the_option(
    tmp_path: Path,
) -> None:
    """pre-commit runs the entry, the hook's args, then the message file: the entry ends
    with the flag, so the file is its value (settings go in the config file)."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "taiyaku-commit-msg"]
    assert hook["stages"] == ["commit-msg"] and hook["entry"].endswith("--commit-msg-file")
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    repo.stage(JA)
    (tmp_path / ".git" / "COMMIT_EDITMSG").write_text("New hours\n")
    run = taiyaku(
        tmp_path, *hook["entry"].split()[1:], *hook.get("args", []), ".git/COMMIT_EDITMSG"
    )
    assert run.code == 1, run.err  # an error: the commit stops
    assert "error ST003 [source-changed-alone] support/chat.md changed" in run.out
    assert "(or mark the commit [skip translation])" in run.out
