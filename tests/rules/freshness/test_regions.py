"""Comparing two versions by parsing only where they differ (regions.py) decides as
parsing both pages whole does, on real pages edited at random."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from helpers import CORPUS_PAGES, REPO
from taiyaku.rules.freshness.regions import compare
from taiyaku.rules.freshness.substance import first_changed_line, read_text, substantive

IGNORED = ("lastmod", "updated", "sitemap", "redirect_from")
EDITS = ("insert", "delete", "rewrap", "emphasis", "duplicate", "blank", "swap", "indent")


def edited(text: str, rng: random.Random, edit: str) -> str:
    """``text`` with one line edited as editors do (and as they slip)."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    if edit == "insert":
        lines[i] += "追加の文です．"
    elif edit == "delete":
        del lines[i]
    elif edit == "rewrap":
        lines[i] = lines[i].replace("，", "，\n").replace(", ", ",\n")
    elif edit == "emphasis":
        lines[i] = lines[i].replace("の", "**の**", 1).replace(" the ", " *the* ", 1)
    elif edit == "duplicate":
        lines.insert(i, lines[i])
    elif edit == "blank":
        lines.insert(i, "")
    elif edit == "swap" and i + 1 < len(lines):
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    elif edit == "indent":
        lines[i] = "    " + lines[i] + "  "
    return "\n".join(lines)


def sample_pages() -> list[Path]:
    pages = sorted((REPO / "content").rglob("*.md*"))
    if CORPUS_PAGES.is_dir():
        corpus = sorted(CORPUS_PAGES.rglob("*.md*"))
        pages += random.Random(19).sample(corpus, min(40, len(corpus)))
    return pages


@pytest.mark.parametrize("page", sample_pages(), ids=lambda p: p.name)
def test_the_region_decides_as_the_whole_page(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    whole = read_text(text, page.name, IGNORED)
    rng = random.Random(page.name)
    for edit in EDITS:
        for _ in range(2):
            other = edited(text, rng, edit)
            expected = substantive(whole, read_text(other, page.name, IGNORED))
            found = compare(text, other, page.name, IGNORED)
            assert found.substantive is expected, (edit, other)
            assert (found.first_line is not None) is expected


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # the first changed block, in the newer version's lines (front matter counted)
        ("---\nt: 1\n---\n\n# A\n\nOne.\n\nTwo.\n", "---\nt: 1\n---\n\n# A\n\nOne.\n\nTwo!\n", 9),
        ("# A\n\nOne.\n\nTwo.\n\nThree.\n", "# A\n\nOne.\n\nThree.\n", 5),  # the block after
        # a fence with blank lines inside: the region does not split it
        ("Run:\n\n```\na\n\nb\n```\n\nEnd.\n", "Run:\n\n```\na\n\nc\n```\n\nEnd.\n", 3),
        # a comment with blank lines inside: changing it is no change
        ("A.\n\n<!--\nx\n\ny\n-->\n\nB.\n", "A.\n\n<!--\nx\n\nz\n-->\n\nB.\n", None),
        # white space that changes what is read: a blank line inside a link
        ("- [one\n  two](x)\n", "- [one\n\n  two](x)\n", 1),
        # a reference definition: the whole pages are compared
        ("[a][r]\n\n[r]: /x\n", "[a][r]\n\n[r]: /y\n", None),
        ("[a][r]\n\n[r]: /x\n", "[b][r]\n\n[r]: /x\n", 1),
    ],
)
def test_regions_at_the_edges(before: str, after: str, line: int | None) -> None:
    found = compare(before, after, "p.md", IGNORED)
    assert (found.substantive, found.first_line) == (line is not None, line)
    whole = first_changed_line(read_text(before, "p.md", ()), read_text(after, "p.md", ()))
    assert line is None or whole == line
