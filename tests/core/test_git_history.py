"""The git history reader (site/history.py): one pass for the whole site, renames,
the working tree, the cache by HEAD, and what it says when there is no history."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

import taiyaku.site.history as history_module
from git_repo import GitRepo, git_env
from taiyaku.site.history import SHALLOW_NOTE, read_history


def test_commits_newest_first_with_their_changes(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    first = repo.commit("Add a", "2025-03-01", {"a.md": "one\n", "en/a.md": "One\n"})
    second = repo.commit("Edit a\n\nwith a body", "2025-03-05", {"a.md": "two\n"})
    history = read_history(tmp_path)
    assert history.usable and history.head == second
    assert [(c.sha, c.date, c.subject) for c in history.commits] == [
        (second, "2025-03-05", "Edit a"),
        (first, "2025-03-01", "Add a"),
    ]
    assert history.commits[0].message == "Edit a\n\nwith a body"
    assert [(c.index, c.status) for c in history.changes_of("a.md")] == [(0, "M"), (1, "A")]
    assert [(c.index, c.status) for c in history.changes_of("en/a.md")] == [(1, "A")]
    assert history.text_at(history.changes_of("a.md")[0].old_blob) == "one\n"


def test_renames_are_followed_to_the_old_name(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    text = "".join(f"line {n}\n" for n in range(20))
    repo.commit("Add", "2025-03-01", {"old/a.md": text})
    repo.commit("Edit", "2025-03-02", {"old/a.md": text + "more\n"})
    repo.commit("Move", "2025-03-03", rename={"old/a.md": "new/a.md"})
    repo.commit("Edit again", "2025-03-04", {"new/a.md": text + "more\nagain\n"})
    changes = read_history(tmp_path).changes_of("new/a.md")
    assert [(c.status, c.path, c.old_path) for c in changes] == [
        ("M", "new/a.md", None),
        ("R", "new/a.md", "old/a.md"),
        ("M", "old/a.md", None),
        ("A", "old/a.md", None),
    ]


def test_a_file_deleted_and_added_again_starts_a_new_history(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add", "2025-03-01", {"a.md": "one\n"})
    repo.commit("Remove", "2025-03-02", delete=["a.md"])
    repo.commit("Add again", "2025-03-03", {"a.md": "new\n"})
    assert [c.status for c in read_history(tmp_path).changes_of("a.md")] == ["A"]


def test_a_content_root_below_the_top_of_the_repository(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add", "2025-03-01", {"site/content/a.md": "one\n", "README.md": "x\n"})
    repo.commit("Tooling", "2025-03-02", {"README.md": "y\n"})
    repo.write(
        {"site/content/a.md": "two\n", "site/content/new page.md": "new\n", "other.md": "o\n"}
    )
    history = read_history(tmp_path / "site" / "content")
    assert [c.subject for c in history.commits] == ["Add"]  # only commits under the root
    assert [c.path for c in history.changes_of("a.md")] == ["a.md"]
    assert sorted(history.pending) == ["a.md", "new page.md"]
    assert history.pending["a.md"].unstaged and not history.pending["a.md"].staged
    assert history.pending["new page.md"].head_blob is None


def test_the_working_tree_staged_renamed_and_untracked(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    text = "".join(f"line {n}\n" for n in range(20))
    repo.commit("Add", "2025-03-01", {"a.md": text, "b.md": "b\n", "日本語.md": "ja\n"})
    repo.git("mv", "a.md", "c.md")
    repo.write({"b.md": "b2\n", "日本語.md": "ja2\n"})
    repo.stage("b.md")
    history = read_history(tmp_path)
    renamed = history.pending["c.md"]
    assert (renamed.old_path, renamed.staged, renamed.unstaged) == ("a.md", True, False)
    assert history.text_at(renamed.head_blob) == text
    assert [c.status for c in history.changes_of("c.md")] == ["A"]  # a.md's history
    assert (
        history.pending["b.md"].staged
        and history.text_at(history.pending["b.md"].index_blob) == "b2\n"
    )
    assert history.pending["日本語.md"].unstaged


def test_a_repository_without_commits(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.write({"a.md": "one\n"})
    history = read_history(tmp_path)
    assert history.usable and history.head is None and history.commits == []
    assert list(history.pending) == ["a.md"]


def test_not_a_repository(tmp_path: Path) -> None:
    history = read_history(tmp_path)
    assert (history.kind, history.usable) == ("no-repo", False)
    assert history.problem.startswith("not a git repository")  # type: ignore[union-attr]


def test_a_shallow_clone_says_so(tmp_path: Path) -> None:
    origin = GitRepo.init(tmp_path / "origin")
    origin.commit("One", "2025-03-01", {"a.md": "one\n"})
    origin.commit("Two", "2025-03-02", {"a.md": "two\n"})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", (tmp_path / "origin").as_uri(), str(clone)],
        env=git_env(),
        check=True,
    )
    history = read_history(clone)
    assert (history.kind, history.problem, history.commits) == ("shallow", SHALLOW_NOTE, [])
    assert history.head is not None  # HEAD and the working tree are still read


def test_git_missing_is_one_line_not_an_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()  # a repository, which git would be needed for
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    history = read_history(tmp_path)
    assert (history.kind, history.problem) == (
        "error",
        "git history unavailable: git is not installed",
    )


def test_outside_any_repository_no_git_process_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if any((folder / ".git").exists() for folder in tmp_path.parents):
        pytest.skip("the temporary folder is inside a git repository")
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    seen = calls(monkeypatch)
    history = read_history(tmp_path / "site")
    assert history.kind == "no-repo"
    assert seen == []


def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """From now on, record every git command the reader runs."""
    seen: list[tuple[str, ...]] = []
    real = history_module.run_git

    def recording(cwd: Path, *args: str, **kwargs: Any) -> bytes:
        seen.append(args)
        return real(cwd, *args, **kwargs)

    monkeypatch.setattr(history_module, "run_git", recording)
    return seen


def test_a_fixed_number_of_git_processes_whatever_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo.init(tmp_path)
    for batch in range(5):
        pages = {f"p{n}.md": f"{batch} {n}\n" for n in range(40)}
        repo.commit(f"Batch {batch}", f"2025-03-0{batch + 1}", pages)
    seen = calls(monkeypatch)
    history = read_history(tmp_path)
    assert [args[0] for args in seen] == ["rev-parse", "log", "log", "status"]
    assert len(history.commits) == 5 and len(history.changes_of("p7.md")) == 5


def test_the_log_is_cached_by_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = GitRepo.init(tmp_path / "site")
    repo.commit("One", "2025-03-01", {"a.md": "one\n"})
    cache = tmp_path / "cache"
    first = read_history(tmp_path / "site", cache)
    seen = calls(monkeypatch)
    again = read_history(tmp_path / "site", cache)
    assert [args[0] for args in seen] == ["rev-parse", "log", "status"]  # no full log
    assert again.commits == first.commits
    assert again.changes_of("a.md") == first.changes_of("a.md")
    repo.commit("Two", "2025-03-02", {"a.md": "two\n"})
    seen.clear()
    newer = read_history(tmp_path / "site", cache)
    assert [args[0] for args in seen] == ["rev-parse", "log", "log", "status"]  # a new HEAD
    assert [c.subject for c in newer.commits] == ["Two", "One"]


def test_a_damaged_cache_file_is_read_again_from_git(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path / "site")
    repo.commit("One", "2025-03-01", {"a.md": "one\n"})
    cache = tmp_path / "cache"
    read_history(tmp_path / "site", cache)
    [cached] = cache.glob("history-*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert [c.subject for c in read_history(tmp_path / "site", cache).commits] == ["One"]


def test_the_cache_inside_the_repository_is_never_an_untracked_file(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("One", "2025-03-01", {"a.md": "one\n"})
    read_history(tmp_path, tmp_path / ".taiyaku_cache")
    assert list((tmp_path / ".taiyaku_cache").glob("history-*.json"))
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""
