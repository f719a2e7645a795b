"""The date, time and quantity patterns open with a lookahead on their first character,
so that their alternations are tried only where a match can start.  The lookahead must
never refuse a match: each pattern finds exactly what it finds without it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.knowledge.facts import _en_dates, _ja_dates, en
from taiyaku.knowledge.facts._ja_lexemes import FACT_HINT
from taiyaku.knowledge.quantities import ja as ja_quantities

_JA_QUANTITY = ja_quantities._pattern()

# (pattern, whether what follows its lookahead is wrapped in "(?:…)")
_PREFILTERED = [
    (_en_dates.US_DATE, False),
    (_en_dates.UK_DATE, False),
    (_en_dates.PERIOD, True),
    (en._ATOM, True),
    (en._PERIOD_HINT, True),
    (FACT_HINT, True),
    (_JA_QUANTITY, False),
    (_ja_dates._DATE, False),
    (_ja_dates._PERIOD, False),
    (_ja_dates._FISCAL, False),
]
# A leading lookahead on one character class: ``(?=[...])``.
_LOOKAHEAD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)")


def _without_lookahead(pattern: re.Pattern[str], wrapped: bool) -> re.Pattern[str]:
    lookahead = _LOOKAHEAD.match(pattern.pattern)
    assert lookahead is not None, "the pattern opens with no lookahead"
    rest = pattern.pattern[lookahead.end() :]
    if wrapped:
        assert rest.startswith("(?:") and rest.endswith(")")
        rest = rest[3:-1]
    return re.compile(rest, pattern.flags)


# Every word a branch may start with, in several cases, and what sits around them.
_PIECES = [
    "Monday", "tue.", "WED", "Thurs", "fri", "Sat", "sun", "January", "feb.", "MAR", "April",
    "may", "June", "jul", "Aug", "sept", "Oct", "nov", "Dec", "the ", "of ", "early ", "Mid-",
    "late ", "end", "beginning", "start", "middle", "FY", "ay", "fiscal ", "Academic ",
    "school ", "year", "noon", "Midnight", "o'clock", "a.m.", "PM", "2025", "'25", "10", "3",
    "１２", ":", "：", ".", "/", "-", "–", "~", ",", " ", "(", ")", "（", "）", "ſ", "\u212a",
    "x", "正午", "元年", "令和", "一", "十", "時", "月", "年", "日",
    "約", "およそ", "最大", "少なくとも", "下限", "¥", "￥", "，", "1,500", "万", "数", "〇",
    "零", "人", "名", "円", "時間", "～", "から", "または", "、", "以上", "以内", "（税込）", "は",
    "平成", "昭和", "同年", "同月", "同", "上旬", "下旬", "末", "初め", "年度", "元", "2", "٣",
    "(2025)", "四", "九",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@pytest.mark.parametrize(("pattern", "wrapped"), _PREFILTERED)
def test_the_lookahead_refuses_no_match(pattern: re.Pattern[str], wrapped: bool, text: str) -> None:
    plain = _without_lookahead(pattern, wrapped)
    found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (_ja_dates._DATE, "同月15日"),
        (_ja_dates._DATE, "同年4月1日"),
        (_ja_dates._DATE, "令和7年4月8日"),
        (_ja_dates._DATE, "十二月三日"),
        (_ja_dates._DATE, "٢٠٢٥年4月1日"),  # a year in \d: any decimal digit
        (_ja_dates._PERIOD, "平成30年4月上旬"),
        (_ja_dates._PERIOD, "〇四月末"),
        (_ja_dates._FISCAL, "昭和64年度"),
        (_ja_dates._FISCAL, "2025年度"),
    ],
)
def test_each_way_a_japanese_date_starts_passes_the_lookahead(
    pattern: re.Pattern[str], text: str
) -> None:
    plain = _without_lookahead(pattern, wrapped=False)
    assert plain.search(text), "the example is no match: it proves nothing"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
