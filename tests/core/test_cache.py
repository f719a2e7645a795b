"""The result cache: a re-run reuses unchanged work, and is never wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import make_site, run_site

PAGE = "---\ntitle: t\n---\n"


def findings(root: Path, **options: object) -> tuple[list[str], object]:
    result = run_site(root, cache=True, cache_dir=str(root.parent / "cache"), **options)
    assert not result.internal_errors
    lines = [f"{d.path.name}:{d.line} {d.code} {d.message}" for d in result.diagnostics]
    return lines, result


def test_a_second_run_takes_everything_from_the_cache(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE + "x\n", "b.md": b"\x00", "en/b.md": PAGE})
    first, r1 = findings(root)
    second, r2 = findings(root)
    assert second == first
    assert r1.cache_hits == 0 and r1.cache_misses > 0  # type: ignore[attr-defined]
    assert r2.cache_misses == 0 and r2.cache_hits > 0  # type: ignore[attr-defined]


def test_editing_a_page_changes_the_result(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": b"\x00", "en/a.md": PAGE})
    first, _ = findings(root)
    assert "a.md:1 IN001 file contains NUL bytes: not a text page" in first
    (root / "a.md").write_text(PAGE + "fixed\n", encoding="utf-8")
    second, r2 = findings(root)
    assert not any("IN001" in line for line in second)
    assert r2.cache_misses > 0  # type: ignore[attr-defined]


def test_a_change_elsewhere_in_the_site_reaches_site_dependent_rules(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE})
    assert findings(root)[0] == ["a.md:1 PR001 no English translation (expected en/a.md)"]
    make_site(root, {"en/a.md": PAGE})  # a.md itself is unchanged
    assert findings(root)[0] == []


def test_changing_the_configuration_changes_the_result(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE})
    assert findings(root)[0] != []
    assert findings(root, severity=["PR001=error"])[1].diagnostics[0].severity.value == "error"  # type: ignore[attr-defined]


def test_changing_a_policy_file_changes_the_result(tmp_path: Path) -> None:
    checks = tmp_path / "checks"
    checks.mkdir()
    schema = checks / "frontmatter.schema.yaml"
    schema.write_text(
        "version: 1\nschemas:\n  - files: ['**/*.md']\n    schema:\n      type: object\n",
        encoding="utf-8",
    )
    root = make_site(tmp_path / "site", {"a.md": "---\ntitle: t\n---\nx\n", "en/a.md": PAGE})
    assert findings(root, checks_dir=checks)[0] == []
    schema.write_text(
        "version: 1\nschemas:\n  - files: ['**/*.md']\n    schema:\n      type: object\n"
        "      required: [author]\n",
        encoding="utf-8",
    )
    assert [line.split(" ")[1] for line in findings(root, checks_dir=checks)[0]] == [
        "FM002",
        "FM002",
    ]


def test_the_cache_holds_json_never_pickle_and_survives_corruption(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE})
    first, _ = findings(root)
    db = sqlite3.connect(tmp_path / "cache" / "cache.sqlite")
    values = [row[0] for row in db.execute("SELECT value FROM results")]
    assert values and all(v in ("0", "1") or v.startswith("[") for v in values)
    db.execute("UPDATE results SET value = 'not json'")
    db.commit()
    db.close()
    assert findings(root)[0] == first  # a corrupt entry is recomputed, not trusted


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE})
    run_site(root, cache=False, cache_dir=str(tmp_path / "cache"))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"a.md": PAGE})
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    result = run_site(root, cache=True, cache_dir=str(blocker))
    assert [d.code for d in result.diagnostics] == ["PR001"]
    assert not result.internal_errors


def test_without_the_cache_no_file_is_hashed(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Cache keys are built only when there is a cache: --no-cache reads each page once."""
    import taiyaku.run.cache

    def refuse(path: Path) -> str:
        raise AssertionError(f"hashed {path} with the cache off")

    monkeypatch.setattr(taiyaku.run.cache, "content_hash", refuse)
    root = make_site(
        tmp_path / "site", {"a.md": PAGE + "平日9時から\n", "en/a.md": PAGE + "9 a.m.\n"}
    )
    result = run_site(root, cache=False)
    assert not result.internal_errors
    assert result.pairs == 1
