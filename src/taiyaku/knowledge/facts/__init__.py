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

from collections.abc import Iterable, Sequence
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
    "NO_FACTS",
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
    """The facts of one text, by type, each in text order (read them; the text that
    states none shares :data:`NO_FACTS`)."""

    times: Sequence[TimeFact]
    dates: Sequence[DateFact]
    invalid: Sequence[InvalidTime]
    periods: Sequence[PeriodFact]
    invalid_dates: Sequence[InvalidDate]

    def __bool__(self) -> bool:
        return any(self)  # type: ignore[arg-type]


#: The facts of a text that states none: nine blocks in ten.  One value, made of empty
#: tuples so that no reader can add to it, instead of five new lists per block (to make
#: and to free).
NO_FACTS = Facts((), (), (), (), ())


def split_facts(facts: Iterable[Fact]) -> Facts:
    """Sort extracted facts by type (:data:`NO_FACTS` for none)."""
    facts = facts if isinstance(facts, list) else list(facts)
    if not facts:
        return NO_FACTS
    times: list[TimeFact] = []
    dates: list[DateFact] = []
    invalid: list[InvalidTime] = []
    periods: list[PeriodFact] = []
    invalid_dates: list[InvalidDate] = []
    for fact in facts:
        if isinstance(fact, TimeFact):
            times.append(fact)
        elif isinstance(fact, DateFact):
            dates.append(fact)
        elif isinstance(fact, PeriodFact):
            periods.append(fact)
        elif isinstance(fact, InvalidDate):
            invalid_dates.append(fact)
        else:
            invalid.append(fact)
    return Facts(times, dates, invalid, periods, invalid_dates)
