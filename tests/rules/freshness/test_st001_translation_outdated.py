"""ST001 translation-outdated, on real git repositories built in a temporary folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from freshness_pages import (
    EN,
    EN_FIRST_EN,
    EN_V1,
    EN_V2,
    JA,
    JA_V1,
    JA_V1_TRIVIAL,
    JA_V2,
    JA_V3,
    st,
    synced_en_first,
    synced_pair,
)

from git_repo import GitRepo, git_env
from helpers import run_site
from taiyaku.errors import GitError
from taiyaku.site.history import History


def test_a_translation_behind_by_two_commits(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo, "2025-03-01")
    sha = repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Weekends closed", "2025-04-20", {JA: JA_V3})
    assert st(tmp_path) == [
        f"en/support/chat.md:1 warning ST001 2 commits, 41 days behind support/chat.md; the "
        f'oldest it lacks is {sha[:7]} (2025-03-10, "New weekday hours"); the source changed '
        "from line 8"
    ]


def test_the_related_location_is_the_first_changed_source_line(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit(
        "Weekends closed",
        "2025-04-20",
        {JA: JA_V1.replace("- チャットは", "- 土日は休み．\n- チャットは")},
    )
    [diagnostic] = run_site(tmp_path, select=["ST001"]).diagnostics
    assert [(r.path.name, r.line, r.message) for r in diagnostic.related] == [
        ("chat.md", 11, "first line changed since")
    ]
    assert diagnostic.related[0].path == (tmp_path / JA).resolve()


def test_an_updated_translation_is_up_to_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Translate the new hours", "2025-03-12", {EN: EN_V2})
    assert st(tmp_path) == []


def test_changes_a_reader_does_not_see_do_not_count(tmp_path: Path) -> None:
    """Re-wrapped lines, emphasis, a full stop's width and the lastmod key."""
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("Reflow and touch lastmod", "2025-04-02", {JA: JA_V1_TRIVIAL})
    assert st(tmp_path) == []


