"""The one glob dialect: every row of tests/data/globs.tsv, and a list with negation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from taiyaku.model.globs import PathPatterns

TABLE = Path(__file__).resolve().parent.parent / "data" / "globs.tsv"


def _rows() -> list[tuple[str, str, bool]]:
    with TABLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = []
    for pattern, path, matches, _note in csv.reader(lines, delimiter="\t"):
        assert matches in ("yes", "no"), matches
        rows.append((pattern, path, matches == "yes"))
    return rows


@pytest.mark.parametrize(("pattern", "path", "matches"), _rows())
def test_glob_table(pattern: str, path: str, matches: bool) -> None:
    assert PathPatterns([pattern]).match(path) is matches


def test_a_negated_pattern_takes_back_an_earlier_match() -> None:
    patterns = PathPatterns(["support/**", "!support/index.md"])
    assert patterns.match("support/chat.md")
    assert not patterns.match("support/index.md")


def test_no_patterns_match_nothing() -> None:
    assert not PathPatterns([]).match("a.md")


def test_a_brace_bomb_is_not_expanded_without_bound() -> None:
    assert not PathPatterns(["{a,b}" * 40]).match("a.md")
