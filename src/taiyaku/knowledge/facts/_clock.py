"""Turn clock readings (hour, minute, a.m./p.m.) into minutes, or say why they are invalid.

Conventions, shared by both languages:

* ``12 a.m.`` is midnight (0:00) and ``12 p.m.`` is noon, as in English usage.
* ``0:30 a.m.`` is accepted as 0:30: it is unusual English but cannot be misread, so it
  is not worth an error.  ``0 p.m.`` is invalid.
* ``午前0時`` is 0:00 and ``午後0時`` is 12:00 (standard Japanese).  ``午前12時`` and
  ``午後12時`` are invalid: readers disagree on whether they mean noon or midnight.
* A 24-hour value with a.m./p.m. (``13:00 p.m.``, ``午後13時``) is invalid.
* ``24:00`` is valid as the end of a range and as a point (``24時まで``), but not as
  the start of a range; ``24:30`` and ``25:00`` are invalid, and so is ``翌25時``.
* Minutes must be 0-59.
* ``midnight`` is 0:00, except as the end of a range, where it is 24:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from taiyaku.knowledge.facts.model import MINUTES_PER_DAY, InvalidTime, TimeFact, TimeKind
from taiyaku.model.lang import Lang

__all__ = ["Atom", "Meridiem", "Role", "make_point", "make_range"]

Meridiem = Literal["am", "pm"]
Role = Literal["start", "end", "point"]


@dataclass(frozen=True)
class Atom:
    """One clock reading as written, before interpretation."""

    start_offset: int
    end_offset: int
    hour: int
    minute: int = 0
    meridiem: Meridiem | None = None
    next_day: bool = False
    special: Literal["noon", "midnight"] | None = None
    lang: Lang = "en"


def resolve(atom: Atom, role: Role) -> int | str:
    """Minutes after midnight for ``atom`` in ``role``, or the reason it is invalid."""
    if atom.special == "noon":
        value: int | str = 720
    elif atom.special == "midnight":
        value = MINUTES_PER_DAY if role == "end" else 0
    else:
        value = _clock_minutes(atom, role)
    if isinstance(value, str) or not atom.next_day:
        return value
    if value >= MINUTES_PER_DAY:
        return "hour 24 or later cannot be marked as the next day"
    return value + MINUTES_PER_DAY


def _clock_minutes(atom: Atom, role: Role) -> int | str:
    hour, minute = atom.hour, atom.minute
    if minute >= 60:
        return f"minute {minute} is out of range (0-59)"
    if atom.meridiem is not None:
        hour_or_reason = _with_meridiem(hour, atom.meridiem, atom.lang)
        if isinstance(hour_or_reason, str):
            return hour_or_reason
        return hour_or_reason * 60 + minute
    if hour > 24:
        return f"hour {hour} is out of range (0-24)"
    if hour == 24 and minute:
        return f"24:{minute:02d} is not a time (hours run 0-23, or 24:00 as an end)"
    if hour == 24 and role == "start":
        return "24:00 cannot start a range"
    return hour * 60 + minute


def _with_meridiem(hour: int, meridiem: Meridiem, lang: str) -> int | str:
    if hour > 12:
        mark = "午前/午後" if lang == "ja" else "a.m./p.m."
        return f"{hour} is a 24-hour value and cannot take {mark}"
    if hour == 12:
        if lang == "ja":
            return "12 with 午前/午後 is ambiguous (noon or midnight)"
        return 0 if meridiem == "am" else 12
    if hour == 0 and meridiem == "pm" and lang == "en":
        return "0 p.m. is not a time"
    return hour + 12 if meridiem == "pm" else hour


def make_point(atom: Atom, quote_text: str) -> TimeFact | InvalidTime:
    """A point in time from one atom, or an InvalidTime."""
    value = resolve(atom, "point")
    quote = quote_text[atom.start_offset : atom.end_offset]
    if isinstance(value, str):
        return InvalidTime(atom.start_offset, atom.end_offset, quote, value)
    return TimeFact("point", value, None, None, atom.start_offset, atom.end_offset, quote)


def make_range(start: Atom, end: Atom, text: str) -> list[TimeFact | InvalidTime]:
    """A range from two atoms; an InvalidTime for each invalid end (and no range then)."""
    first = resolve(start, "start")
    last = resolve(end, "end")
    invalid: list[TimeFact | InvalidTime] = [
        InvalidTime(a.start_offset, a.end_offset, text[a.start_offset : a.end_offset], v)
        for a, v in ((start, first), (end, last))
        if isinstance(v, str)
    ]
    if invalid:
        return invalid
    if isinstance(first, str) or isinstance(last, str):  # for the type checker
        return invalid
    if last <= first and last < MINUTES_PER_DAY:
        last += MINUTES_PER_DAY  # overnight: 22:00-6:00
    quote = text[start.start_offset : end.end_offset]
    kind: TimeKind = "all-day" if (first, last) == (0, MINUTES_PER_DAY) else "range"
    return [TimeFact(kind, first, last, None, start.start_offset, end.end_offset, quote)]
