"""SourceIndex: offsets in a page's text to 1-based lines and columns, and back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.parse.nodes import SourceIndex


@pytest.mark.parametrize(
    ("text", "line_starts"),
    [
        ("", [0]),
        ("a", [0]),
        ("\n", [0, 1]),
        ("ab\ncd", [0, 3]),
        ("ab\ncd\n", [0, 3, 6]),
        ("\n\n", [0, 1, 2]),
        ("日本\n語\n", [0, 3, 5]),
    ],
)
def test_line_starts(text: str, line_starts: list[int]) -> None:
    assert SourceIndex(text).line_starts == line_starts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a\n本 ", max_size=30), st.integers(-3, 40))
def test_positions_agree_with_counting(text: str, line: int) -> None:
    index = SourceIndex(text)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    assert index.line_starts == starts
    # line_start clamps to the first and last line
    assert index.line_start(line) == starts[min(max(line - 1, 0), len(starts) - 1)]
    for offset in range(len(text) + 1):
        row = text.count("\n", 0, offset)
        assert index.position(offset) == (row + 1, offset - starts[row] + 1)
