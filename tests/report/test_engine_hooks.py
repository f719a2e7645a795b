"""The engine's hooks for reports: the run's Site, and an optional progress callback."""

from __future__ import annotations

from pathlib import Path

from helpers import make_site, run_site
from taiyaku.config.loading import load_config
from taiyaku.run.engine import run

PAGE = "---\ntitle: t\n---\ntext\n"


def test_the_run_keeps_its_site_with_the_parsed_documents(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"a.md": "---\ntitle: あ\n---\n本文\n", "en/a.md": PAGE})
    result = run_site(root)
    assert result.site is not None
    page = result.site.by_rel["a.md"]
    assert page.counterpart is result.site.by_rel["en/a.md"]
    assert result.site.document(page).line_text(4) == "本文"


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
