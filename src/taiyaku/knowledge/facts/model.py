"""The facts that the extractors find: times of day, dates and invalid times.

Times are normalised to minutes after midnight so that ``午後6時30分``, ``18時30分``,
``18:30`` and ``6:30 p.m.`` all become ``1110``.  A value of 1440 or more belongs to the
next day (``翌6時`` is ``1800``); ``24:00`` as the end of a range is ``1440``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from taiyaku.knowledge.facts.calendar import (
    ALL_DAYS,
    WEEKDAY_ABBR,
    WEEKDAYS,
    WEEKEND,
    weekday_range,
)

__all__ = [
    "DateFact",
    "DaySet",
    "Fact",
    "InvalidDate",
    "InvalidTime",
    "PeriodFact",
    "PeriodPart",
    "TimeFact",
    "TimeKind",
    "format_minutes",
]

TimeKind = Literal["range", "point", "all-day"]

MINUTES_PER_DAY = 1440


@dataclass(frozen=True)
class DaySet:
    """Which days a time applies to.

    Two day sets are equal when their weekdays and holiday flag are equal; ``label`` is
    derived (see :meth:`of`) and takes no part in comparisons.
    """

    weekdays: frozenset[int]
    holidays: bool | None
    label: str = field(default="", compare=False)

    @classmethod
    def of(cls, weekdays: frozenset[int] | set[int], holidays: bool | None) -> DaySet:
        """Build a day set with its canonical English label."""
        days = frozenset(weekdays)
        return cls(days, holidays, day_label(days, holidays))

    def is_empty(self) -> bool:
        return not self.weekdays and not self.holidays

    def matches(self, other: DaySet) -> bool:
        """Same weekdays; holiday flags equal or one of them unspecified.

        ``平日`` (holidays unspecified) matches ``weekdays, excluding holidays``.
        """
        if self.weekdays != other.weekdays:
            return False
        return self.holidays is None or other.holidays is None or self.holidays == other.holidays

    def union(self, other: DaySet) -> DaySet:
        holidays = _or_flags(self.holidays, other.holidays)
        return DaySet.of(self.weekdays | other.weekdays, holidays)

    def minus(self, other: DaySet) -> DaySet:
        holidays = False if other.holidays else self.holidays
        return DaySet.of(self.weekdays - other.weekdays, holidays)

    def within(self, other: DaySet) -> DaySet:
        """The days of both: ``平日`` within ``（祝日を除く）`` is weekdays except holidays."""
        if self.holidays is False or other.holidays is False:
            holidays: bool | None = False
        elif self.holidays is None or other.holidays is None:
            holidays = self.holidays if other.holidays is None else other.holidays
        else:
            holidays = self.holidays and other.holidays
        return DaySet.of(self.weekdays & other.weekdays, holidays)


def _or_flags(a: bool | None, b: bool | None) -> bool | None:
    if a or b:
        return True
    if a is None or b is None:
        return None
    return False


def day_label(weekdays: frozenset[int], holidays: bool | None) -> str:
    """The canonical English label of a day set, e.g. ``weekends and holidays``."""
    if weekdays == ALL_DAYS and holidays is not False:
        return "every day"
    base = _weekday_label(weekdays)
    if holidays is True:
        return f"{base} and holidays" if base else "holidays"
    if holidays is False:
        return f"{base} except holidays" if base else "no days"
    return base or "no days"


def _weekday_label(weekdays: frozenset[int]) -> str:
    if not weekdays:
        return ""
    if weekdays == ALL_DAYS:
        return "every day"
    if weekdays == WEEKDAYS:
        return "weekdays"
    if weekdays == WEEKEND:
        return "weekends"
    if len(weekdays) >= 3:
        for first in weekdays:
            last = (first + len(weekdays) - 1) % 7
            if weekday_range(first, last) == weekdays:  # contiguous, maybe past Sunday
                return f"{WEEKDAY_ABBR[first]}–{WEEKDAY_ABBR[last]}"
    return ", ".join(WEEKDAY_ABBR[d] for d in sorted(weekdays))


def format_minutes(minutes: int) -> str:
    """``1110`` → ``18:30``; ``1440`` → ``24:00``; ``1800`` → ``6:00 (next day)``."""
    if minutes == MINUTES_PER_DAY:
        return "24:00"
    day, rest = divmod(minutes, MINUTES_PER_DAY)
    hour, minute = divmod(rest, 60)
    text = f"{hour}:{minute:02d}"
    return f"{text} (next day)" if day else text


@dataclass(frozen=True)
class TimeFact:
    """A time of day, a range of times, or "all day", possibly for certain days.

    ``start``/``end`` are minutes after midnight; ``end`` is None for a point and
    both are 0/1440 for ``all-day``.  A range's end is always after its start: an
    overnight range such as 22:00–6:00 is stored as 1320–1800.
    """

    kind: TimeKind
    start: int | None
    end: int | None
    days: DaySet | None
    start_offset: int
    end_offset: int
    quote: str

    @property
    def value(self) -> tuple[str, int | None, int | None]:
        """What the fact says about time, without the days and the source position."""
        return (self.kind, self.start, self.end)

    def describe_time(self) -> str:
        if self.kind == "all-day":
            return "all day"
        if self.kind == "point" or self.end is None:
            return format_minutes(self.start or 0)
        return f"{format_minutes(self.start or 0)}–{format_minutes(self.end)}"

    def describe(self) -> str:
        """Normalised text, e.g. ``8:25–18:30 on weekdays`` or ``all day every day``."""
        text = self.describe_time()
        if self.days is None:
            return text
        label = self.days.label or day_label(self.days.weekdays, self.days.holidays)
        return f"{text} {label}" if label.startswith("every") else f"{text} on {label}"


@dataclass(frozen=True)
class DateFact:
    """A calendar date; ``weekday`` is the weekday stated in the text (0=Mon), if any."""

    year: int | None
    month: int
    day: int
    weekday: int | None
    start_offset: int
    end_offset: int
    quote: str
    # where the year comes from when the text gives it at another date of the same
    # range or list (``3月15日から21日``): "the range's other end"; "" when stated here
    year_source: str = field(default="", compare=False)

    def describe(self) -> str:
        """``2025-03-15 (Sat)``; without a year ``03-15 (Sat)``."""
        text = f"{self.month:02d}-{self.day:02d}"
        if self.year is not None:
            text = f"{self.year:04d}-{text}"
        if self.weekday is not None:
            text += f" ({WEEKDAY_ABBR[self.weekday]})"
        return text


PeriodPart = Literal["start", "early", "mid", "late", "end", "fiscal-year"]
_PART_WORDS = {"start": "start of", "early": "early", "mid": "mid", "late": "late", "end": "end of"}


@dataclass(frozen=True)
class PeriodFact:
    """A part of a month (``4月上旬``, ``end of May 2021``) or a fiscal or academic year
    (``2025年度``, ``FY2025``): ``month`` is None for the latter."""

    part: PeriodPart
    year: int | None
    month: int | None
    start_offset: int
    end_offset: int
    quote: str

    def describe(self) -> str:
        """``early 2025-04``, ``end 05``, ``FY2025``."""
        if self.part == "fiscal-year":
            return f"FY{self.year}"
        month = f"{self.month:02d}"
        if self.year is None:
            return f"{self.part} {month}"
        return f"{self.part} {self.year:04d}-{month}"

    def reading(self) -> str:
        """``early April 2025``, ``the end of May``, ``fiscal year 2025``."""
        if self.part == "fiscal-year":
            return f"fiscal year {self.year}"
        assert self.month is not None
        month = _MONTH_NAMES[self.month - 1]
        year = f" {self.year}" if self.year is not None else ""
        return f"{_PART_WORDS[self.part]} {month}{year}"


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class InvalidDate:
    """Something written as a date that no calendar has (2月30日, 4/31, 13/01 in M/D)."""

    start_offset: int
    end_offset: int
    quote: str
    reason: str

    def describe(self) -> str:
        return f"invalid date {self.quote!r}: {self.reason}"


@dataclass(frozen=True)
class InvalidTime:
    """Something written as a time of day that cannot be one (25:00, 8:75, 13:00 p.m.)."""

    start_offset: int
    end_offset: int
    quote: str
    reason: str

    def describe(self) -> str:
        return f"invalid time {self.quote!r}: {self.reason}"


Fact = TimeFact | DateFact | PeriodFact | InvalidTime | InvalidDate
