"""A cache that cannot lie and cannot harm: with the cache, every run reports exactly what
``--no-cache`` reports, whatever the cache file holds, and the cache writes nothing
outside a folder of its own.  Each case is the exact reproduction of a failure seen in a
fault-injection pass."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import taiyaku.run.engine
from helpers import make_site, run_site
from taiyaku.cli import main
from taiyaku.errors import ConfigError

PAGE = "---\ntitle: t\n---\n"
# A bilingual page (both languages, paragraph by paragraph) whose hours disagree (TM001),
# a page with a broken link (LK001) and a lone Japanese page (PR001).
SITE = {
    "both.md": PAGE
    + "窓口は平日9時から17時まで開いています。\n\n"
    + "The desk is open on weekdays from 9:00 to 18:00 every week.\n\n"
    + "詳しくはお問い合わせください。\n\n"
    + "Please contact us for more details about the desk.\n",
    "links.md": PAGE + "[x](./missing)\n",
    "en/links.md": PAGE + "[x](./missing)\n",
    "lone.md": PAGE + "本文です。\n",
}


def lines(result: object) -> list[str]:
    return [f"{d.path.name}:{d.line} {d.code} {d.message}" for d in result.diagnostics]  # type: ignore[attr-defined]


def check(root: Path, cache: Path | None) -> list[str]:
    if cache is None:
        result = run_site(root, cache=False)
    else:
        result = run_site(root, cache=True, cache_dir=str(cache))
    assert not result.internal_errors
    return lines(result)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site", SITE)


def rows(cache: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(cache / "cache.sqlite") as db:
        return list(db.execute("SELECT key, value FROM results"))


def set_every_row(cache: Path, value: str, *, flags: bool) -> None:
    db = sqlite3.connect(cache / "cache.sqlite")
    with db:
        for key, old in rows(cache):
            if (old in ("0", "1")) == flags:
                db.execute("UPDATE results SET value = ? WHERE key = ?", (value, key))
    db.close()


def test_the_site_has_findings_of_each_kind(site: Path) -> None:
    codes = {line.split()[1] for line in check(site, None)}
    assert {"TM001", "LK001", "PR001"} <= codes


@pytest.mark.parametrize("value", ["", "{}", "null", '[["LK001"]]', '[["LK001", {}]]', "7"])
def test_a_malformed_findings_row_is_a_miss_not_no_findings(
    site: Path, tmp_path: Path, value: str
) -> None:
    """Was: rows holding "" or {} read as "no findings" (corpus: 500 errors → 4)."""
    cache = tmp_path / "cache"
    fresh = check(site, None)
    assert check(site, cache) == fresh
    set_every_row(cache, value, flags=False)
    assert check(site, cache) == fresh
    assert all(v != value for _k, v in rows(cache))  # rewritten by the run that missed


@pytest.mark.parametrize("value", ["", "yes", "2", "[]"])
def test_a_malformed_flag_is_a_miss_not_a_no(site: Path, tmp_path: Path, value: str) -> None:
    """Was: a bilingual flag other than "1" read as "not bilingual": the TM001 pair
    vanished and the run exited 0 with "0 pairs"."""
    cache = tmp_path / "cache"
    fresh = check(site, None)
    check(site, cache)
    set_every_row(cache, value, flags=True)
    set_every_row(cache, "not json", flags=False)
    assert check(site, cache) == fresh


def test_a_database_that_is_not_one_is_replaced_with_a_note(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = check(site, None)
    check(site, cache)
    (cache / "cache.sqlite").write_bytes(b"this is not an SQLite database" * 100)
    result = run_site(site, cache=True, cache_dir=str(cache))
    assert lines(result) == fresh
    assert [w for w in result.warnings if "could not be read" in w and "replaced" in w]
    again = run_site(site, cache=True, cache_dir=str(cache))
    assert lines(again) == fresh and again.cache_hits > 0 and not again.warnings


def test_a_page_rewritten_during_the_run_leaves_no_stale_entry(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the page was hashed (old bytes), then rewritten, then parsed (new bytes); the
    new bytes' findings were stored under the old bytes' key, and served for ever once
    the page returned to its old content (exit 0 where a fresh run exits 1)."""
    cache = tmp_path / "cache"
    page = site / "links.md"
    old = page.read_bytes()
    real_read = taiyaku.run.engine.read_document

    def read_after_an_edit(
        path: Path, rel: str, limits: object = None, *, data: bytes | None = None
    ) -> object:
        # The page is read again, as one whose bytes the run did not keep (over the
        # budget, or no table read it before the check) is.
        if rel == "links.md":
            page.write_text(PAGE + "no link any more\n", encoding="utf-8")
        return real_read(path, rel, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(taiyaku.run.engine, "read_document", read_after_an_edit)
    during = run_site(site, cache=True, cache_dir=str(cache), jobs=1)
    assert [w for w in during.warnings if "links.md changed during the run" in w]
    monkeypatch.undo()
    page.write_bytes(old)
    assert check(site, cache) == check(site, None)


def test_a_file_name_that_is_not_utf8_is_hashed(site: Path, tmp_path: Path) -> None:
    """Was: `café.pdf` named in Latin-1 anywhere under the root crashed the cache's
    hashing: empty output, exit 1."""
    if os.name != "posix":
        pytest.skip("byte file names are POSIX")
    try:
        fd = os.open(os.fsencode(site) + b"/caf\xe9.pdf", os.O_CREAT | os.O_WRONLY, 0o644)
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    os.close(fd)
    assert check(site, tmp_path / "cache") == check(site, None)
    assert check(site, tmp_path / "cache") == check(site, None)  # and from the cache


# -- where the cache may write -------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "relation"),
    [(".", "is the project folder"), ("site", "is the content root"), ("..", "holds")],
)
def test_a_cache_dir_that_is_the_project_or_holds_it_is_an_error(
    site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    relation: str,
) -> None:
    """Was: `cache-dir = "."` wrote a `.gitignore` of `*` into the project root: every
    file of the project became ignored by git."""
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code = main(["check", "--no-config", "--cache-dir", where, "site"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"taiyaku: error: cache-dir {where} {relation}")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (site / ".gitignore").exists() and not (tmp_path / ".gitignore").exists()


def test_a_non_empty_folder_taiyaku_did_not_create_is_refused(site: Path, tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "todo.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ConfigError, match="taiyaku did not create and it is not empty"):
        run_site(site, cache=True, cache_dir=str(mine))
    assert sorted(p.name for p in mine.iterdir()) == ["todo.txt"]


def test_a_new_cache_folder_is_tagged_and_ignored_and_reused(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "deep" / "cache"
    check(site, cache)
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "cache.sqlite"]
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (cache / ".gitignore").read_text() == "# created by taiyaku\n*\n"
    assert check(site, cache) == check(site, None)  # taiyaku's own folder is accepted


def test_an_empty_folder_is_adopted(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "empty"
    cache.mkdir()
    assert check(site, cache) == check(site, None)
    assert (cache / "CACHEDIR.TAG").is_file()


def test_a_cache_folder_of_an_earlier_taiyaku_is_accepted(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "old"
    cache.mkdir()
    (cache / ".gitignore").write_text("# created by taiyaku\n*\n", encoding="utf-8")
    sqlite3.connect(cache / "cache.sqlite").close()
    assert check(site, cache) == check(site, None)


@pytest.mark.parametrize("command", ["check", "report", "status"])
def test_every_command_that_caches_refuses_the_project_folder(
    site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    """The git history taiyaku status reads is cached too: the same folder, the same rule."""
    monkeypatch.chdir(tmp_path)
    code = main([command, "--no-config", "--cache-dir", ".", "--root", "site"])
    assert code == 2
    assert "cache-dir . is the project folder" in capsys.readouterr().err
    assert not (tmp_path / ".gitignore").exists()


def test_a_site_rules_cached_findings_follow_every_page_and_the_pages_checked(
    tmp_path: Path,
) -> None:
    # FM007 (a site rule, cached): moved.md claims the address of s1/page.md
    root = make_site(
        tmp_path / "site",
        {
            "s1/page.md": PAGE + "本文\n",
            "moved.md": "---\ntitle: m\nredirect_from: /s1/page\n---\n本文\n",
            "other.md": PAGE + "本文\n",
        },
    )
    cache = tmp_path / "cache"

    def fm007(*paths: Path) -> list[str]:
        for use_cache in (True, False):  # the cached answer is the fresh one
            result = run_site(root, paths, select=["FM007"], cache=use_cache, cache_dir=str(cache))
            found = sorted(f"{d.path.name} {d.code}" for d in result.diagnostics)
            if use_cache:
                cached = found
        assert cached == found
        return found

    assert fm007() == ["moved.md FM007"]
    assert fm007() == ["moved.md FM007"]  # from the cache
    assert fm007(root / "other.md") == []  # only the pages checked are reported on
    assert fm007(root / "moved.md") == ["moved.md FM007"]
    # a page that is not checked changes: the claim's target no longer exists
    (root / "s1" / "page.md").unlink()
    assert fm007(root / "moved.md") == []
    # another page now claims moved.md's own address
    (root / "other.md").write_text("---\ntitle: o\nredirect_from: /moved\n---\n", "utf-8")
    assert fm007(root / "other.md") == ["other.md FM007"]


def test_workers_start_with_the_cache_folder_and_database_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forked workers opening a cache that did not exist yet raced to create it: the
    # loser ran without a cache, and the run's results were never written.
    import taiyaku.run.workers as worker_pool

    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    pages = {f"s{i}/page.md": PAGE + f"本文{i}．[x](./missing{i})\n" for i in range(12)}
    pages["moved.md"] = "---\ntitle: m\nredirect_from: /s1/page\n---\n本文\n"  # FM007
    root = make_site(tmp_path / "site", pages)
    cache = tmp_path / "cache"
    real_run_forked = worker_pool.run_forked
    found_at_fork: list[bool] = []

    def spy(*args: object, **kwargs: object) -> object:
        found_at_fork.append((cache / "cache.sqlite").is_file())
        return real_run_forked(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(worker_pool, "run_forked", spy)
    first = run_site(root, cache=True, cache_dir=str(cache), jobs=2)
    second = run_site(root, cache=True, cache_dir=str(cache), jobs=2)
    assert found_at_fork == [True, True]
    assert first.cache_hits == 0 and first.cache_misses > 0
    assert (second.cache_hits, second.cache_misses) == (first.cache_misses, 0)
    assert lines(second) == lines(first)


def test_a_cache_folder_another_process_creates_at_the_same_moment_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiyaku.model.cachedir import make_cache_folder

    folder = tmp_path / "cache"
    real_mkdir = Path.mkdir

    def other_process_first(self: Path, *args: object, **kwargs: object) -> None:
        if self == folder and not self.exists():
            real_mkdir(self)  # the other process wins the race
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", other_process_first)
    make_cache_folder(folder)
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG"]


def test_a_cache_that_cannot_be_opened_is_said_once_and_the_results_stand(
    site: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    fresh = check(site, None)
    result = run_site(site, cache=True, cache_dir=str(blocker / "cache"))
    assert lines(result) == fresh
    assert [w for w in result.warnings if "cache" in w] == [
        f"the cache in {blocker / 'cache'} cannot be used (Not a directory): "
        "this run's results were not cached"
    ]
