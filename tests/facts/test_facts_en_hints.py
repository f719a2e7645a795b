"""The English extractor skips a pattern when its cheap hint is absent from the text.

That is only sound if every match of the pattern contains a match of the hint.  These
tests build text from the pieces the patterns are made of and check exactly that.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.knowledge.facts import _en_dates as en_dates
from taiyaku.knowledge.facts import en
from taiyaku.knowledge.facts._en_qualifiers import DAY_WORD

_PIECES = [
    "January", "Jan.", "Sept", "May", "Dec", "Monday", "Mon.", "Tues", "Sunday", "Sat",
    "weekday", "weekdays", "Week-ends", "public holidays", "Holiday", "every day", "Everyday",
    "each day", "Daily", "7 days a week", "Seven days a week", "365 days a year",
    "All year round", "all year", "24 hours a day", "24/7", "24 / 7 / 365", "around the clock",
    "Round-the-clock", "24-hour support", "open 24 hours", ": 24 hours", "9", "10", "12", "2025",
    "2025-03-15", "2025/3/5", "15th", "of", "the", "to", "-", "–", "through", ":", "00", ":30",
    "am", "a.m.", "PM", "p.m.", "p m", "A. M.", "noon", "midnight", "(", ")", ",", ".", " ", "  ", "\n",
    "hours", "and", "between", "Friday", "Sat.", "Nov", "3rd", "1", "30",
]  # fmt: skip

_PAIRS = [
    (en_dates.PERIOD, en._PERIOD_HINT),
    (en_dates.US_DATE, en._MONTH_HINT),
    (en_dates.UK_DATE, en._MONTH_HINT),
    (en._BARE_START, en._MERIDIEM_HINT),
    (DAY_WORD, en._DAY_WORD_HINT),
    (en._ATOM, en._TIME_HINT),
]


def _all_day_hint(text: str) -> bool:
    return "24" in text or en._ROUND_HINT.search(text) is not None


texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map(" ".join) | st.lists(
    st.sampled_from(_PIECES), min_size=1, max_size=12
).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_every_match_contains_its_hint(text: str) -> None:
    for pattern, hint in _PAIRS:
        for match in pattern.finditer(text):
            # from the match on: _BARE_START's meridiem is in its lookahead, not its match
            assert hint.search(text, match.start()) is not None, (pattern.pattern[:40], text)
    for match in en._ALL_DAY.finditer(text):
        assert _all_day_hint(match.group()), text


@pytest.mark.parametrize(
    ("pattern", "hint", "text"),
    [
        (en_dates.US_DATE, en._MONTH_HINT, "Monday, March 3, 2025"),
        (en_dates.UK_DATE, en._MONTH_HINT, "the 3rd of Sept 2025"),
        (en_dates.PERIOD, en._PERIOD_HINT, "the end of May 2021"),
        (en._BARE_START, en._MERIDIEM_HINT, "9 to 5 p.m."),
        (DAY_WORD, en._DAY_WORD_HINT, "All year round"),
        (en._ATOM, en._TIME_HINT, "9.30 P.M."),
        (en._ATOM, en._TIME_HINT, "17:00"),
        (en._ATOM, en._TIME_HINT, "12 Midnight"),
        (en._ATOM, en._TIME_HINT, "Noon"),
    ],
)
def test_hints_pass_the_texts_their_patterns_match(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str
) -> None:
    assert pattern.search(text) is not None
    assert hint.search(text) is not None
