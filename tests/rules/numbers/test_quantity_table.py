"""Every row of the quantity notation table, and every group of equal notations."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import REPO
from taiyaku.knowledge.quantities import Quantity, extract_en_quantities, extract_ja_quantities
from taiyaku.rules.numbers._statements import compare_statement

DATA = REPO / "tests" / "data"
ROWS: list[list[Any]] = yaml.safe_load((DATA / "quantity_notations.yaml").read_text("utf-8"))[
    "rows"
]
GROUPS: list[list[str]] = yaml.safe_load((DATA / "quantity_pairs.yaml").read_text("utf-8"))[
    "groups"
]


def read(text: str, lang: str | None = None) -> list[Quantity]:
    lang = lang or ("ja" if any(ord(c) > 0x3000 for c in text) else "en")
    return extract_ja_quantities(text) if lang == "ja" else extract_en_quantities(text)


def test_the_table_is_large_and_covers_both_languages() -> None:
    assert len(ROWS) >= 150
    assert {row[0] for row in ROWS} == {"ja", "en"}
    assert sum(1 for row in ROWS if row[2] is None) >= 30  # what must not be read


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_notation(row: list[Any]) -> None:
    lang, text, kind, *rest = row
    found = read(text, lang)
    if kind is None:
        assert found == [], f"{text!r} must hold no quantity"
        return
    low, high, bound = rest
    assert len(found) == 1, f"{text!r}: {found}"
    (quantity,) = found
    expected_low = -math.inf if low is None else low
    expected_high = math.inf if high is None else high
    assert (quantity.kind, quantity.bound) == (kind, bound)
    assert math.isclose(quantity.low, expected_low) or quantity.low == expected_low
    assert math.isclose(quantity.high, expected_high) or quantity.high == expected_high
    assert text[quantity.start : quantity.end].strip() == quantity.text


PAIRS = [(group[0], a, b) for group in GROUPS for a, b in itertools.combinations(group, 2)]


@pytest.mark.parametrize(("group", "one", "other"), PAIRS)
def test_two_notations_of_one_quantity_never_mismatch(group: str, one: str, other: str) -> None:
    (first,) = read(one)
    (second,) = read(other)
    assert first.same_fact(second), (first, second)
    assert compare_statement([first], [second]) is None


_WORD_PIECES = ["one", "Two", "THREE", "hundred", "someone", "to", "ten", "tens", "x", " ",
                ",", "-", "'", "1", "é", "ſ", "K", "\n", "Fifty", "four-", "-five"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=10).map("".join))
def test_number_words_are_found_as_the_letter_runs_say(text: str) -> None:
    """The ASCII fast path of the number-word test agrees with reading the case-folded
    text's runs of letters, as the test read them before it had one."""
    from taiyaku.knowledge.quantities import en
    from taiyaku.model.lang import case_folded

    expected = not en._NUMBER_WORDS.isdisjoint(en._LETTERS.findall(case_folded(text)))
    assert en._holds_number_word(text) == expected
