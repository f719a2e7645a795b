"""English day qualifiers: which days a time applies to (``on weekdays``, ``Mon-Fri``,
``(except holidays)``), read word by word into the day expression that
:func:`~taiyaku.knowledge.facts._days.evaluate` computes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from taiyaku.knowledge.facts._days import EVERY_DAY, HOLIDAYS, Day, Elem
from taiyaku.knowledge.facts.calendar import WEEKDAY_NAMES, WEEKDAYS, WEEKEND
from taiyaku.knowledge.facts.model import (
    DaySet,
)

WEEKDAY_WORDS = {
    **{name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)},
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}


DAY_WORD = re.compile(
    r"(?P<weekdays>\b[Ww]eek-?days?\b|\bM\s?[-–—]\s?F\b)"
    r"|(?P<weekend>\b[Ww]eek-?ends?\b)"
    r"|(?P<holidays>\b(?:(?:[Pp]ublic|[Nn]ational|Japanese|[Bb]ank)\s+)?[Hh]olidays?\b)"
    r"|(?P<every>\b(?:[Ee]very\s*day|[Ee]ach\s+day|[Dd]aily|(?:7|[Ss]even)\s+days\s+a\s+week"
    r"|365\s+days\s+a\s+year|[Aa]ll\s+year(?:\s+round)?)\b)"
    r"|(?P<full>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)"
    r"|(?P<abbr>\b(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?)"
)


_LIST = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b)\s*")


_RANGE = re.compile(r"\s*(?:-|–|—|~|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*")


_EXCEPT = re.compile(
    r"\s*,?\s*(?:excluding|except(?:\s+for|\s+on)?|excl\.|other\s+than|but\s+not)\s+(?:on\s+)?",
    re.I,
)


_OPEN = re.compile(r"\s*\(\s*")


LEAD = re.compile(
    r"(?:\(\s*)?(?:(?:excluding|except(?:\s+for|\s+on)?|excl\.|other\s+than)\s+(?:on\s+)?)?\Z"
    r"|\(\s*\Z",
    re.I,
)


_CLOSE = re.compile(r"\s*\)")


@dataclass(frozen=True)
class _State:
    pos: int
    count: int
    depth: int
    except_depths: tuple[int, ...]
    days: int
    strong: int


class QualifierParser:
    """Read one English qualifier: day words joined by connectors and parentheses.

    ``except X`` is emitted as ``( X except )`` so that :func:`evaluate` subtracts X
    from what precedes it.
    """

    def __init__(self, text: str, start: int, free: Callable[[int, int], bool]) -> None:
        self.text = text
        self.pos = start
        self.free = free
        self.elems: list[Elem] = []
        self.ends: list[int] = []
        self.depth = 0
        self.except_depths: list[int] = []
        self.strong = 0
        self.days = 0

    def parse(self) -> tuple[list[Elem], int]:
        self._open()
        if not (self._day() or self._except()):
            return [], self.pos
        while self._step():
            pass
        return self._trim()

    def valid(self) -> bool:
        return self.days > 0 and (self.strong > 0 or self.days >= 2)

    def _state(self) -> _State:
        return _State(
            self.pos,
            len(self.elems),
            self.depth,
            tuple(self.except_depths),
            self.days,
            self.strong,
        )

    def _restore(self, state: _State) -> None:
        self.pos, self.depth, self.days, self.strong = (
            state.pos,
            state.depth,
            state.days,
            state.strong,
        )
        del self.elems[state.count :]
        del self.ends[state.count :]
        self.except_depths = list(state.except_depths)

    def _step(self) -> bool:
        state = self._state()
        for connector, elem in ((_RANGE, "range"), (_LIST, "list")):
            m = connector.match(self.text, self.pos)
            if m and m.end() > self.pos:
                self.pos = m.end()
                self._emit(elem)
                if self._day() or self._except():
                    return True
                self._restore(state)
        if self._except():
            return True
        if self._open() and (self._day() or self._except()):
            return True
        self._restore(state)
        return self._close()

    def _emit(self, elem: Elem) -> None:
        self.elems.append(elem)
        self.ends.append(self.pos)

    def _except(self) -> bool:
        state = self._state()
        m = _EXCEPT.match(self.text, self.pos)
        if not m:
            return False
        self.pos = m.end()
        self._emit("(")
        self.except_depths.append(self.depth)
        self.depth += 1
        if self._day():
            return True
        self._restore(state)
        return False

    def _open(self) -> bool:
        m = _OPEN.match(self.text, self.pos)
        if not m:
            return False
        self.pos = m.end()
        self.depth += 1
        self._emit("(")
        return True

    def _close(self) -> bool:
        state = self._state()
        self._end_excepts(self.depth - 1)
        m = _CLOSE.match(self.text, self.pos)
        if self.depth == 0 or not m:
            self._restore(state)
            return False
        self.pos = m.end()
        self.depth -= 1
        self._emit(")")
        return True

    def _end_excepts(self, level: int) -> None:
        """Close the ``except`` groups opened at ``level`` or deeper."""
        while self.except_depths and self.except_depths[-1] >= level:
            self.except_depths.pop()
            self._emit("except")
            self._emit(")")
            self.depth -= 1

    def _day(self) -> bool:
        m = DAY_WORD.match(self.text, self.pos)
        if not m or not self.free(m.start(), m.end()):
            return False
        day, strong = _day_of(m)
        self.pos = m.end()
        self._emit(Day(day))
        self.days += 1
        self.strong += strong
        return True

    def _trim(self) -> tuple[list[Elem], int]:
        self._end_excepts(0)
        depth, best = 0, 0
        for n, elem in enumerate(self.elems, start=1):
            depth += (elem == "(") - (elem == ")")
            if depth == 0 and (isinstance(elem, Day) or elem == ")"):
                best = n
        if best == 0:
            return [], self.pos
        return self.elems[:best], self.ends[best - 1]


def _day_of(m: re.Match[str]) -> tuple[DaySet, bool]:
    kind = m.lastgroup
    if kind == "weekdays":
        return DaySet.of(WEEKDAYS, None), True
    if kind == "weekend":
        return DaySet.of(WEEKEND, None), True
    if kind == "holidays":
        return HOLIDAYS, True
    if kind == "every":
        return EVERY_DAY, True
    word = m.group().rstrip(".").lower()
    if kind == "full":
        return DaySet.of(frozenset({WEEKDAY_WORDS[word.rstrip("s")]}), None), True
    return DaySet.of(frozenset({WEEKDAY_WORDS[word]}), None), False