def test_a_key_outside_the_ignored_list_counts(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit(
        "Rename the page", "2025-04-02", {JA: JA_V1.replace("チャットで相談する", "チャット相談")}
    )
    assert len(st(tmp_path)) == 1
    assert st(tmp_path, freshness_ignore_keys=["lastmod", "title"]) == []


def test_a_trivial_translation_commit_does_not_make_it_up_to_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Bump lastmod", "2025-03-12", {EN: EN_V1.replace("2025-03-01", "2025-03-12")})
    assert [line.split(";")[0] for line in st(tmp_path)] == [
        "en/support/chat.md:1 warning ST001 1 commit, 2 days behind support/chat.md"
    ]


def test_a_commit_with_a_skip_marker_does_not_count(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("Fix a Japanese typo\n\n[skip translation]", "2025-03-10", {JA: JA_V2})
    assert st(tmp_path) == []
    repo.commit("Weekends closed [i18n skip]", "2025-03-11", {JA: JA_V3})
    assert st(tmp_path) == []
    assert len(st(tmp_path, skip_translation_markers=["[no-i18n]"])) == 1


def test_a_commit_that_changes_both_pages_is_a_sync_point(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    # the translator touched only lastmod, in the same commit as a source change
    repo.commit(
        "Weekends closed; EN reviewed",
        "2025-03-20",
        {JA: JA_V3, EN: EN_V1.replace("2025-03-01", "2025-03-20")},
    )
    assert st(tmp_path) == []


def test_a_commit_that_changes_both_pages_trivially_is_no_sync_point(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit(
        "Bump lastmod everywhere",
        "2025-03-20",
        {
            JA: JA_V2.replace("2025-03-01", "2025-03-20"),
            EN: EN_V1.replace("2025-03-01", "2025-03-20"),
        },
    )
    assert len(st(tmp_path)) == 1


def test_renames_of_both_pages_are_followed(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    sha = repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit(
        "Move chat under contact/",
        "2025-03-15",
        rename={JA: "contact/chat.md", EN: "en/contact/chat.md"},
    )
    assert st(tmp_path) == [
        f"en/contact/chat.md:1 warning ST001 1 commit, 5 days behind contact/chat.md; the "
        f'oldest it lacks is {sha[:7]} (2025-03-10, "New weekday hours"); the source changed '
        "from line 8"
    ]


def test_a_translation_renamed_after_its_update_is_up_to_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Translate", "2025-03-11", {EN: EN_V2})
    repo.commit("Move", "2025-03-15", rename={JA: "contact/chat.md", EN: "en/contact/chat.md"})
    assert st(tmp_path) == []


def test_a_pinned_translation_is_behind_the_commits_after_its_pin(tmp_path: Path) -> None:
    """The pin decides, not the dates: the translation was edited after the source change,
    but names the commit before it."""
    repo = GitRepo.init(tmp_path)
    pin = repo.commit("Add the Japanese page", "2025-03-01", {JA: JA_V1})
    sha = repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    pinned = EN_V1.replace("lastmod: 2025-03-01", f"lastmod: 2025-03-20\nsource_commit: {pin}")
    repo.commit("Translate the chat page", "2025-03-20", {EN: pinned})
    assert st(tmp_path) == [
        f"en/support/chat.md:4 warning ST001 1 commit, 10 days behind support/chat.md since its "
        f"pinned source_commit {pin}; the oldest it lacks is {sha[:7]} (2025-03-10, "
        '"New weekday hours"); the source changed from line 8'
    ]


def test_a_translation_pinned_to_the_latest_source_commit_is_up_to_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add the Japanese page", "2025-03-01", {JA: JA_V1})
    pin = repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    # committed with an older date than the source's change: the pin decides, not dates
    pinned = EN_V2.replace("lastmod: 2025-03-01", f"source_commit: {pin[:10]}")
    repo.commit("Translate", "2025-02-01", {EN: pinned})
    assert st(tmp_path) == []
    # a pin in another key is not read; the key can be configured
    assert st(tmp_path, source_commit_key="translation_of") == []


def test_a_pin_that_names_no_commit_is_reported(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add the Japanese page", "2025-03-01", {JA: JA_V1})
    pinned = EN_V1.replace("lastmod: 2025-03-01", "source_commit: 0123456789abcdef")
    repo.commit("Translate", "2025-03-02", {EN: pinned})
    assert st(tmp_path) == [
        "en/support/chat.md:3 warning ST001 source_commit '0123456789abcdef' names no commit "
        "of the repository's history: how far behind support/chat.md the translation is "
        "cannot be told"
    ]


def test_a_pin_to_a_commit_that_changed_no_page_is_placed_by_its_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add the Japanese page", "2025-03-01", {"content/" + JA: JA_V1})
    pin = repo.commit("Tooling", "2025-03-05", {"README.md": "readme\n"})
    repo.commit("New weekday hours", "2025-03-10", {"content/" + JA: JA_V2})
    pinned = EN_V1.replace("lastmod: 2025-03-01", f"source_commit: {pin}")
    repo.commit("Translate", "2025-03-20", {"content/" + EN: pinned})
    assert [line.split(";")[0] for line in st(tmp_path / "content")] == [
        f"en/support/chat.md:3 warning ST001 1 commit, 10 days behind support/chat.md since "
        f"its pinned source_commit {pin}"
    ]


def test_an_uncommitted_source_change_counts(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    assert st(tmp_path) == [
        "en/support/chat.md:1 warning ST001 an uncommitted change behind support/chat.md; the "
        "source changed from line 8"
    ]
    repo.write({EN: EN_V2})  # the translator is on it
    assert st(tmp_path) == []


def test_an_uncommitted_translation_update_catches_up(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.write({EN: EN_V2})
    repo.stage(EN)
    assert st(tmp_path) == []


def test_a_whitespace_only_uncommitted_change_does_not_count(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.write({JA: JA_V1_TRIVIAL})
    assert st(tmp_path) == []


def test_english_first_sites_report_the_japanese_translation(tmp_path: Path) -> None:
    """English at the root, Japanese under ja/: the Japanese page is the translation."""
    repo = GitRepo.init(tmp_path)
    synced_en_first(repo)
    sha = repo.commit("New hours in English", "2025-03-10", {EN_FIRST_EN: EN_V2})
    assert st(tmp_path, source_language="en") == [
        f"ja/support/chat.md:1 warning ST001 1 commit behind support/chat.md; the "
        f'oldest it lacks is {sha[:7]} (2025-03-10, "New hours in English"); the source '
        "changed from line 8"
    ]


def test_a_shallow_clone_gives_one_note_and_no_findings(tmp_path: Path) -> None:
    origin = GitRepo.init(tmp_path / "origin")
    synced_pair(origin)
    origin.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", (tmp_path / "origin").as_uri(), str(clone)],
        env=git_env(),
        check=True,
    )
    result = run_site(clone, select=["ST"])
    assert result.diagnostics == ()
    assert result.warnings == (
        "history is shallow: freshness needs the full history (`fetch-depth: 0`)",
    )


def test_outside_a_git_repository_nothing_is_reported(tmp_path: Path) -> None:
    (tmp_path / "support").mkdir()
    (tmp_path / JA).write_text(JA_V2, encoding="utf-8")
    (tmp_path / "en" / "support").mkdir(parents=True)
    (tmp_path / EN).write_text(EN_V1, encoding="utf-8")
    result = run_site(tmp_path, select=["ST"])
    assert (result.diagnostics, result.warnings) == ((), ())


def test_a_repository_without_commits_reports_nothing(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.write({JA: JA_V2, EN: EN_V1})
    assert st(tmp_path) == []


def test_a_translation_added_after_the_source_change_is_up_to_date(tmp_path: Path) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add the Japanese page", "2025-03-01", {JA: JA_V1})
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    repo.commit("Translate", "2025-03-12", {EN: EN_V2})
    assert st(tmp_path) == []


def test_with_the_cache_the_findings_follow_new_commits(tmp_path: Path) -> None:
    """ST001's cached findings are keyed by HEAD: a commit that changes no page text
    still changes them."""
    site = tmp_path / "site"
    repo = GitRepo.init(site)
    synced_pair(repo)
    repo.write({JA: JA_V2})
    options = {"cache": True, "cache_dir": str(tmp_path / "cache")}
    assert [line.split(";")[0] for line in st(site, **options)] == [
        "en/support/chat.md:1 warning ST001 an uncommitted change behind support/chat.md"
    ]
    sha = repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})
    assert [line.split(";")[:2] for line in st(site, **options)] == [
        [
            "en/support/chat.md:1 warning ST001 1 commit behind support/chat.md",
            f' the oldest it lacks is {sha[:7]} (2025-03-10, "New weekday hours")',
        ]
    ]
    assert (tmp_path / "cache").is_dir()


def test_git_failing_during_the_run_is_one_note_and_no_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo.init(tmp_path)
    synced_pair(repo)
    repo.commit("New weekday hours", "2025-03-10", {JA: JA_V2})

    def broken(self: object, blob: str | None) -> str | None:
        raise GitError("`git cat-file` stopped")

    monkeypatch.setattr(History, "text_at", broken)
    result = run_site(tmp_path, select=["ST"])
    assert (result.diagnostics, result.internal_errors) == ((), ())
    assert result.warnings == ("git history unavailable: `git cat-file` stopped",)


@pytest.mark.parametrize(
    ("layout", "ja", "en"),
    [
        ("dirs", "ja/support/chat.md", "en/support/chat.md"),
        ("suffix", "support/chat.md", "support/chat.en.md"),
    ],
)
def test_every_layout_pairs_the_histories(tmp_path: Path, layout: str, ja: str, en: str) -> None:
    repo = GitRepo.init(tmp_path)
    repo.commit("Add", "2025-03-01", {ja: JA_V1, en: EN_V1})
    repo.commit("New weekday hours", "2025-03-10", {ja: JA_V2})
    assert [line.split(";")[0] for line in st(tmp_path, layout=layout)] == [
        f"{en}:1 warning ST001 1 commit behind {ja}"
    ]
