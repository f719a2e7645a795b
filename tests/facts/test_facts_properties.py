"""Property tests: the extractors never fail and their offsets always point into the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.knowledge.facts import (
    DateFact,
    Fact,
    InvalidDate,
    InvalidTime,
    PeriodFact,
    TimeFact,
    extract_en,
    extract_ja,
)
from taiyaku.knowledge.facts.en import _may_hold_fact
from taiyaku.parse.analyzer import tokenize

JA_PIECES = [
    "平日",
    "土日",
    "祝日",
    "は",
    "の",
    "と",
    "から",
    "まで",
    "を除く",
    "（",
    "）",
    "(",
    ")",
    "午前",
    "午後",
    "正午",
    "翌",
    "時",
    "分",
    "半",
    "年",
    "月",
    "日",
    "曜日",
    "金",
    "土",
    "8",
    "25",
    "１８",
    "３０",
    "九",
    "二十",
    "365",
    "24",
    "時間",
    "：",
    ":",
    "～",
    "〜",
    "-",
    "、",
    "，",
    "。",
    " ",
    "　",
    "令和",
    "元年",
    "/",
    "受付",
    "除く",
    "限",
]
EN_PIECES = [
    "weekdays",
    "weekends",
    "holidays",
    "Mon",
    "Fri",
    "Saturday",
    "March",
    "Mar.",
    "15",
    "2025",
    ",",
    "(",
    ")",
    "-",
    "–",
    " to ",
    " and ",
    " or ",
    " on ",
    " from ",
    " between ",
    "a.m.",
    "pm",
    "noon",
    "midnight",
    "8",
    "25",
    ":",
    "30",
    "24 hours",
    " a day",
    "24/7",
    " except ",
    "excluding ",
    " ",
    ".",
    "the next day",
    "12",
    "0",
    "13",
]


def check(text: str, facts: list[Fact]) -> None:
    offsets = [(f.start_offset, f.end_offset) for f in facts]
    assert offsets == sorted(offsets)
    for fact in facts:
        assert 0 <= fact.start_offset < fact.end_offset <= len(text)
        assert fact.quote == text[fact.start_offset : fact.end_offset]
        if isinstance(fact, TimeFact):
            assert fact.start is not None and fact.start >= 0
            if fact.kind == "point":
                assert fact.end is None
            else:
                assert fact.end is not None and fact.end > fact.start
            fact.describe()
        elif isinstance(fact, DateFact):
            assert 1 <= fact.month <= 12 and 1 <= fact.day <= 31
            fact.describe()
        elif isinstance(fact, PeriodFact):
            assert fact.month is None or 1 <= fact.month <= 12
            fact.describe()
        else:
            assert isinstance(fact, InvalidTime | InvalidDate) and fact.reason


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(JA_PIECES), max_size=25).map("".join))
def test_japanese_extraction_is_total(text: str) -> None:
    check(text, extract_ja(text, tokenize(text)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EN_PIECES), max_size=25).map("".join))
def test_english_extraction_is_total(text: str) -> None:
    check(text, extract_en(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text(text: str) -> None:
    check(text, extract_en(text))
    check(text, extract_ja(text, tokenize(text)))


# The first look of extract_en (a digit, or a word a fact is made of) must say yes
# wherever the case-insensitive pattern it stands for would.
_FACT_WORDS_ANY_CASE = re.compile(
    r"[0-9\uff10-\uff19]|noon|midnight|round[- ]the[- ]clock"
    r"|\b(?:early|mid|late|end|beginning|start|middle)\b",
    re.I,
)
WORD_PIECES = [
    "Noon", "MIDNIGHT", "mıdnight", "ſtart", "round-the-clock", "Round the clock", "early",
    "End", "send", "amid", "Middle", "beginning", "latest", "late", " ", "-", "3", "３", "x",
    "of", "K", "é",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=8).map("".join))
def test_the_first_look_misses_no_text_the_full_pattern_would_take(text: str) -> None:
    if _FACT_WORDS_ANY_CASE.search(text):
        assert _may_hold_fact(text)
