"""Hours, times, dates and weekdays: extraction from Japanese and English, and comparison.

A pure library used by the rules TM001-TM004::

    from taiyaku.parse.analyzer import tokenize
    from taiyaku.knowledge.facts import compare_times, extract_en, extract_ja, split_facts

    ja = split_facts(extract_ja(ja_text, tokenize(ja_text)))
    en = split_facts(extract_en(en_text))
    for mismatch in compare_times(ja.times, en.times):
        ...
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from taiyaku.knowledge.facts._numeric import DateOrder
from taiyaku.knowledge.facts.compare import (
    DateMismatch,
    TimeMismatch,
    WeekdayContradiction,
    compare_dates,
    compare_dates_in_sections,
    compare_periods_in_sections,
    compare_times,
    compare_times_in_sections,
    dates_equal,
    equality_key,
    infer_context_year,
    periods_equal,
    times_equal,
    weekday_contradictions,
)
from taiyaku.knowledge.facts.en import extract_en
from taiyaku.knowledge.facts.ja import extract_ja
from taiyaku.knowledge.facts.model import (
    DateFact,
    DaySet,
    Fact,
    InvalidDate,
    InvalidTime,
    PeriodFact,
    TimeFact,
)

__all__ = [
    "DateFact",
    "DateMismatch",
    "DateOrder",
    "DaySet",
    "Fact",
    "Facts",
    "InvalidDate",
    "InvalidTime",
    "PeriodFact",
    "TimeFact",
    "TimeMismatch",
    "WeekdayContradiction",
    "compare_dates",
    "compare_dates_in_sections",
    "compare_periods_in_sections",
    "compare_times",
    "compare_times_in_sections",
    "dates_equal",
    "equality_key",
    "extract_en",
    "extract_ja",
    "infer_context_year",
    "periods_equal",
    "split_facts",
    "times_equal",
    "weekday_contradictions",
]


class Facts(NamedTuple):
    """The facts of one text, by type, each list in text order."""

    times: list[TimeFact]
    dates: list[DateFact]
    invalid: list[InvalidTime]
    periods: list[PeriodFact]
    invalid_dates: list[InvalidDate]

    def __bool__(self) -> bool:
        return any(self)  # type: ignore[arg-type]


def split_facts(facts: Iterable[Fact]) -> Facts:
    """Sort extracted facts by type."""
    result = Facts([], [], [], [], [])
    for fact in facts:
        if isinstance(fact, TimeFact):
            result.times.append(fact)
        elif isinstance(fact, DateFact):
            result.dates.append(fact)
        elif isinstance(fact, PeriodFact):
            result.periods.append(fact)
        elif isinstance(fact, InvalidDate):
            result.invalid_dates.append(fact)
        else:
            result.invalid.append(fact)
    return result
