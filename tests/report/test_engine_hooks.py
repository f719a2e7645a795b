"""The engine's hooks for reports: what it tells of the pages, and an optional progress
callback."""

from __future__ import annotations

from pathlib import Path

from helpers import make_site, run_site
from taiyaku.config.loading import load_config
from taiyaku.run.engine import run

PAGE = "---\ntitle: t\n---\ntext\n"


def test_a_report_run_describes_its_pages_and_quotes_the_lines_it_points_at(
    tmp_path: Path,
) -> None:
    """The report reads nothing but the result: each page's kind and counterpart, and the
    text of every line a diagnostic or its related location points at."""
    root = make_site(
        tmp_path,
        {
            "a.md": "---\ntitle: あ\n---\n本文\n",
            "en/a.md": PAGE,
            "b.md": "---\ntitle: b\n---\n本\n",
        },
    )
    result = run_site(root, describe_pages=True)
    infos = {page.rel: page for page in result.pages}
    assert (infos["a.md"].kind, infos["a.md"].counterpart) == ("pair", "en/a.md")
    assert (infos["en/a.md"].kind, infos["en/a.md"].counterpart) == ("pair", "a.md")
    assert (infos["b.md"].kind, infos["b.md"].counterpart) == ("ja-only", None)
    missing = next(d for d in result.diagnostics if d.code == "PR001")
    assert result.source(missing.path, missing.line) == "---"
    assert run_site(root).pages == (), "a check run gathers no page infos"


def test_progress_counts_pages_as_each_pair_or_page_is_done(tmp_path: Path) -> None:
    """Pages are checked a pair at a time, so progress moves by one or two pages."""
    root = make_site(tmp_path, {"a.md": PAGE, "en/a.md": PAGE, "b.md": PAGE, "c/d.md": PAGE})
    calls: list[tuple[str, int, int]] = []
    config = load_config(
        None, {"root": str(root), "checks-dir": str(root / "_none_")}, cwd=root, discover=False
    )
    result = run(config, [], cwd=root, progress=lambda *args: calls.append(args))
    assert calls == [
        ("pages", 2, 4),  # a.md with en/a.md, and their pair
        ("pages", 3, 4),  # b.md
        ("pages", 4, 4),  # c/d.md
    ]
    assert (result.files, result.pairs) == (4, 1)


def test_progress_is_optional(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"a.md": PAGE})
    assert run_site(root).files == 1  # no callback: nothing to call
