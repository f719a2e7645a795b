"""mask_urls and fold: what the fact and quantity readers do not read, offsets kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.knowledge.facts._text import _URLISH_PARTS, _may_hold_urlish, fold, mask_urls


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("Open 9:00-17:00", []),
        ("see https://x.jp/2024/4/1 now", ["https://x.jp/2024/4/1"]),
        ("www.a.jp/4/1 open", ["www.a.jp/4/1"]),
        ("[form](/apply/4-1) by 4/1", ["](/apply/4-1)"]),
        ("run `10:00` daily", ["`10:00`"]),
        ("mail help@u-tokyo.ac.jp 24/7", ["help@u-tokyo.ac.jp"]),
        ("<td>9:00</td>", ["<td>", "</td>"]),
        ("9:00@room 3", []),  # an "@" that is no address
        ("ｈｔｔｐｓ：／／ｘ", []),  # full width: the readers fold first
    ],
)
def test_mask_urls(text: str, blanked: list[str]) -> None:
    expected = text
    for part in blanked:
        expected = expected.replace(part, " " * len(part))
    assert mask_urls(text) == expected


# The pattern in one piece, as it was before its gates: the gated function must agree.
_WHOLE = re.compile(
    r"https?://\S+|www\.\S+|\]\([^()\s]*\)|`[^`\n]*`"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^<>\n]*>"
)
_PIECES = ["a", "@", "www.", "http://", "https://x", "](", ")", "`", "<", ">", " ", ".", "-",
           "+", "\n", "本", "b.c", "x@y.z", "</a>", "９", "："]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_gates_change_nothing(text: str) -> None:
    assert mask_urls(text) == _WHOLE.sub(lambda m: " " * len(m.group()), text)
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.isascii() or not text.isascii()


@pytest.mark.parametrize("part", _URLISH_PARTS)
def test_the_written_out_gate_is_the_tuple(part: str) -> None:
    assert _may_hold_urlish(f"open {part} now")
    assert not _may_hold_urlish("open 9:00-17:00 (weekdays) [x] @ ww.")
