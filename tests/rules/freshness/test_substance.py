"""What counts as a substantive change: the table tests/data/freshness_changes.yaml, and
where the first changed line of a page is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from taiyaku.rules.freshness.substance import first_changed_line, read_text, substantive

TABLE = Path(__file__).resolve().parents[2] / "data" / "freshness_changes.yaml"
DEFAULT_IGNORED = ("lastmod", "updated", "sitemap", "redirect_from")
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def test_the_table_has_both_kinds_of_rows() -> None:
    kinds = [row["substantive"] for row in ROWS]
    assert kinds.count(True) >= 10 and kinds.count(False) >= 10
    assert len({row["name"] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_a_change_is_substantive_as_the_table_says(row: dict[str, Any]) -> None:
    ignored = (*DEFAULT_IGNORED, *row.get("ignore", ()))
    before = read_text(row["before"], "page.md", ignored)
    after = read_text(row["after"], "page.md", ignored)
    assert substantive(before, after) is row["substantive"]
    assert substantive(after, before) is row["substantive"]  # either way round
    assert substantive(before, before) is False


def test_a_new_page_with_text_is_substantive_and_an_empty_one_is_not() -> None:
    page = read_text("Text.\n", "page.md", DEFAULT_IGNORED)
    assert substantive(None, page) and substantive(page, None)
    assert not substantive(None, read_text("", "page.md", DEFAULT_IGNORED))
    assert not substantive(None, None)


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        ("# A\n\nOne.\n\nTwo.\n", "# A\n\nOne.\n\nTwo!\n", 5),
        ("# A\n\nOne.\n\nTwo.\n", "# A\n\nOne.\n\nNew.\n\nTwo.\n", 5),
        ("# A\n\nOne.\n\nTwo.\n", "# A\n\nOne.\n", 3),  # removed at the end: the last block
        # a paragraph split in two is no change; the change after it is
        ("# A\n\nOne. Two.\n\nThree.\n", "# A\n\nOne.\n\nTwo.\n\nFour.\n", 7),
        ("---\ntitle: a\nlead: b\n---\n\nOne.\n", "---\ntitle: a\nlead: c\n---\n\nOne.\n", 3),
    ],
)
def test_the_first_changed_line(before: str, after: str, line: int) -> None:
    old = read_text(before, "p.md", ())
    new = read_text(after, "p.md", ())
    assert first_changed_line(old, new) == line


def test_a_new_page_changed_from_its_first_block() -> None:
    assert first_changed_line(None, read_text("---\nt: 1\n---\n\nOne.\n", "p.md", ())) == 5
