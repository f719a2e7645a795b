"""The extractors against the notation table (tests/data/date_notations.yaml): every row's
text gives exactly the row's facts, in text order.  And the equal-notation groups
(tests/data/date_pairs.yaml): any Japanese notation against any English notation of one
group is never a mismatch.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from taiyaku.knowledge.facts import (
    DateFact,
    Fact,
    InvalidDate,
    InvalidTime,
    PeriodFact,
    TimeFact,
    compare_dates,
    compare_times,
    extract_en,
    extract_ja,
    periods_equal,
    split_facts,
)
from taiyaku.knowledge.facts.calendar import WEEKDAY_ABBR
from taiyaku.parse.analyzer import tokenize

DATA = Path(__file__).resolve().parent.parent / "data"
ROWS: list[dict[str, Any]] = yaml.safe_load((DATA / "date_notations.yaml").read_text("utf-8"))
GROUPS: list[dict[str, Any]] = yaml.safe_load((DATA / "date_pairs.yaml").read_text("utf-8"))


def read(text: str, lang: str, *, cell: bool = False, order: str = "mdy") -> list[Fact]:
    if lang == "ja":
        return extract_ja(text, tokenize(text), cell=cell)
    return extract_en(text, cell=cell, date_order=order)  # type: ignore[arg-type]


def as_table(fact: Fact) -> str:
    """A fact in the table's notation."""
    if isinstance(fact, DateFact):
        day = f"{fact.month:02d}-{fact.day:02d}"
        text = f"date {fact.year:04d}-{day}" if fact.year is not None else f"date {day}"
        return text + (f" {WEEKDAY_ABBR[fact.weekday]}" if fact.weekday is not None else "")
    if isinstance(fact, TimeFact):
        return f"time {fact.describe()}"
    if isinstance(fact, PeriodFact):
        return f"period {fact.describe()}"
    if isinstance(fact, InvalidDate):
        return f"invalid-date {fact.quote}"
    assert isinstance(fact, InvalidTime)
    return f"invalid-time {fact.quote}"


def _row_id(row: dict[str, Any]) -> str:
    order = f" [{row['date-order']}]" if "date-order" in row else ""
    return f"{row['lang']}: {row['text']}{order}"


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_notation(row: dict[str, Any]) -> None:
    found = read(
        row["text"], row["lang"], cell=bool(row.get("cell")), order=row.get("date-order", "mdy")
    )
    assert [as_table(f) for f in found] == row["facts"], row.get("note", "")


def _pairs() -> list[tuple[str, str, str, str]]:
    pairs = []
    for group in GROUPS:
        for ja, en in itertools.product(group["ja"], group["en"]):
            pairs.append((group["fact"], ja, en, group.get("date-order", "mdy")))
    return pairs


@pytest.mark.parametrize(("fact", "ja", "en", "order"), _pairs(), ids=lambda value: str(value))
def test_two_notations_of_one_fact_are_no_mismatch(fact: str, ja: str, en: str, order: str) -> None:
    ja_facts = split_facts(read(ja, "ja"))
    en_facts = split_facts(read(en, "en", order=order))
    assert ja_facts, f"no fact read in {ja!r}"
    assert en_facts, f"no fact read in {en!r}"
    assert compare_times(ja_facts.times, en_facts.times) == []
    assert compare_dates(ja_facts.dates, en_facts.dates) == []
    assert len(ja_facts.periods) == len(en_facts.periods)
    assert all(map(periods_equal, ja_facts.periods, en_facts.periods))
