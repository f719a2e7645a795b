"""The data model: day-set labels and equality, descriptions."""

from __future__ import annotations

import pytest

from taiyaku.knowledge.facts import DateFact, DaySet, InvalidTime, TimeFact
from taiyaku.knowledge.facts.model import format_minutes


@pytest.mark.parametrize(
    ("weekdays", "holidays", "label"),
    [
        ({0, 1, 2, 3, 4}, None, "weekdays"),
        ({0, 1, 2, 3, 4}, False, "weekdays except holidays"),
        ({5, 6}, None, "weekends"),
        ({5, 6}, True, "weekends and holidays"),
        (set(range(7)), True, "every day"),
        (set(range(7)), None, "every day"),
        (set(range(7)), False, "every day except holidays"),
        (set(), True, "holidays"),
        ({5}, None, "Sat"),
        ({0, 2, 4}, None, "Mon, Wed, Fri"),
        ({0, 1, 2}, None, "Mon–Wed"),
        ({6, 0, 1, 2, 3}, None, "Sun–Thu"),
    ],
)
def test_day_labels(weekdays: set[int], holidays: bool | None, label: str) -> None:
    assert DaySet.of(frozenset(weekdays), holidays).label == label


def test_day_set_equality_ignores_the_label() -> None:
    assert DaySet(frozenset({5, 6}), True, "x") == DaySet.of(frozenset({5, 6}), True)
    assert DaySet.of(frozenset({5, 6}), True) != DaySet.of(frozenset({5, 6}), None)


def test_day_set_matches_unstated_holidays() -> None:
    weekdays = DaySet.of(frozenset(range(5)), None)
    assert weekdays.matches(DaySet.of(frozenset(range(5)), False))
    assert not weekdays.matches(DaySet.of(frozenset(range(6)), None))


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0:00"), (505, "8:25"), (1110, "18:30"), (1440, "24:00"), (1800, "6:00 (next day)")],
)
def test_format_minutes(minutes: int, text: str) -> None:
    assert format_minutes(minutes) == text


def test_describe() -> None:
    weekdays = DaySet.of(frozenset(range(5)), None)
    every = DaySet.of(frozenset(range(7)), True)
    assert TimeFact("range", 505, 1110, weekdays, 0, 0, "").describe() == "8:25–18:30 on weekdays"
    assert TimeFact("point", 720, None, None, 0, 0, "").describe() == "12:00"
    assert TimeFact("all-day", 0, 1440, every, 0, 0, "").describe() == "all day every day"
    assert DateFact(2025, 3, 15, 5, 0, 0, "").describe() == "2025-03-15 (Sat)"
    assert DateFact(None, 3, 20, None, 0, 0, "").describe() == "03-20"
    assert InvalidTime(0, 5, "25:00", "hour 25").describe() == "invalid time '25:00': hour 25"
