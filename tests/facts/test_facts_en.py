"""English extraction: each case is the input and the normalised facts, side by side."""

from __future__ import annotations

import pytest

from taiyaku.knowledge.facts import DateFact, InvalidTime, TimeFact, extract_en


def describe(text: str) -> list[str]:
    return [fact.describe() for fact in extract_en(text)]


TIMES = [
    # the forms named in the issue
    ("8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri)", ["8:25–18:30 on weekdays"]),
    ("9am–5pm", ["9:00–17:00"]),
    ("9:00 to 17:00", ["9:00–17:00"]),
    ("from 9 a.m. until 5 p.m.", ["9:00–17:00"]),
    ("noon", ["12:00"]),
    ("midnight", ["0:00"]),
    ("12:00 noon", ["12:00"]),
    ("12 noon", ["12:00"]),
    ("10:20 a.m.-4:35 p.m. on weekends or holidays", ["10:20–16:35 on weekends and holidays"]),
    ("Monday through Friday, 9am-5pm", ["9:00–17:00 on weekdays"]),
    ("24 hours a day, 365 days a year", ["all day every day"]),
    ("8:25am – 6:30pm", ["8:25–18:30"]),
    ('"8:25am – 6:30pm"', ["8:25–18:30"]),
    # spelling variants
    ("8:25 AM - 6:30 PM", ["8:25–18:30"]),
    ("8.25 a.m. to 6.30 p.m.", ["8:25–18:30"]),
    ("9 a.m.—5 p.m.", ["9:00–17:00"]),
    ("9 a.m. till 5 p.m.", ["9:00–17:00"]),
    ("9 a.m. through 5 p.m.", ["9:00–17:00"]),
    ("between 6:00 and 23:00 each day", ["6:00–23:00 every day"]),
    ("9–11 a.m.", ["9:00–11:00"]),
    ("1:00-3:00 p.m.", ["13:00–15:00"]),
    ("11-1 pm", ["11:00–13:00"]),
    ("10-4pm", ["10:00–16:00"]),
    ("12 a.m.", ["0:00"]),
    ("12 p.m.", ["12:00"]),
    ("0:30 a.m.", ["0:30"]),
    ("9 a.m. to midnight", ["9:00–24:00"]),
    ("10 p.m. to 6 a.m.", ["22:00–6:00 (next day)"]),
    ("until 6 a.m. the next day", ["6:00 (next day)"]),
    ("17:00", ["17:00"]),
    ("until 24:00", ["24:00"]),
    # round the clock
    ("Business hours: 24 hours", ["all day"]),
    ("available 24/7", ["all day every day"]),
    ("available 24 hours", ["all day"]),
    ("24-hour support", ["all day"]),
    ("around the clock", ["all day"]),
    # day qualifiers, before and after
    ("on weekdays from 10:20 a.m. to 6:30 p.m.", ["10:20–18:30 on weekdays"]),
    ("9:00-17:00 (Mon-Fri)", ["9:00–17:00 on weekdays"]),
    ("Mon.-Fri. 9:00-17:00", ["9:00–17:00 on weekdays"]),
    ("9:00-17:00 (excluding holidays)", ["9:00–17:00 every day except holidays"]),
    ("9am-5pm, excluding weekends and holidays", ["9:00–17:00 on weekdays except holidays"]),
    ("weekdays except holidays, 9am-5pm", ["9:00–17:00 on weekdays except holidays"]),
    ("Sat, Sun and holidays 10am-4pm", ["10:00–16:00 on weekends and holidays"]),
    ("Sunday through Thursday 9am-5pm", ["9:00–17:00 on Sun–Thu"]),
    ("every Monday at 9am", ["9:00 on Mon"]),
    ("daily at 6:00", ["6:00 every day"]),
    (
        "9:00-12:00 and 13:00-17:00 on weekdays",
        ["9:00–12:00 on weekdays", "13:00–17:00 on weekdays"],
    ),
    (
        "weekdays 9:00-17:00 and Saturdays 10:00-12:00",
        ["9:00–17:00 on weekdays", "10:00–12:00 on Sat"],
    ),
    # a qualifier between two times goes to the side without a comma
    (
        "9am-5pm on weekdays, 10am-4pm on weekends",
        ["9:00–17:00 on weekdays", "10:00–16:00 on weekends"],
    ),
    (
        "on weekdays 9am-5pm, on weekends 10am-4pm",
        ["9:00–17:00 on weekdays", "10:00–16:00 on weekends"],
    ),
    # when unsure, no days (which compares equal to any days)
    ("on weekdays 9am-5pm; 10am-4pm", ["9:00–17:00 on weekdays", "10:00–16:00"]),
    (
        "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri) and "
        "10:20 a.m.-4:35 p.m. on weekends or holidays.",
        ["8:25–18:30 on weekdays", "10:20–16:35 on weekends and holidays"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times(text: str, expected: list[str]) -> None:
    assert describe(text) == expected


DATES = [
    ("Saturday, March 15, 2025", ["2025-03-15 (Sat)"]),
    ("March 15", ["03-15"]),
    ("15 March 2025", ["2025-03-15"]),
    ("Saturday 15 March 2025", ["2025-03-15 (Sat)"]),
    ("2025-03-15", ["2025-03-15"]),
    ("2025/3/15", ["2025-03-15"]),
    ("Mar. 15", ["03-15"]),
    ("Sat., Mar. 15", ["03-15 (Sat)"]),
    ("March 15th", ["03-15"]),
    ("March 15 (Sat)", ["03-15 (Sat)"]),
    ("March 15, 2025 (Sat.)", ["2025-03-15 (Sat)"]),
    ("the 15th of March", ["03-15"]),
    ("(2021, March 19)", ["2021-03-19"]),
    ("March 15–20, 2025", ["2025-03-15", "2025-03-20"]),
    ("Tuesday, May 10, 2022 from 20:00 to 21:00", ["2022-05-10 (Tue)", "20:00–21:00"]),
    ("by noon on Friday, July 24, 2026", ["12:00", "2026-07-24 (Fri)"]),
    (
        "Note: business hours on weekends and holidays are available from Saturday, March 15, "
        "2025 through Sunday, April 20, 2025 (Including Thursday, March 20).",
        ["2025-03-15 (Sat)", "2025-04-20 (Sun)", "03-20 (Thu)"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(text: str, expected: list[str]) -> None:
    assert describe(text) == expected


INVALID = [
    ("25:00", "hour 25 is out of range (0-24)"),
    ("8:75", "minute 75 is out of range (0-59)"),
    ("13:00 p.m.", "13 is a 24-hour value and cannot take a.m./p.m."),
    ("0 p.m.", "0 p.m. is not a time"),
    ("24:30", "24:30 is not a time (hours run 0-23, or 24:00 as an end)"),
]


@pytest.mark.parametrize(("text", "reason"), INVALID)
def test_invalid_times(text: str, reason: str) -> None:
    facts = extract_en(text)
    assert len(facts) == 1
    fact = facts[0]
    assert isinstance(fact, InvalidTime)
    assert (fact.quote, fact.reason) == (text, reason)


def test_24_00_can_end_but_not_start_a_range() -> None:
    assert describe("18:00-24:00") == ["18:00–24:00"]
    assert describe("24:00-6:00") == ["invalid time '24:00': 24:00 cannot start a range"]


NOT_TIMES = [
    "about 5 minutes",
    "10 minutes",
    "2 hours",
    "within 24 hours",
    "open 24 hours after registration",
    "use the 24-hour format",
    "for 1:30 hours",
    "3rd period",
    "the 5th period",
    "Zoom 5.10",
    "version 10.20",
    "Python 3.11",
    "a 1:1 meeting",
    "aspect ratio 16:10",
    "ratio 1:2",
    "Step 1: click",
    "pp. 12-15",
    "Figure 3-5",
    "2-3 days",
    "from 9 to 5",
    "call 03-5841-2222",
    "192.168.0.1",
    "https://example.com:8080/a",
    "see https://example.com/at/9am",
    "`9:00`",
    "10:00:00",
    "2025-03-15T10:00:00",
    "I am here",
    "PM2.5 level",
    "score 21:15 and 45:30",
    "May I help you",
    "March 2025",
    "in March 2025",
    "Sun Microsystems",
    "password valid for 365 days (one year)",
    "meet me at 12",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_times(text: str) -> None:
    assert extract_en(text) == []


def test_offsets_and_quote_point_into_the_text() -> None:
    text = "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri)."
    (fact,) = extract_en(text)
    assert isinstance(fact, TimeFact)
    assert text[fact.start_offset : fact.end_offset] == fact.quote == "8:25 a.m.-6:30 p.m."
    assert (fact.kind, fact.start, fact.end) == ("range", 505, 1110)


def test_date_fields() -> None:
    (fact,) = extract_en("Deadline: Saturday, March 15, 2025.")
    assert isinstance(fact, DateFact)
    assert (fact.year, fact.month, fact.day, fact.weekday) == (2025, 3, 15, 5)
    assert fact.quote == "Saturday, March 15, 2025"


def test_impossible_dates_are_invalid_dates_not_dates() -> None:
    found = [extract_en(text) for text in ("February 30, 2025", "2025-13-01", "March 32")]
    assert [[f.describe() for f in facts] for facts in found] == [
        ["invalid date 'February 30, 2025': February has no day 30"],
        ["invalid date '2025-13-01': month 13 does not exist"],
        [],  # no month has a day 32: not a date's shape at all
    ]


def test_many_facts_on_one_page() -> None:
    """Taken spans are bisected, so thousands of dates on a page stay cheap."""
    facts = extract_en("March 15, " * 3000)
    assert len(facts) == 3000
