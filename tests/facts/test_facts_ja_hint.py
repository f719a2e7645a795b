"""The Japanese extractor parses only text that has what every fact needs.

``_may_hold_fact`` is only sound if no text without its hint holds a fact.  These tests
run the parser without the hint and check that it finds nothing where the hint says
there is nothing: on text made of the shapes times and dates take (with numerals of
every script, full-width forms, prefixes and noise between them), and on every block of
the sample site, the seed fixtures and (when ../shared is present) the real corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CORPUS_PAGES, REPO
from taiyaku.knowledge.facts import ja
from taiyaku.knowledge.facts._ja_lexemes import may_hold_fact
from taiyaku.parse.analyzer import tokenize
from taiyaku.parse.document import read_document

_NUMERAL = st.sampled_from(
    [
        "1",
        "9",
        "12",
        "15",
        "24",
        "30",
        "00",
        "2025",
        "365",
        "０９",
        "３０",
        "二〇二五",
        "十二",
        "一",
        "٩",
    ]
)
_WORD = st.sampled_from(
    ["(", "（", "）", ")", "月", "土", "祝", "平日", "土日祝日", "を除く", "毎日", "年中無休",
     "正午", "午前", "午後", "夜", "翌日", "の", "令和", "元年", "対応", "受付", "第", "限",
     "、", "\n", "です", "**", "より", "以降", "まで", "から", " ", "|", "時間", "曜日"]
)  # fmt: skip
_JOINT = st.sampled_from(["", " ", "～", "〜", "~", "-", "－", "−", "から", "まで", "、", "・"])


@st.composite
def _fact_shaped(draw: st.DrawFn) -> str:
    """One piece shaped like a time or a date, or a numeral with a counter or a word."""
    n = draw(_NUMERAL)
    m = draw(_NUMERAL)
    d = draw(_NUMERAL)
    y = draw(st.sampled_from(["2025", "２０２５", "1999", n]))
    shapes = [
        f"{n}時", f"{n}時{m}分", f"{n}時半", f"{n}時間", f"{n}:{m}", f"{n}：{m}", f"{n}月{d}日",
        f"{y}年{m}月{d}日", f"令和{n}年{m}月{d}日", f"令和元年{m}月{d}日", f"{n}/{m}",
        f"{n}／{m}", f"{y}-{m}-{d}", f"{y}－{m}－{d}", f"{y}−{m}−{d}", f"{y}/{m}/{d}", f"{n}月", f"{n}日", f"{n}年", n,
        f"{n}{draw(_WORD)}", "正午",
    ]  # fmt: skip
    return draw(st.sampled_from(shapes))


_TEXT = st.lists(st.one_of(_fact_shaped(), _WORD, _JOINT), min_size=1, max_size=8).map("".join)


def _assert_sound(text: str, tokens: object = None) -> None:
    if may_hold_fact(text):
        return
    tokens = tokenize(text) if tokens is None else tokens
    assert ja._parse(text, tokens) == [], text  # type: ignore[arg-type]
    assert ja._parse(text, tokens, cell=True) == [], text  # type: ignore[arg-type]


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_text_without_the_hint_holds_no_fact(text: str) -> None:
    _assert_sound(text)


def _check_pages(root: Path) -> int:
    blocks = 0
    for path in sorted(root.rglob("*.md*")):
        doc = read_document(path, path.relative_to(root).as_posix())
        for block in doc.blocks if doc.readable else ():
            _assert_sound(block.text, block.tokens)
            blocks += 1
    return blocks


def test_no_block_of_the_sample_site_or_the_seeds_loses_a_fact() -> None:
    assert _check_pages(REPO / "content") > 50
    assert _check_pages(REPO / "tests" / "clauses" / "fixtures") > 10


@pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason="../shared/corpus is absent")
def test_no_block_of_the_corpus_loses_a_fact() -> None:
    assert _check_pages(CORPUS_PAGES) > 1000


@pytest.mark.parametrize(
    "text",
    [
        "9時～17時", "午後６時３０分", "正午まで", "二十四時間対応", "24時間365日",
        "2025年3月15日", "令和元年5月1日", "3月15日～20日", "4/29（月）", "２０２５／３／１５",
        "2025-03-15", "2025－03－15", "2025−03−15", "9:00-17:00", "９：００", "6〜23時",
        "25時", "٩:٣٠", "一時半",
    ],
)  # fmt: skip
def test_facts_have_the_hint(text: str) -> None:
    assert ja._parse(text, tokenize(text)), "no fact: the example no longer tests anything"
    assert may_hold_fact(text)


@pytest.mark.parametrize("text", ["2つの大演習室", "手順3で", "10秒後", "Q1．", "第1回", "3通り"])
def test_numbers_that_are_no_time_or_date_are_not_parsed(text: str) -> None:
    assert not may_hold_fact(text)
