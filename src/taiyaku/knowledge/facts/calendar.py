"""Calendar helpers shared by the extractors: weekday names, eras and date checks."""

from __future__ import annotations

import datetime

__all__ = [
    "ALL_DAYS",
    "JA_WEEKDAY_CHARS",
    "WEEKDAYS",
    "WEEKDAY_ABBR",
    "WEEKDAY_NAMES",
    "WEEKEND",
    "era_to_year",
    "is_valid_date",
    "weekday_of",
    "weekday_range",
]

WEEKDAY_ABBR: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
#: The kanji used for weekdays in Japanese, Monday first (月 = Monday ... 日 = Sunday).
JA_WEEKDAY_CHARS = "月火水木金土日"

WEEKDAYS: frozenset[int] = frozenset(range(5))
WEEKEND: frozenset[int] = frozenset({5, 6})
ALL_DAYS: frozenset[int] = frozenset(range(7))

# First Gregorian year of each Japanese era, minus one: 令和1年 = 2019.
_ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}


def era_to_year(era: str, year_in_era: int) -> int | None:
    """Convert a Japanese era year (令和7年) to the Gregorian year, or None if unknown."""
    base = _ERA_BASE.get(era)
    if base is None or year_in_era < 1:
        return None
    return base + year_in_era


def is_valid_date(year: int | None, month: int, day: int) -> bool:
    """Whether month/day exist (in ``year`` when given, else in a leap year)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    try:
        datetime.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return year is None or 1 <= year <= 9999


def weekday_of(year: int, month: int, day: int) -> int | None:
    """The weekday (0=Mon) of a date, or None when the date does not exist."""
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None


def weekday_range(first: int, last: int) -> frozenset[int]:
    """Days from ``first`` to ``last`` inclusive, wrapping past Sunday (Sat-Mon)."""
    days = {first}
    current = first
    while current != last:
        current = (current + 1) % 7
        days.add(current)
    return frozenset(days)
