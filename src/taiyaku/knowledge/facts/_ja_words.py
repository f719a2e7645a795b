"""The words the Japanese time reader knows: prefixes of an hour, what makes 24時間
round the clock, day words, and how a prefix changes an hour."""

from __future__ import annotations

import re

from taiyaku.knowledge.facts._clock import Atom, Meridiem
from taiyaku.knowledge.facts._days import EVERY_DAY, HOLIDAYS, Day, Elem
from taiyaku.knowledge.facts.calendar import (
    JA_WEEKDAY_CHARS,
    WEEKDAYS,
    WEEKEND,
)
from taiyaku.knowledge.facts.model import (
    DaySet,
)

ERAS = frozenset({"令和", "平成", "昭和"})


# 2025年5月末, 4月上旬, 令和7年度, 2025年度 (a numeral right before, as in 12025年度, is
# not ours)
# Prefixes before an hour: how they change it.  午前/午後 are strict (午後13時 is an
# error); the others are hints applied only where they are unambiguous.
STRICT_MERIDIEM: dict[str, Meridiem] = {"午前": "am", "午後": "pm"}


EVENING = frozenset({"夕方", "夜", "晩", "今夜", "夜間"})


MORNING = frozenset({"朝", "早朝", "明け方", "今朝"})


LATE_NIGHT = frozenset({"深夜", "夜中"})


# Words after 24時間 that make it "round the clock" rather than a duration.
ALL_DAY_NEXT = frozenset(
    {
        "対応",
        "受付",
        "受け付け",
        "営業",
        "稼働",
        "運用",
        "利用",
        "体制",
        "いつでも",
        "オープン",
        "開館",
        "開室",
        "受信",
        "監視",
        "有人",
        "無休",
        "年中",
        "365",
        "毎日",
    }
)


ALL_DAY_LEMMAS = frozenset({"受け付ける", "対応", "営業", "稼働", "運用", "利用"})


LABEL_END = re.compile(r"^\s*(?:$|[。.、,)<\n]|です|となります|になります)")


LIST_WORDS = frozenset({"・", "、", ",", "/", "と", "および", "及び", "や"})


# (年末年始, the year-end closure, is a holiday in an exception: 祝日・年末年始を除く)
HOLIDAY_WORDS = frozenset({"祝日", "祝祭日", "祭日", "休日", "祝", "国民の祝日", "年末年始"})


DAY_WORDS: dict[str, DaySet] = {
    "平日": DaySet.of(WEEKDAYS, None),
    "土日": DaySet.of(WEEKEND, None),
    "週末": DaySet.of(WEEKEND, None),
    "毎日": EVERY_DAY,
    "日祝": DaySet.of(frozenset({6}), True),
    "日・祝": DaySet.of(frozenset({6}), True),
    "土日祝": DaySet.of(WEEKEND, True),
    "土日祝日": DaySet.of(WEEKEND, True),
    **{word: HOLIDAYS for word in HOLIDAY_WORDS},
}


def weekday(char: str) -> DaySet:
    return DaySet.of(frozenset({JA_WEEKDAY_CHARS.index(char)}), None)


def valid_prefix(elems: list[Elem]) -> int:
    """Length of the longest prefix that ends a qualifier with balanced parentheses."""
    depth, best = 0, 0
    for n, elem in enumerate(elems, start=1):
        if elem == "(":
            depth += 1
        elif elem == ")":
            depth -= 1
            if depth < 0:
                break
        if depth == 0 and (isinstance(elem, Day) or elem in (")", "except")):
            best = n
    return best


def apply_prefix(prefix: str | None, hour: int) -> tuple[int, Meridiem | None] | None:
    """Apply a prefix such as 午後 or 夜 to an hour; None when the result is unclear."""
    if prefix is None or prefix in MORNING:
        return hour, None
    if prefix in STRICT_MERIDIEM:
        return hour, STRICT_MERIDIEM[prefix]
    if prefix in EVENING:
        if hour == 12:
            return None
        return (hour + 12 if 1 <= hour <= 11 else hour), None
    if prefix in LATE_NIGHT:
        if hour == 12:
            return 0, None
        return (hour + 12 if 6 <= hour <= 11 else hour), None
    # 昼: 昼1時 is 13:00, 昼12時 is noon
    return (hour + 12 if 1 <= hour <= 5 else hour), None


def inherit_meridiem(first: Atom, second: Atom) -> Atom:
    """``午後1時～5時``: the end takes 午後 when that is the only sensible reading."""
    if first.meridiem is None or second.meridiem is not None or not 1 <= second.hour < 12:
        return second
    first_hour = first.hour % 12 + (12 if first.meridiem == "pm" else 0)
    start = first_hour * 60 + first.minute
    plain = second.hour * 60 + second.minute
    if plain <= start < plain + 720:
        return Atom(
            second.start_offset,
            second.end_offset,
            second.hour,
            second.minute,
            "pm",
            second.next_day,
            None,
            "ja",
        )
    return second


# The words a date, a time or a day qualifier can begin with (besides numerals, clock
# times and words starting with a weekday character): eras, the prefixes of an hour,
# 正午, the day words and the opening bracket of a qualifier.
STARTING_WORDS = frozenset(
    {
        *ERAS,
        "正午",
        "翌",
        "翌日",
        "翌朝",
        "昼",
        *STRICT_MERIDIEM,
        *EVENING,
        *MORNING,
        *LATE_NIGHT,
        *DAY_WORDS,
        "年中",
        "祝祭",
        "(",
    }
)


def may_start_fact(word: str) -> bool:
    """Whether a date, time or qualifier parser can succeed at a word lexeme."""
    return word in STARTING_WORDS or (word != "" and word[0] in JA_WEEKDAY_CHARS)
