"""Evaluate a parsed day qualifier (土日祝日を除く毎日, Monday through Friday) to a DaySet.

Both extractors turn a qualifier into a flat list of elements:

* ``Day(days)``: one day word (平日, 土, Saturdays, holidays);
* ``"range"``: a range connector (～, から, through, -);
* ``"list"``: a list connector (・, and, or, ",");
* ``"("`` / ``")"``: parentheses, whose content elaborates on what precedes it
  (``平日（月～金）``) or excludes days (``平日（祝日を除く）``);
* ``"except"``: what came before in the same parentheses is excluded
  (``土日祝日を除く``); in English the word comes first (``except holidays``), and the
  English parser emits it after the excluded days.
"""

from __future__ import annotations

from dataclasses import dataclass

from taiyaku.knowledge.facts.calendar import ALL_DAYS, weekday_range
from taiyaku.knowledge.facts.model import DaySet

__all__ = ["EVERY_DAY", "HOLIDAYS", "Day", "Elem", "evaluate"]

EVERY_DAY = DaySet.of(ALL_DAYS, True)
HOLIDAYS = DaySet.of(frozenset(), True)


@dataclass(frozen=True)
class Day:
    days: DaySet

    def single_weekday(self) -> int | None:
        if len(self.days.weekdays) == 1 and not self.days.holidays:
            return next(iter(self.days.weekdays))
        return None


Elem = Day | str


@dataclass
class _Frame:
    include: DaySet | None = None
    exclude: DaySet | None = None
    last: Day | None = None
    ranging: bool = False


def evaluate(elems: list[Elem]) -> DaySet | None:
    """The day set that ``elems`` describe, or None when they describe none."""
    stack = [_Frame()]
    for elem in elems:
        frame = stack[-1]
        if isinstance(elem, Day):
            _add_day(frame, elem)
        elif elem == "range":
            frame.ranging = frame.last is not None
        elif elem == "list":
            frame.ranging = False
        elif elem == "except":
            frame.exclude = _union(frame.exclude, frame.include)
            frame.include, frame.last, frame.ranging = None, None, False
        elif elem == "(":
            stack.append(_Frame())
        elif elem == ")" and len(stack) > 1:
            inner = stack.pop()
            outer = stack[-1]
            outer.include = _union(outer.include, inner.include)
            outer.exclude = _union(outer.exclude, inner.exclude)
    while len(stack) > 1:
        inner = stack.pop()
        stack[-1].include = _union(stack[-1].include, inner.include)
        stack[-1].exclude = _union(stack[-1].exclude, inner.exclude)
    return _result(stack[0])


def is_exclusion(elems: list[Elem]) -> bool:
    """Whether ``elems`` only leave days out (``（祝日を除く）``, ``(except holidays)``):
    no day is named after the last ``except``, nor outside what it excludes."""
    if "except" not in elems:
        return False
    last = len(elems) - 1 - elems[::-1].index("except")
    return not any(isinstance(e, Day) for e in elems[last:])


def _add_day(frame: _Frame, day: Day) -> None:
    first = frame.last.single_weekday() if frame.last and frame.ranging else None
    last = day.single_weekday()
    if first is not None and last is not None:
        frame.include = _union(frame.include, DaySet.of(weekday_range(first, last), None))
    else:
        frame.include = _union(frame.include, day.days)
    frame.last, frame.ranging = day, False


def _union(a: DaySet | None, b: DaySet | None) -> DaySet | None:
    if a is None:
        return b
    if b is None:
        return a
    return a.union(b)


def _result(frame: _Frame) -> DaySet | None:
    if frame.exclude is None:
        return frame.include
    base = frame.include if frame.include is not None else EVERY_DAY
    result = base.minus(frame.exclude)
    return None if result.is_empty() else result
